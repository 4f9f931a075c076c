/**
 * City Hall Year (市役所の一年): the city hall's fiscal year as a living onboarding guide.
 *
 * @packageDocumentation
 */
export {
  cityHallYearPlugin,
  CityHallYearPage,
  CityHallYearSearchResultListItem,
  CityHallYearNowAndNextCard,
} from './plugin';
export {
  cityHallYearApiRef,
  CityHallYearClient,
  ImportRefusedError,
} from './api';
export type {
  CityHallYearApi,
  FeedSelection,
  ImportProgress,
  ImportRequest,
  ListEntriesRequest,
} from './api';
export type { CityHallYearSearchResultDocument } from './components/SearchResultItem';
export { cityHallYearTranslationRef } from './translation';
