import type {
  IdeaCounts,
  IdeaStatus,
  IdeaSuggestion,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ChangeContext, EntryFilter } from './EntryStore';

/** An idea as stored: its author always kept; the service decides who sees it. */
export interface StoredIdea {
  id: string;
  entryId: string;
  suggestion: IdeaSuggestion;
  body: string;
  author: string;
  anonymous: boolean;
  status: IdeaStatus;
  answer?: string;
  answeredBy?: string;
  answeredAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What an author writes. */
export interface IdeaFields {
  suggestion: IdeaSuggestion;
  body: string;
  anonymous: boolean;
}

/** Which ideas a list shows. */
export interface IdeaFilter {
  entryId?: string;
  /** Only ideas on the live entries this filter selects (owner, permission criteria). */
  entries?: EntryFilter;
  status?: IdeaStatus;
}

/**
 * Storage of process-review ideas and every status and answer given to them. A status
 * change names the version it was based on and is written with its answer row.
 */
export interface IdeaStore {
  create(
    entryId: string,
    fields: IdeaFields,
    change: ChangeContext,
  ): Promise<StoredIdea>;

  get(id: string): Promise<StoredIdea | undefined>;

  list(
    filter: IdeaFilter,
    page: { offset: number; limit: number },
  ): Promise<{ items: StoredIdea[]; totalCount: number; counts: IdeaCounts }>;

  /** Per owner Group of the entries, the count of each status. */
  countsByOwner(
    filter: IdeaFilter,
  ): Promise<Array<{ owner: string; counts: IdeaCounts }>>;

  setStatus(
    id: string,
    update: { status: IdeaStatus; answer: string },
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<StoredIdea>;
}
