export { cityHallYearApiRef } from './CityHallYearApi';
export type { CityHallYearApi, ListEntriesRequest } from './CityHallYearApi';
export { CityHallYearClient } from './CityHallYearClient';
