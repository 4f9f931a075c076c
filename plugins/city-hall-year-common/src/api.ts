import type { Entry } from './schema';
import type { Occurrence } from './timing';
import type { FiscalYearLabels } from './fiscalYear';

/** A page of entries as `GET /entries` returns it. */
export interface EntryPage {
  items: Entry[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** The health report of the backend plugin. */
export interface HealthReport {
  status: 'ok';
}

/** One occurrence of an entry in a fiscal year, with the summary the year views need. */
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
}

/** Everything the year page shows for one fiscal year, in one response. */
export interface YearView {
  fiscalYear: number;
  labels: FiscalYearLabels;
  occurrences: YearOccurrence[];
  /** Published entries held only as needed, which have no dates. */
  asNeeded: Array<Omit<YearOccurrence, keyof Occurrence>>;
}
