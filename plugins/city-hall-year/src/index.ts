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
export { cityHallYearApiRef, CityHallYearClient } from './api';
export type { CityHallYearApi, ListEntriesRequest } from './api';
export { cityHallYearTranslationRef } from './translation';
