import { DateTime } from 'luxon';
import { calendarYearOfFiscalMonth, fiscalYearBounds } from './fiscalYear';
import type { MonthPart, Timing, TimingRule } from './schema';

/**
 * How exactly an occurrence's dates are known.
 *
 * @public
 */
export type OccurrencePrecision = 'day' | 'month-part' | 'month';

/**
 * One occurrence of a step in a fiscal year, as JST calendar dates (inclusive).
 *
 * @public
 */
export interface Occurrence {
  start: string;
  end: string;
  precision: OccurrencePrecision;
  /** True when the fiscal year's override gave these dates. */
  overridden: boolean;
}

/**
 * Thrown when a timing cannot be resolved: a missing anchor or a cycle of relative dates.
 *
 * @public
 */
export class TimingResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimingResolutionError';
  }
}

/**
 * What the resolver needs to know about other entries, for relative timings.
 *
 * @public
 */
export type TimingLookup = (slug: string) => Timing | undefined;

const PART_DAYS: Record<MonthPart, [number, number | 'end']> = {
  early: [1, 10],
  middle: [11, 20],
  late: [21, 'end'],
};

/**
 * Occurrences are JST calendar dates (ISO strings), and arithmetic on calendar dates
 * does not depend on a zone: luxon computes it in UTC, a fixed zone (Japan has no
 * daylight saving). A year view resolves thousands of timings from a few hundred
 * distinct dates, so each computed date is remembered.
 */
const CALENDAR_ZONE = 'utc';
const memo = new Map<string, string | number>();

