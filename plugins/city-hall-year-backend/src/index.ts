/**
 * Backend of City Hall Year (市役所の一年).
 *
 * @packageDocumentation
 */
export { cityHallYearPlugin as default } from './plugin';
export { cityHallYearPermissionPolicyModule } from './policy/module';
export { searchModuleCityHallYearCollator } from './search/module';
export { searchModuleJapanese } from './search/japaneseModule';
export { JapaneseSearchEngine } from './search/JapaneseSearchEngine';
export { JapaneseNgramDecoratorFactory } from './search/JapaneseNgramDecoratorFactory';
export { JapaneseLunrSearchEngine } from './search/JapaneseLunrSearchEngine';
export {
  CITY_HALL_YEAR_DOCUMENT_TYPE,
  EntryCollatorFactory,
} from './search/EntryCollatorFactory';
export type { CityHallYearDocument } from './search/EntryCollatorFactory';
export { CityHallYearPermissionPolicy } from './policy/CityHallYearPermissionPolicy';
export type { EntryQuery, EntryResource } from './permissions/rules';
export {
  cityHallYearEntryConditions,
  createCityHallYearEntryConditionalDecision,
} from './permissions/rules';
export { ENTRY_CHANGED_TOPIC } from './service/entryEvents';
export type { EntryChangedEvent } from './service/entryEvents';
