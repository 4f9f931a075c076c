export { PrintPage } from './PrintPage';
