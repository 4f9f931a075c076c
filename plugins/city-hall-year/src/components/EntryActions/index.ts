export { EntryActions } from './EntryActions';
