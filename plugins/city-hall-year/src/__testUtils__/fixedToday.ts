import { fakeDateOnly } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';

/**
 * Makes "now" a fixed moment for every test of the file (by default 1 December 2026,
 * 12:00 in Tokyo, in fiscal year 2026), so that what a component derives from today
 * does not depend on when the tests run. Only the clock is fake: timers and promises
 * run for real, so Testing Library's waits still work.
 */
export function fixToday(now = '2026-12-01T03:00:00Z') {
  beforeEach(() => fakeDateOnly(now));
  afterEach(() => {
    jest.useRealTimers();
  });
}
