import type { PermissionCriteria } from '@backstage/plugin-permission-common';
import type {
  ContentUpdateReport,
  Cycle,
  Entry,
  EntryFields,
  EntryRevision,
  EntryRevisionSummary,
  EntryStatus,
  RevisionAction,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryQuery } from '../permissions/rules';
import type { CourseStore } from './CourseStore';

/** Which entries a list asks for. Every given criterion must match. */
export interface EntryFilter {
  cycles?: Cycle[];
  owners?: string[];
  statuses?: EntryStatus[];
  /** Case-insensitive text that must occur in the title, summary, purpose, legal basis or tags. */
  query?: string;
  /** What the caller may read, from a conditional permission decision; applied in SQL. */
  permission?: PermissionCriteria<EntryQuery>;
  /** List deleted entries instead of live ones. */
  deleted?: boolean;
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

/** A change to an existing entry, made only if the entry is still at `expectedVersion`. */
export interface EntryChange extends ChangeContext {
  /** The version the change was based on; a stale one is a conflict. */
  expectedVersion: number;
  action: RevisionAction;
  restoredFrom?: number;
  /** For an accepted proposal: who proposed it, and which one. */
  proposedBy?: string;
  proposalId?: string;
}

/** What an import writes: new entries, and updates each based on the version it read. */
export interface ImportPlan {
  creates: EntryFields[];
  updates: Array<{ id: string; expectedVersion: number; fields: EntryFields }>;
}

/** Storage of entries and their revisions. Every write and its revision share one transaction. */
export interface EntryStore {
  /**
   * The content generation: raised by every write to entries or courses, in the
   * write's transaction. Equal generations mean equal content, on every replica.
   */
  generation(): Promise<number>;

  /** A page of entries, ordered by Japanese title then slug. */
  listEntries(options: {
    filter: EntryFilter;
    offset: number;
    limit: number;
  }): Promise<EntryListResult>;

  /** Every entry that matches, unpaged; for the year view, which shows a whole year. */
  listAllEntries(filter: EntryFilter): Promise<Entry[]>;

  /** The ids of every entry that matches: the filter alone, without reading entries. */
  listEntryIds(filter: EntryFilter): Promise<Set<string>>;

  /** A live entry by its id or slug. */
  getEntry(idOrSlug: string): Promise<Entry | undefined>;

  /** Entries by id, deleted ones included; for the permission framework's resource loading. */
  getEntriesByIds(
    ids: string[],
    options?: { includeDeleted?: boolean },
  ): Promise<Array<Entry | undefined>>;

  /** A deleted entry by id. */
  getDeletedEntry(id: string): Promise<Entry | undefined>;

  /** Slugs that are taken, by live or deleted entries. */
  existingSlugs(slugs: string[]): Promise<string[]>;

  /** Creates an entry and its first revision. Throws ConflictError when the slug is taken. */
  createEntry(fields: EntryFields, change: ChangeContext): Promise<Entry>;

  /**
   * Replaces the editable fields of a live entry. Throws NotFoundError when there is
   * no such entry and ConflictError when it is no longer at the expected version.
   */
  updateEntry(
    id: string,
    fields: EntryFields,
    change: EntryChange,
  ): Promise<Entry>;

  /** Records that the owner confirmed the entry for a fiscal year (a new revision). */
  confirmEntry(
    id: string,
    fiscalYear: number,
    change: EntryChange,
  ): Promise<Entry>;

  /** Deletes an entry softly: it disappears from reads, its history stays, it can come back. */
  deleteEntry(id: string, change: EntryChange): Promise<Entry>;

  /** Brings a deleted entry back. */
  undeleteEntry(id: string, change: EntryChange): Promise<Entry>;

  /** The revisions of an entry, newest first. */
  listRevisions(id: string): Promise<EntryRevisionSummary[]>;

  /** One revision with the whole entry as it was. */
  getRevision(id: string, revision: number): Promise<EntryRevision | undefined>;

  /**
   * Writes an import in one transaction: every create and update with its revision
   * (action `import`), or nothing when any update finds its entry changed meanwhile.
   */
  applyImport(plan: ImportPlan, change: ChangeContext): Promise<Entry[]>;

  /**
   * Gives entries to new owners in one transaction (revision action `reassign`), or
   * changes nothing when any of them is no longer at the expected version.
   */
  reassignEntries(
    moves: Array<{ id: string; expectedVersion: number; owner: string }>,
    change: ChangeContext,
  ): Promise<Entry[]>;

  /** Revisions written after a moment, oldest first, by anybody but `excludeActor`. */
  listRevisionsSince(
    since: string,
    options: { excludeActor?: string; limit: number },
  ): Promise<EntryRevisionSummary[]>;

  /** Whether a named content set was loaded into this database. */
  isSeeded(name: string): Promise<boolean>;

  /**
   * Loads a named content set into the database, exactly once per database: when
   * several replicas try at once, one loads it and the others see it done.
   * Resolves to whether this call loaded it.
   */
  seedOnce(
    name: string,
    entries: EntryFields[],
    change: ChangeContext,
  ): Promise<boolean>;

  /**
   * Applies a named content update exactly once per database, in one transaction:
   * `work` reads and writes through the stores it is given, which share that
   * transaction, and its report is kept. When several replicas start together, one
   * applies it and the others resolve to `undefined`, as they do once it is applied.
   */
  contentUpdateOnce(
    name: string,
    at: string,
    work: (stores: {
      entries: EntryStore;
      courses: CourseStore;
    }) => Promise<ContentUpdateReport>,
  ): Promise<ContentUpdateReport | undefined>;

  /** The reports of the content updates applied to this database, newest first. */
  listContentUpdates(): Promise<ContentUpdateReport[]>;
}
