/**
 * Backend of City Hall Year (市役所の一年).
 *
 * @packageDocumentation
 */
export { cityHallYearPlugin as default } from './plugin';
