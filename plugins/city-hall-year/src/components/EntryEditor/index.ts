export { EntryEditorPage } from './EntryEditor';
