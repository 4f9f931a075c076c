export { FieldsDiff, type EntryState } from './FieldsDiff';
