/**
 * Test helpers for the City Hall Year packages' Jest suites; imported as
 * `@internal/plugin-city-hall-year-common/testUtils`, never by runtime code.
 *
 * @packageDocumentation
 */

/**
 * Makes the clock show a fixed moment (and run on from it) while every timer, tick
 * and microtask stays real, so that database drivers, Testing Library's waits and
 * promises behave as without fakes. For code that derives "today" from `Date`.
 * Undo with `jest.useRealTimers()`.
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
