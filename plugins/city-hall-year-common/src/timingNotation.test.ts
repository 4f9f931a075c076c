import { timingSchema } from './schema';
import {
  formatRulesNotation,
  formatTimingNotation,
  parseTimingNotation,
} from './timingNotation';

describe('parseTimingNotation', () => {
  it.each([
    ['5月31日', [{ kind: 'date', on: { month: 5, day: 31 } }]],
    ['５／３１', [{ kind: 'date', on: { month: 5, day: 31 } }]],
    [
      '4月1日〜5月31日',
      [
        {
          kind: 'range',
          from: { month: 4, day: 1 },
          to: { month: 5, day: 31 },
        },
      ],
    ],
    [
      '4/1 - 5/31',
      [
        {
          kind: 'range',
          from: { month: 4, day: 1 },
          to: { month: 5, day: 31 },
        },
      ],
    ],
    ['6月', [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }]],
    [
      '6月上旬',
      [
        {
          kind: 'months',
          from: { month: 6, part: 'early' },
          to: { month: 6, part: 'early' },
        },
      ],
    ],
    [
      '2月中旬～3月中旬',
      [
        {
          kind: 'months',
          from: { month: 2, part: 'middle' },
          to: { month: 3, part: 'middle' },
        },
      ],
    ],
    ['10月第2月曜日', [{ kind: 'nthWeekday', month: 10, nth: 2, weekday: 1 }]],
    ['3月最終金曜', [{ kind: 'nthWeekday', month: 3, nth: -1, weekday: 5 }]],
    [
      'shutsuno-heisaの92日後',
      [
        {
          kind: 'relative',
          entry: 'shutsuno-heisa',
          anchor: 'start',
          offsetDays: 92,
          durationDays: 1,
        },
      ],
    ],
    [
      'kessan-chosei終了の3日前（10日間）',
      [
        {
          kind: 'relative',
          entry: 'kessan-chosei',
          anchor: 'end',
          offsetDays: -3,
          durationDays: 10,
        },
      ],
    ],
    [
      '6月、9月、12月',
      [6, 9, 12].map(month => ({
        kind: 'months',
        from: { month },
        to: { month },
      })),
    ],
  ])('reads %s', (cell, rules) => {
    expect(parseTimingNotation(cell)).toEqual({ rules });
  });

  it('reads 随時 as held as needed', () => {
    expect(parseTimingNotation('随時')).toEqual({ asNeeded: true, rules: [] });
  });

  it('reads JSON as it is', () => {
    expect(parseTimingNotation('{"rules":[],"asNeeded":true}')).toEqual({
      rules: [],
      asNeeded: true,
    });
  });

  it.each(['来年の春', '{broken', ''])('refuses %j with a reason', cell => {
    expect(() => parseTimingNotation(cell)).toThrow();
  });

  it('leaves impossible dates to the shared schema', () => {
    expect(timingSchema.safeParse(parseTimingNotation('5月32日')).success).toBe(
      false,
    );
  });
});

describe('formatTimingNotation', () => {
  it.each([
    '5月31日',
    '4月1日〜5月31日',
    '6月上旬',
    '2月中旬〜3月中旬',
    '9月〜10月',
    '10月第2月曜日',
    '3月最終金曜日',
    'shutsuno-heisaの92日後',
    'kessan-chosei終了の3日前（10日間）',
    '随時',
    '6月\n9月\n12月',
    '随時\n5月',
  ])('writes back %j unchanged', notation => {
    const timing = timingSchema.parse(parseTimingNotation(notation));
    expect(formatTimingNotation(timing)).toBe(notation);
  });

  it('falls back to JSON where the notation cannot say everything', () => {
    const timing = timingSchema.parse({
      rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
      overrides: [
        {
          fiscalYear: 2026,
          dates: [{ start: '2026-06-05', end: '2026-06-24' }],
        },
      ],
      note: { ja: '例年6月' },
    });
    const cell = formatTimingNotation(timing);
    expect(timingSchema.parse(parseTimingNotation(cell))).toEqual(timing);
  });
});

describe('formatRulesNotation', () => {
  it('writes the rules of a timing with overrides and a note, without them', () => {
    const timing = timingSchema.parse({
      asNeeded: true,
      rules: [{ kind: 'months', from: { month: 5 }, to: { month: 5 } }],
      overrides: [{ fiscalYear: 2026, dates: [{ start: '2026-05-14' }] }],
      note: { ja: '例年5月' },
    });
    expect(formatRulesNotation(timing)).toBe('随時\n5月');
    expect(parseTimingNotation('随時、5月')).toEqual({
      asNeeded: true,
      rules: timing.rules,
    });
  });
});
