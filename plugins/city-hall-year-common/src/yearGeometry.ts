import { DateTime } from 'luxon';
import {
  FISCAL_MONTHS,
  calendarYearOfFiscalMonth,
  fiscalYearBounds,
} from './fiscalYear';
import type { Occurrence } from './timing';

/**
 * Where an occurrence sits along its fiscal year, for the timeline and the wheel:
 * `start` and `end` as fractions of the year (0 = 1 April, 1 = the end of 31 March),
 * clipped to the year.
 *
 * @public
 */
export interface YearSpan {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1 January 1970 of an ISO date (its calendar date, whatever its time). */
function epochDay(iso: string): number {
  const date = ISO_DATE.exec(iso);
  if (date) {
    return Date.UTC(+date[1], +date[2] - 1, +date[3]) / DAY_MS;
  }
  // Not a plain calendar date: luxon reads every other ISO form.
  return Math.floor(
    DateTime.fromISO(iso, { zone: 'utc' }).startOf('day').toMillis() / DAY_MS,
  );
}

// Plain arithmetic on calendar dates: the year page places every occurrence of the
// year (a thousand and more) on each render, where parsing them with luxon cost
// hundreds of milliseconds of a phone's main thread.
function dayIndex(iso: string, fiscalYear: number): number {
  return epochDay(iso) - epochDay(fiscalYearBounds(fiscalYear).start);
}

/**
 * Number of days in a fiscal year (366 when it holds 29 February).
 *
 * @public
 */
export function fiscalYearLength(fiscalYear: number): number {
  const { end } = fiscalYearBounds(fiscalYear);
  return dayIndex(end, fiscalYear) + 1;
}

/**
 * The span of an occurrence within the fiscal year, whole days included.
 *
 * @public
 */
export function yearSpan(
  occurrence: Pick<Occurrence, 'start' | 'end'>,
  fiscalYear: number,
): YearSpan {
  const length = fiscalYearLength(fiscalYear);
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  return {
    start: clip(dayIndex(occurrence.start, fiscalYear) / length),
    end: clip((dayIndex(occurrence.end, fiscalYear) + 1) / length),
  };
}

/**
 * Where each month of the fiscal year begins and ends, as fractions, April first.
 *
 * @public
 */
export function monthSpans(
  fiscalYear: number,
): Array<YearSpan & { month: number }> {
  return FISCAL_MONTHS.map(month => {
    const first = DateTime.utc(
      calendarYearOfFiscalMonth(fiscalYear, month),
      month,
      1,
    );
    const last = first.endOf('month').toISODate()!;
    return {
      month,
      ...yearSpan({ start: first.toISODate()!, end: last }, fiscalYear),
    };
  });
}

/**
 * Where today falls in the fiscal year, or undefined when it is another year.
 *
 * @public
 */
export function todayPosition(
  todayIso: string,
  fiscalYear: number,
): number | undefined {
  const { start, end } = fiscalYearBounds(fiscalYear);
  if (todayIso < start || todayIso > end) return undefined;
  return yearSpan({ start: todayIso, end: todayIso }, fiscalYear).start;
}

/**
 * Packs spans into as few lanes as possible without overlap (greedy by start), so a
 * timeline lane can show concurrent steps one above the other. Returns each span's lane.
 *
 * @public
 */
export function packLanes(spans: YearSpan[]): number[] {
  const order = spans
    .map((span, index) => ({ span, index }))
    .sort((a, b) => a.span.start - b.span.start);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(spans.length);
  for (const { span, index } of order) {
    let lane = laneEnds.findIndex(end => end <= span.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(span.end);
    } else {
      laneEnds[lane] = span.end;
    }
    lanes[index] = lane;
  }
  return lanes;
}
