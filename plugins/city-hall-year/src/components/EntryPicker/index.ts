export { EntryPicker, ENTRY_PICKER_LIMIT } from './EntryPicker';
