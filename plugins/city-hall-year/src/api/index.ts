export { cityHallYearApiRef, ImportRefusedError } from './CityHallYearApi';
export type {
  CityHallYearApi,
  ImportProgress,
  ImportRequest,
  ListEntriesRequest,
} from './CityHallYearApi';
export { CityHallYearClient } from './CityHallYearClient';
