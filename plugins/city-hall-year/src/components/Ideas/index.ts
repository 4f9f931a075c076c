export { EntryIdeas } from './EntryIdeas';
export { IdeaCard, IdeaStatusChip } from './IdeaCard';
export { IdeasPage } from './IdeasPage';
