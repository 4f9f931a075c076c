export { EntryChain } from './EntryChain';
