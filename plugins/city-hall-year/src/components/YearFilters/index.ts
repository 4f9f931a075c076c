export { YearFilters, matchesFilters } from './YearFilters';
export type { YearFilterState } from './YearFilters';
