import { timingSchema, type Timing } from './schema';
import {
  monthsOfOccurrence,
  resolveOccurrences,
  TimingResolutionError,
} from './timing';

const timing = (value: unknown): Timing => timingSchema.parse(value);

describe('resolveOccurrences', () => {
  it.each([
    [
      'a fixed date in spring',
      { rules: [{ kind: 'date', on: { month: 5, day: 31 } }] },
      2026,
      [['2026-05-31', '2026-05-31', 'day']],
    ],
    [
      'a fixed date after New Year',
      { rules: [{ kind: 'date', on: { month: 3, day: 31 } }] },
      2026,
      [['2027-03-31', '2027-03-31', 'day']],
    ],
    [
      'the first day of the fiscal year',
      { rules: [{ kind: 'date', on: { month: 4, day: 1 } }] },
      2026,
      [['2026-04-01', '2026-04-01', 'day']],
    ],
    [
      '29 February in a leap year',
      { rules: [{ kind: 'date', on: { month: 2, day: 29 } }] },
      2027,
      [['2028-02-29', '2028-02-29', 'day']],
    ],
    [
      '29 February in a common year',
      { rules: [{ kind: 'date', on: { month: 2, day: 29 } }] },
      2026,
      [['2027-02-28', '2027-02-28', 'day']],
    ],
    [
      'a range inside the fiscal year',
      {
        rules: [
          {
            kind: 'range',
            from: { month: 4, day: 1 },
            to: { month: 5, day: 31 },
          },
        ],
      },
      2026,
      [['2026-04-01', '2026-05-31', 'day']],
    ],
    [
      'a range across New Year',
      {
        rules: [
          {
            kind: 'range',
            from: { month: 12, day: 20 },
            to: { month: 1, day: 10 },
          },
        ],
      },
      2026,
      [['2026-12-20', '2027-01-10', 'day']],
    ],
    [
      'a range across the fiscal-year end',
      {
        rules: [
          {
            kind: 'range',
            from: { month: 3, day: 20 },
            to: { month: 4, day: 5 },
          },
        ],
      },
      2026,
      [['2027-03-20', '2027-04-05', 'day']],
    ],
    [
      'a whole month',
      { rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }] },
      2026,
      [['2026-06-01', '2026-06-30', 'month']],
    ],
    [
      '上旬 of June',
      {
        rules: [
          {
            kind: 'months',
            from: { month: 6, part: 'early' },
            to: { month: 6, part: 'early' },
          },
        ],
      },
      2026,
      [['2026-06-01', '2026-06-10', 'month-part']],
    ],
    [
      '中旬 of June',
      {
        rules: [
          {
            kind: 'months',
            from: { month: 6, part: 'middle' },
            to: { month: 6, part: 'middle' },
          },
        ],
      },
      2026,
      [['2026-06-11', '2026-06-20', 'month-part']],
    ],
    [
      '下旬 of February in a leap year',
      {
        rules: [
          {
            kind: 'months',
            from: { month: 2, part: 'late' },
            to: { month: 2, part: 'late' },
          },
        ],
      },
      2027,
      [['2028-02-21', '2028-02-29', 'month-part']],
    ],
    [
      '下旬 of February in a common year',
      {
        rules: [
          {
            kind: 'months',
            from: { month: 2, part: 'late' },
            to: { month: 2, part: 'late' },
          },
        ],
      },
      2026,
      [['2027-02-21', '2027-02-28', 'month-part']],
    ],
    [
      'mid-February to late March',
      {
        rules: [
          {
            kind: 'months',
            from: { month: 2, part: 'middle' },
            to: { month: 3, part: 'late' },
          },
        ],
      },
      2026,
      [['2027-02-11', '2027-03-31', 'month-part']],
    ],
    [
      'late November to December',
      {
        rules: [
          {
            kind: 'months',
            from: { month: 11, part: 'late' },
            to: { month: 12 },
          },
        ],
      },
      2026,
      [['2026-11-21', '2026-12-31', 'month-part']],
    ],
    [
      'the second Monday of October',
      { rules: [{ kind: 'nthWeekday', month: 10, nth: 2, weekday: 1 }] },
      2026,
      [['2026-10-12', '2026-10-12', 'day']],
    ],
    [
      'the last Friday of March',
      { rules: [{ kind: 'nthWeekday', month: 3, nth: -1, weekday: 5 }] },
      2026,
      [['2027-03-26', '2027-03-26', 'day']],
    ],
    [
      'a fifth Monday the month lacks',
      { rules: [{ kind: 'nthWeekday', month: 2, nth: 5, weekday: 1 }] },
      2026,
      [],
    ],
    [
      'several occurrences, sorted',
      {
        rules: [
          { kind: 'months', from: { month: 2 }, to: { month: 2 } },
          { kind: 'months', from: { month: 6 }, to: { month: 6 } },
        ],
      },
      2026,
      [
        ['2026-06-01', '2026-06-30', 'month'],
        ['2027-02-01', '2027-02-28', 'month'],
      ],
    ],
    [
      'an override for that year',
      {
        rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
        overrides: [
          {
            fiscalYear: 2026,
            dates: [{ start: '2026-06-05', end: '2026-06-24' }],
          },
        ],
      },
      2026,
      [['2026-06-05', '2026-06-24', 'day']],
    ],
    [
      'an override for another year',
      {
        rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
        overrides: [{ fiscalYear: 2025, dates: [{ start: '2025-06-05' }] }],
      },
      2026,
      [['2026-06-01', '2026-06-30', 'month']],
    ],
    ['a step held only as needed', { asNeeded: true }, 2026, []],
  ])('%s', (_name, value, fiscalYear, expected) => {
    const occurrences = resolveOccurrences(timing(value), fiscalYear);
    expect(occurrences.map(o => [o.start, o.end, o.precision])).toEqual(
      expected,
    );
  });

  describe('relative timings', () => {
    const timings: Record<string, Timing> = {
      'books-close': timing({
        rules: [{ kind: 'date', on: { month: 5, day: 31 } }],
      }),
      'settlement-to-mayor': timing({
        rules: [{ kind: 'relative', entry: 'books-close', offsetDays: 92 }],
      }),
      'audit-opinion': timing({
        rules: [
          {
            kind: 'relative',
            entry: 'settlement-to-mayor',
            offsetDays: 10,
            durationDays: 20,
          },
        ],
      }),
      'year-end': timing({
        rules: [{ kind: 'date', on: { month: 3, day: 31 } }],
      }),
      'after-year-end': timing({
        rules: [{ kind: 'relative', entry: 'year-end', offsetDays: 1 }],
      }),
      'loop-a': timing({
        rules: [{ kind: 'relative', entry: 'loop-b', offsetDays: 1 }],
      }),
      'loop-b': timing({
        rules: [{ kind: 'relative', entry: 'loop-a', offsetDays: 1 }],
      }),
      self: timing({
        rules: [{ kind: 'relative', entry: 'self', offsetDays: 1 }],
      }),
      dangling: timing({
        rules: [{ kind: 'relative', entry: 'nowhere', offsetDays: 1 }],
      }),
    };
    const lookup = (slug: string) => timings[slug];
    const resolve = (slug: string) =>
      resolveOccurrences(timings[slug], 2026, { slug, lookup }).map(o => [
        o.start,
        o.end,
      ]);

    it('counts days after another entry', () => {
      expect(resolve('settlement-to-mayor')).toEqual([
        ['2026-08-31', '2026-08-31'],
      ]);
    });

    it('follows a chain of relative dates', () => {
      expect(resolve('audit-opinion')).toEqual([['2026-09-10', '2026-09-29']]);
    });

    it('may fall after the fiscal year ends', () => {
      expect(resolve('after-year-end')).toEqual([['2027-04-01', '2027-04-01']]);
    });

    it.each(['loop-a', 'self'])('refuses the cycle through %s', slug => {
      expect(() => resolve(slug)).toThrow(TimingResolutionError);
      expect(() => resolve(slug)).toThrow(/cycle/);
    });

    it('refuses an anchor that does not exist', () => {
      expect(() => resolve('dangling')).toThrow(/unknown entry 'nowhere'/);
    });
  });
});

