import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Entry,
  EntryPage,
  YearView,
} from '@internal/plugin-city-hall-year-common';

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
}

/** API reference of {@link CityHallYearApi}. */
export const cityHallYearApiRef = createApiRef<CityHallYearApi>({
  id: 'plugin.city-hall-year.api',
});
