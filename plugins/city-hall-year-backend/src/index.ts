/**
 * Backend of City Hall Year (市役所の一年).
 *
 * @packageDocumentation
 */
export { cityHallYearPlugin as default } from './plugin';
export { cityHallYearPermissionPolicyModule } from './policy/module';
export { CityHallYearPermissionPolicy } from './policy/CityHallYearPermissionPolicy';
export {
  cityHallYearEntryConditions,
  createCityHallYearEntryConditionalDecision,
} from './permissions/rules';
export { ENTRY_CHANGED_TOPIC } from './service/entryEvents';
export type { EntryChangedEvent } from './service/entryEvents';
