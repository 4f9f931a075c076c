import type {
  Cycle,
  Entry,
  EntryFields,
  EntryStatus,
} from '@internal/plugin-city-hall-year-common';

/** Which entries a list asks for. Every given criterion must match. */
export interface EntryFilter {
  cycles?: Cycle[];
  owners?: string[];
  statuses?: EntryStatus[];
  /** Case-insensitive text that must occur in the title, summary, purpose, legal basis or tags. */
  query?: string;
}

/** A page of entries and how many there are in all. */
export interface EntryListResult {
  items: Entry[];
  totalCount: number;
}

/** Who makes a change, and when. */
export interface ChangeContext {
  actor: string;
  at: string;
}

/** Storage of entries and their revisions. */
export interface EntryStore {
  /** A page of live (not deleted) entries, ordered by Japanese title then slug. */
  listEntries(options: {
    filter: EntryFilter;
    offset: number;
    limit: number;
  }): Promise<EntryListResult>;

  /** Every live entry that matches, unpaged; for the year view, which shows a whole year. */
  listAllEntries(filter: EntryFilter): Promise<Entry[]>;

  /** A live entry by its id or slug. */
  getEntry(idOrSlug: string): Promise<Entry | undefined>;

  /** Creates an entry and its first revision in one transaction. */
  createEntry(fields: EntryFields, change: ChangeContext): Promise<Entry>;

  /**
   * Loads a named content set into the database, exactly once per database: when
   * several replicas try at once, one loads it and the others see it done.
   * Resolves to whether this call loaded it.
   */
  seedOnce(name: string, entries: EntryFields[], change: ChangeContext): Promise<boolean>;
}
