export { EntryHistoryPage } from './EntryHistory';
