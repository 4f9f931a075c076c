export { CityHallYearSearchResultItem } from './SearchResultItem';
export type { CityHallYearSearchResultDocument } from './SearchResultItem';