describe('timingSchema', () => {
  it.each([
    ['no rules at all', {}, /at least one rule/],
    [
      '31 April',
      { rules: [{ kind: 'date', on: { month: 4, day: 31 } }] },
      /does not exist/,
    ],
    [
      'month 13',
      { rules: [{ kind: 'months', from: { month: 13 }, to: { month: 1 } }] },
      /less than or equal to 12/,
    ],
    [
      'an unknown kind',
      { rules: [{ kind: 'weekly' }] },
      /Invalid discriminator/,
    ],
    [
      'an override ending before it starts',
      {
        overrides: [
          {
            fiscalYear: 2026,
            dates: [{ start: '2026-06-10', end: '2026-06-01' }],
          },
        ],
      },
      /end is before start/,
    ],
    [
      'an override on 30 February',
      { overrides: [{ fiscalYear: 2026, dates: [{ start: '2027-02-30' }] }] },
      /not a calendar date/,
    ],
  ])('refuses %s', (_name, value, message) => {
    const result = timingSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });
});

describe('monthsOfOccurrence', () => {
  it.each([
    ['2026-05-31', '2026-05-31', [5]],
    ['2026-06-01', '2026-08-31', [6, 7, 8]],
    ['2026-12-20', '2027-01-10', [12, 1]],
    ['2027-02-11', '2027-03-20', [2, 3]],
    ['2026-04-01', '2027-03-31', [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]],
    ['2026-04-01', '2027-05-31', [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]],
  ])('%s … %s touches %j', (start, end, months) => {
    expect(monthsOfOccurrence({ start, end })).toEqual(months);
  });
});
