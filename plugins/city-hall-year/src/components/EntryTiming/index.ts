export { EntryTiming } from './EntryTiming';
