import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Entry,
  EntryPage,
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
