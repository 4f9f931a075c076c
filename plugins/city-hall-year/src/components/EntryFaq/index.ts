export { EntryFaq } from './EntryFaq';
export { FaqItemDialog } from './FaqItemDialog';