function remembered<T extends string | number>(
  key: string,
  compute: () => T,
): T {
  let value = memo.get(key) as T | undefined;
  if (value === undefined) {
    if (memo.size > 100_000) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  return remembered(
    `dim:${year}-${month}`,
    () =>
      DateTime.fromObject({ year, month, day: 1 }, { zone: CALENDAR_ZONE })
        .daysInMonth!,
  );
}

/** The ISO date; 29 February in a common year, or the 31st of a short month, falls on the last day. */
function date(year: number, month: number, day: number): string {
  const clamped = Math.min(day, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(clamped).padStart(
    2,
    '0',
  )}`;
}

function addDays(iso: string, days: number): string {
  return remembered(
    `add:${iso}:${days}`,
    () =>
      DateTime.fromISO(iso, { zone: CALENDAR_ZONE })
        .plus({ days })
        .toISODate()!,
  );
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
function weekdayOf(iso: string): number {
  return remembered(
    `wd:${iso}`,
    () => DateTime.fromISO(iso, { zone: CALENDAR_ZONE }).weekday,
  );
}

function monthPointRange(fiscalYear: number, month: number, part?: MonthPart) {
  const year = calendarYearOfFiscalMonth(fiscalYear, month);
  const last = daysInMonth(year, month);
  if (!part) {
    return { start: date(year, month, 1), end: date(year, month, last) };
  }
  const [from, to] = PART_DAYS[part];
  return {
    start: date(year, month, from),
    end: date(year, month, to === 'end' ? last : to),
  };
}

/** Dates that come later in the fiscal year than their start belong to the next calendar year. */
function ensureOrdered(start: string, end: string): string {
  if (end >= start) return end;
  const [y, m, d] = end.split('-').map(Number);
  return date(y + 1, m, d);
}

function resolveRule(
  rule: TimingRule,
  fiscalYear: number,
  lookup: TimingLookup,
  chain: string[],
): Occurrence[] {
  switch (rule.kind) {
    case 'date': {
      const on = date(
        calendarYearOfFiscalMonth(fiscalYear, rule.on.month),
        rule.on.month,
        rule.on.day,
      );
      return [{ start: on, end: on, precision: 'day', overridden: false }];
    }
    case 'range': {
      const start = date(
        calendarYearOfFiscalMonth(fiscalYear, rule.from.month),
        rule.from.month,
        rule.from.day,
      );
      const end = ensureOrdered(
        start,
        date(
          calendarYearOfFiscalMonth(fiscalYear, rule.to.month),
          rule.to.month,
          rule.to.day,
        ),
      );
      return [{ start, end, precision: 'day', overridden: false }];
    }
    case 'months': {
      const from = monthPointRange(fiscalYear, rule.from.month, rule.from.part);
      const to = monthPointRange(fiscalYear, rule.to.month, rule.to.part);
      const precision = rule.from.part || rule.to.part ? 'month-part' : 'month';
      return [
        {
          start: from.start,
          end: ensureOrdered(from.start, to.end),
          precision,
          overridden: false,
        },
      ];
    }
    case 'nthWeekday': {
      const year = calendarYearOfFiscalMonth(fiscalYear, rule.month);
      let day: number;
      if (rule.nth === -1) {
        const lastDay = daysInMonth(year, rule.month);
        day =
          lastDay -
          ((weekdayOf(date(year, rule.month, lastDay)) - rule.weekday + 7) % 7);
      } else {
        day =
          1 +
          ((rule.weekday - weekdayOf(date(year, rule.month, 1)) + 7) % 7) +
          (rule.nth - 1) * 7;
        if (day > daysInMonth(year, rule.month)) {
          // A fifth weekday that this month does not have.
          return [];
        }
      }
      const on = date(year, rule.month, day);
      return [{ start: on, end: on, precision: 'day', overridden: false }];
    }
    case 'relative': {
      if (chain.includes(rule.entry)) {
        throw new TimingResolutionError(
          `Relative timing forms a cycle: ${[...chain, rule.entry].join(
            ' → ',
          )}`,
        );
      }
      const anchorTiming = lookup(rule.entry);
      if (!anchorTiming) {
        throw new TimingResolutionError(
          `Relative timing refers to unknown entry '${rule.entry}'`,
        );
      }
      const anchors = resolveTimingChain(anchorTiming, fiscalYear, lookup, [
        ...chain,
        rule.entry,
      ]);
      return anchors.map(anchor => {
        const start = addDays(
          rule.anchor === 'end' ? anchor.end : anchor.start,
          rule.offsetDays,
        );
        return {
          start,
          end: addDays(start, rule.durationDays - 1),
          precision: anchor.precision,
          overridden: anchor.overridden,
        };
      });
    }
    default:
      return [];
  }
}

function resolveTimingChain(
  timing: Timing,
  fiscalYear: number,
  lookup: TimingLookup,
  chain: string[],
): Occurrence[] {
  if (timing.asNeeded && timing.rules.length === 0) {
    return [];
  }
  const override = timing.overrides.find(o => o.fiscalYear === fiscalYear);
  const occurrences = override
    ? override.dates.map(d => ({
        start: d.start,
        end: d.end ?? d.start,
        precision: 'day' as const,
        overridden: true,
      }))
    : timing.rules.flatMap(rule =>
        resolveRule(rule, fiscalYear, lookup, chain),
      );
  return occurrences.sort(
    (a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
  );
}

/**
 * Resolves when a step happens in one fiscal year: every occurrence, sorted, as JST
 * calendar dates with their precision. `slug` names the step itself, so that a chain
 * of relative timings that comes back to it is refused.
 *
 * @public
 */
export function resolveOccurrences(
  timing: Timing,
  fiscalYear: number,
  options: { slug?: string; lookup?: TimingLookup } = {},
): Occurrence[] {
  const lookup = options.lookup ?? (() => undefined);
  return resolveTimingChain(
    timing,
    fiscalYear,
    lookup,
    options.slug ? [options.slug] : [],
  );
}

/**
 * Whether an occurrence overlaps the inclusive date range [from, to].
 *
 * @public
 */
export function occurrenceOverlaps(
  occurrence: Pick<Occurrence, 'start' | 'end'>,
  from: string,
  to: string,
): boolean {
  return occurrence.start <= to && occurrence.end >= from;
}

/**
 * Whether an occurrence lies (even partly) within the given fiscal year.
 *
 * @public
 */
export function occurrenceInFiscalYear(
  occurrence: Occurrence,
  fiscalYear: number,
): boolean {
  const bounds = fiscalYearBounds(fiscalYear);
  return occurrenceOverlaps(occurrence, bounds.start, bounds.end);
}

/**
 * The calendar months (1–12) an occurrence touches, in order: 6月1日〜8月31日 gives
 * 6, 7, 8; a span across New Year wraps (12, 1). At most twelve months.
 *
 * @public
 */
export function monthsOfOccurrence(
  occurrence: Pick<Occurrence, 'start' | 'end'>,
): number[] {
  const months: number[] = [];
  let year = Number(occurrence.start.slice(0, 4));
  let month = Number(occurrence.start.slice(5, 7));
  const endKey = occurrence.end.slice(0, 7);
  while (months.length < 12) {
    months.push(month);
    if (`${year}-${String(month).padStart(2, '0')}` >= endKey) break;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}
