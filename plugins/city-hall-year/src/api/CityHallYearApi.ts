import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Entry,
  EntryInput,
  EntryPage,
  EntryRevision,
  EntryRevisionSummary,
  ImportReport,
  TransferFormat,
  YearView,
} from '@internal/plugin-city-hall-year-common';

/** How far an import has come: the file is sent, then the server checks (and writes) it. */
export type ImportProgress =
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'checking' };

/** What {@link CityHallYearApi.importEntries} sends. */
export interface ImportRequest {
  format: TransferFormat;
  /** The file's text (YAML or CSV, UTF-8, with or without BOM). */
  content: string;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * An apply that was refused because rows have errors: the report says which rows and
 * columns, and nothing was written.
 */
export class ImportRefusedError extends Error {
  constructor(message: string, readonly report: ImportReport) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/** Filters of {@link CityHallYearApi.listEntries}; lists are sent comma-separated. */
export interface ListEntriesRequest {
  cycle?: string[];
  owner?: string[];
  q?: string;
  fiscalYear?: number;
  month?: number;
  offset?: number;
  limit?: number;
}

/** Client of the City Hall Year backend. */
export interface CityHallYearApi {
  /** Every published occurrence of a fiscal year, sorted, for the year views. */
  getYear(fiscalYear: number): Promise<YearView>;
  /** A page of published entries. */
  listEntries(request?: ListEntriesRequest): Promise<EntryPage>;
  /** One entry by slug or id. */
  getEntry(idOrSlug: string): Promise<Entry>;
  /** Creates an entry; the server sets who and when from the signed-in user. */
  createEntry(fields: EntryInput): Promise<Entry>;
  /**
   * Replaces an entry's editable fields. Rejects with a 409 `ResponseError` when the
   * entry changed since `version`: nothing was written, the caller merges and retries.
   */
  updateEntry(id: string, fields: EntryInput, version: number): Promise<Entry>;
  /** Confirms the entry for the current fiscal year. */
  confirmEntry(id: string, version: number): Promise<Entry>;
  /** The entry's revisions, newest first. */
  listRevisions(id: string): Promise<EntryRevisionSummary[]>;
  /** One revision with the whole entry as it was. */
  getRevision(id: string, revision: number): Promise<EntryRevision>;
  /** Brings a revision's content back as a new revision. */
  restoreRevision(
    id: string,
    revision: number,
    version: number,
  ): Promise<Entry>;
  /** The readable entries matching the filters, as a YAML or CSV file. */
  exportEntries(
    format: TransferFormat,
    filters?: Pick<ListEntriesRequest, 'cycle' | 'owner' | 'q'>,
  ): Promise<Blob>;
  /**
   * Imports a file: a dry run reports per row what would happen; an apply writes all
   * rows or none (then rejects with {@link ImportRefusedError}).
   */
  importEntries(request: ImportRequest): Promise<ImportReport>;
}

/** API reference of {@link CityHallYearApi}. */
export const cityHallYearApiRef = createApiRef<CityHallYearApi>({
  id: 'plugin.city-hall-year.api',
});
