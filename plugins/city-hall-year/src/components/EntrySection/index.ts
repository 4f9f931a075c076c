export { EntrySection } from './EntrySection';
