export { CityHallYearSearchResultItem } from './SearchResultItem';
