export { EntryEditorPage } from './EntryEditor';
export { EntryForm } from './EntryForm';
export { MergeDialog } from './MergeDialog';
