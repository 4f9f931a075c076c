import type { MyPart } from './participation';
import type { Entry } from './schema';
import type { Occurrence } from './timing';
import type { FiscalYearLabels } from './fiscalYear';
import type { CellError } from './entryTable';

/**
 * A page of entries as `GET /entries` returns it.
 *
 * @public
 */
export interface EntryPage {
  items: Entry[];
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * The health report of the backend plugin.
 *
 * @public
 */
export interface HealthReport {
  status: 'ok';
}

/**
 * One occurrence of an entry in a fiscal year, with the summary the year views need.
 *
 * @public
 */
export interface YearOccurrence extends Occurrence {
  entryId: string;
  slug: string;
  cycle: Entry['cycle'];
  title: Entry['title'];
  summary: Entry['summary'];
  owner: string;
  concernsFiscalYear: Entry['concernsFiscalYear'];
  /** The fiscal year the step concerns, e.g. 2025 for the FY2025 settlement done in FY2026. */
  concernedFiscalYear: number;
  councilSession?: number;
  /** For a regular council session: its calendar-year name, e.g. 令和9年第1回定例会. */
  councilSessionLabels?: FiscalYearLabels;
  /** In the personal view (`?mine=true`) only: why the step is the caller's. */
  mine?: MyPart;
}

/**
 * Everything the year page shows for one fiscal year, in one response.
 *
 * @public
 */
export interface YearView {
  fiscalYear: number;
  labels: FiscalYearLabels;
  occurrences: YearOccurrence[];
  /**
   * Published entries held as needed: those with no dates this year, and those that
   * also have dates (the May extraordinary session is also called as needed).
   */
  asNeeded: Array<Omit<YearOccurrence, keyof Occurrence>>;
  /**
   * In the personal view (`?mine=true`) only: whether the caller is a new hire of the
   * fiscal year, and the course that walks a new hire through their first year.
   */
  personal?: { newHire: boolean; newHireCourse?: string };
}

/**
 * What a revision did to its entry.
 *
 * @public
 */
export type RevisionAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'undelete'
  | 'restore'
  | 'confirm'
  | 'import'
  | 'reassign'
  /** A change of the FAQ through its own routes (the editor's changes are `update`). */
  | 'faq'
  /** The shipped starting content corrected by a versioned content update. */
  | 'contentUpdate'
  /** A change proposal accepted by the department that owns the entry. */
  | 'acceptProposal';

/**
 * One saved state of an entry, as `GET /entries/:id/revisions` lists it.
 *
 * @public
 */
export interface EntryRevisionSummary {
  entryId: string;
  /** 1 for the first state; equals the entry's version after the change. */
  revision: number;
  action: RevisionAction;
  /** Editable fields that differ from the previous revision. */
  changedFields: string[];
  createdBy: string;
  createdAt: string;
  /** For a restore: the revision whose content came back. */
  restoredFrom?: number;
  /** For an accepted proposal: who proposed it (`createdBy` accepted it). */
  proposedBy?: string;
  /** For an accepted proposal: which one. */
  proposalId?: string;
}

/**
 * One saved state of an entry with the whole entry as it was.
 *
 * @public
 */
export interface EntryRevision extends EntryRevisionSummary {
  entry: Entry;
}

/**
 * File formats of import and export.
 *
 * @public
 */
export const IMPORT_EXPORT_FORMATS = ['yaml', 'csv'] as const;

/**
 * A file format of import and export.
 *
 * @public
 */
export type ImportExportFormat = (typeof IMPORT_EXPORT_FORMATS)[number];

/**
 * What an import does (or would do) with one row of the file.
 *
 * @public
 */
export interface ImportRowReport {
  /** Spreadsheet row number (the header is row 1) or, for YAML, the item's position from 1. */
  row: number;
  slug?: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  /** For an update: the fields that change. */
  changedFields?: string[];
  errors: CellError[];
}

/**
 * The outcome of an import: a dry run, or an apply that is all-or-nothing.
 *
 * @public
 */
export interface ImportReport {
  dryRun: boolean;
  /** True only when every row was valid and allowed, and all were written together. */
  applied: boolean;
  format: ImportExportFormat;
  summary: { create: number; update: number; unchanged: number; error: number };
  rows: ImportRowReport[];
}
