export { cityHallYearApiRef, ImportRefusedError } from './CityHallYearApi';
export type {
  CityHallYearApi,
  FeedSelection,
  ImportProgress,
  ImportRequest,
  ListEntriesRequest,
} from './CityHallYearApi';
export { CityHallYearClient } from './CityHallYearClient';
export { cityHallYearApiFactory } from './cityHallYearApiFactory';
