export { EntryQuestions } from './EntryQuestions';
