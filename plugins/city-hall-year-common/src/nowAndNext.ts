import { DateTime } from 'luxon';
import { CITY_HALL_TIME_ZONE, resolveFiscalYear } from './fiscalYear';
import { occurrenceOverlaps } from './timing';

/**
 * How far ahead "next" looks: the steps that start within these days.
 *
 * @public
 */
export const NEXT_DAYS = 30;

/**
 * A moment as a calendar date (YYYY-MM-DD) in Asia/Tokyo, where the city hall is.
 *
 * @public
 */
export function cityHallDate(at: Date): string {
  return DateTime.fromJSDate(at).setZone(CITY_HALL_TIME_ZONE).toISODate()!;
}

/**
 * The fiscal years whose occurrences {@link nowAndNext} needs on a day: its own, and
 * the next one too when the next {@link NEXT_DAYS} days reach past 31 March.
 *
 * @public
 */
export function nowAndNextFiscalYears(today: string): number[] {
  const fiscalYear = resolveFiscalYear(today);
  const horizon = DateTime.fromISO(today, { zone: 'utc' })
    .plus({ days: NEXT_DAYS })
    .toISODate()!;
  return resolveFiscalYear(horizon) === fiscalYear
    ? [fiscalYear]
    : [fiscalYear, fiscalYear + 1];
}

/**
 * What is happening this month (still running or still to come), and what starts in
 * the next {@link NEXT_DAYS} days and is not already listed, from a list of
 * occurrences. `today` is a calendar date in Asia/Tokyo (YYYY-MM-DD).
 *
 * @public
 */
export function nowAndNext<T extends { start: string; end: string }>(
  occurrences: T[],
  today: string,
): { thisMonth: T[]; next: T[] } {
  const day = DateTime.fromISO(today, { zone: 'utc' });
  const monthStart = day.startOf('month').toISODate()!;
  const monthEnd = day.endOf('month').toISODate()!;
  const horizon = day.plus({ days: NEXT_DAYS }).toISODate()!;
  const thisMonth = occurrences.filter(
    o => occurrenceOverlaps(o, monthStart, monthEnd) && o.end >= today,
  );
  const listed = new Set(thisMonth);
  const next = occurrences.filter(
    o => !listed.has(o) && o.start > today && o.start <= horizon,
  );
  return { thisMonth, next };
}
