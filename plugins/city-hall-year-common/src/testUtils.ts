/**
 * Test helpers for the City Hall Year packages' Jest suites; imported as
 * `@city-hall-year/backstage-plugin-city-hall-year-common/testUtils`, never by runtime code.
 *
 * @packageDocumentation
 */

import {
  entryInputSchema,
  type Entry,
  type EntryInput,
  type StoredRecord,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/**
 * Makes the clock show a fixed moment (and run on from it) while every timer, tick
 * and microtask stays real, so that database drivers, Testing Library's waits and
 * promises behave as without fakes. For code that derives "today" from `Date`.
 * Undo with `jest.useRealTimers()`.
 *
 * @public
 */
export function fakeDateOnly(now: Date | string) {
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/**
 * An entry's fields as the server stores them, from the fields a person writes: the
 * shared schema's defaults applied and every FAQ item given an id (`faq-1`, …).
 *
 * @public
 */
export function storedFields(
  input: EntryInput,
): Omit<Entry, keyof StoredRecord> {
  const fields = entryInputSchema.parse(input);
  return {
    ...fields,
    faq: fields.faq.map((item, i) => ({
      ...item,
      id: item.id ?? `faq-${i + 1}`,
    })),
  };
}
