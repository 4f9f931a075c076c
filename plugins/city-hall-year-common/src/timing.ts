import { DateTime } from 'luxon';
import {
  CITY_HALL_TIME_ZONE,
  calendarYearOfFiscalMonth,
  fiscalYearBounds,
} from './fiscalYear';
import type { MonthPart, Timing, TimingRule } from './schema';

/** How exactly an occurrence's dates are known. */
export type OccurrencePrecision = 'day' | 'month-part' | 'month';

/** One occurrence of a step in a fiscal year, as JST calendar dates (inclusive). */
export interface Occurrence {
  start: string;
  end: string;
  precision: OccurrencePrecision;
  /** True when the fiscal year's override gave these dates. */
  overridden: boolean;
}

/** Thrown when a timing cannot be resolved: a missing anchor or a cycle of relative dates. */
export class TimingResolutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimingResolutionError';
  }
}

/** What the resolver needs to know about other entries, for relative timings. */
export type TimingLookup = (slug: string) => Timing | undefined;

const PART_DAYS: Record<MonthPart, [number, number | 'end']> = {
  early: [1, 10],
  middle: [11, 20],
  late: [21, 'end'],
};

function date(year: number, month: number, day: number): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: CITY_HALL_TIME_ZONE });
  // 29 February in a common year, or the 31st of a short month, falls on the last day.
  return first.set({ day: Math.min(day, first.daysInMonth ?? 28) });
}

function monthPointRange(fiscalYear: number, month: number, part?: MonthPart) {
  const year = calendarYearOfFiscalMonth(fiscalYear, month);
  const first = date(year, month, 1);
  if (!part) {
    return { start: first, end: first.endOf('month').startOf('day') };
  }
  const [from, to] = PART_DAYS[part];
  return {
    start: date(year, month, from),
    end: to === 'end' ? first.endOf('month').startOf('day') : date(year, month, to),
  };
}

/** Dates that come later in the fiscal year than their start belong to the next calendar year. */
function ensureOrdered(start: DateTime, end: DateTime): DateTime {
  return end < start ? end.plus({ years: 1 }) : end;
}

function iso(value: DateTime): string {
  return value.toISODate()!;
}

function resolveRule(
  rule: TimingRule,
  fiscalYear: number,
  lookup: TimingLookup,
  chain: string[],
): Occurrence[] {
  switch (rule.kind) {
    case 'date': {
      const on = date(calendarYearOfFiscalMonth(fiscalYear, rule.on.month), rule.on.month, rule.on.day);
      return [{ start: iso(on), end: iso(on), precision: 'day', overridden: false }];
    }
    case 'range': {
      const start = date(calendarYearOfFiscalMonth(fiscalYear, rule.from.month), rule.from.month, rule.from.day);
      const end = ensureOrdered(
        start,
        date(calendarYearOfFiscalMonth(fiscalYear, rule.to.month), rule.to.month, rule.to.day),
      );
      return [{ start: iso(start), end: iso(end), precision: 'day', overridden: false }];
    }
    case 'months': {
      const from = monthPointRange(fiscalYear, rule.from.month, rule.from.part);
      const to = monthPointRange(fiscalYear, rule.to.month, rule.to.part);
      const precision = rule.from.part || rule.to.part ? 'month-part' : 'month';
      return [
        {
          start: iso(from.start),
          end: iso(ensureOrdered(from.start, to.end)),
          precision,
          overridden: false,
        },
      ];
    }
    case 'nthWeekday': {
      const first = date(calendarYearOfFiscalMonth(fiscalYear, rule.month), rule.month, 1);
      let day: DateTime;
      if (rule.nth === -1) {
        const last = first.endOf('month').startOf('day');
        day = last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
      } else {
        day = first.plus({ days: (rule.weekday - first.weekday + 7) % 7 + (rule.nth - 1) * 7 });
        if (day.month !== rule.month) {
          // A fifth weekday that this month does not have.
          return [];
        }
      }
      return [{ start: iso(day), end: iso(day), precision: 'day', overridden: false }];
    }
    case 'relative': {
      if (chain.includes(rule.entry)) {
        throw new TimingResolutionError(
          `Relative timing forms a cycle: ${[...chain, rule.entry].join(' → ')}`,
        );
      }
      const anchorTiming = lookup(rule.entry);
      if (!anchorTiming) {
        throw new TimingResolutionError(`Relative timing refers to unknown entry '${rule.entry}'`);
      }
      const anchors = resolveTimingChain(anchorTiming, fiscalYear, lookup, [...chain, rule.entry]);
      return anchors.map(anchor => {
        const base = DateTime.fromISO(rule.anchor === 'end' ? anchor.end : anchor.start, {
          zone: CITY_HALL_TIME_ZONE,
        });
        const start = base.plus({ days: rule.offsetDays });
        return {
          start: iso(start),
          end: iso(start.plus({ days: rule.durationDays - 1 })),
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
    : timing.rules.flatMap(rule => resolveRule(rule, fiscalYear, lookup, chain));
  return occurrences.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/**
 * Resolves when a step happens in one fiscal year: every occurrence, sorted, as JST
 * calendar dates with their precision. `slug` names the step itself, so that a chain
 * of relative timings that comes back to it is refused.
 */
export function resolveOccurrences(
  timing: Timing,
  fiscalYear: number,
  options: { slug?: string; lookup?: TimingLookup } = {},
): Occurrence[] {
  const lookup = options.lookup ?? (() => undefined);
  return resolveTimingChain(timing, fiscalYear, lookup, options.slug ? [options.slug] : []);
}

/** Whether an occurrence overlaps the inclusive date range [from, to]. */
export function occurrenceOverlaps(occurrence: Occurrence, from: string, to: string): boolean {
  return occurrence.start <= to && occurrence.end >= from;
}

/** Whether an occurrence lies (even partly) within the given fiscal year. */
export function occurrenceInFiscalYear(occurrence: Occurrence, fiscalYear: number): boolean {
  const bounds = fiscalYearBounds(fiscalYear);
  return occurrenceOverlaps(occurrence, bounds.start, bounds.end);
}
