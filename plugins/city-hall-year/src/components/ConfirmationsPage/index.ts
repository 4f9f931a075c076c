export { ConfirmationsPage } from './ConfirmationsPage';
