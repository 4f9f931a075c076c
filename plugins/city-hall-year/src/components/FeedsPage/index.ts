export { FeedsPage } from './FeedsPage';
