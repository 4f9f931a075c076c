import { timingSchema } from './schema';
import { describeTiming, describeTimingRule } from './timingText';

const titles: Record<string, string> = { 'shutsuno-heisa': '出納閉鎖' };
const titleOf = (slug: string) => titles[slug] ?? slug;

describe('describeTimingRule', () => {
  it.each([
    [{ kind: 'date', on: { month: 5, day: 31 } }, '5月31日', '31 May'],
    [
      { kind: 'range', from: { month: 4, day: 1 }, to: { month: 5, day: 31 } },
      '4月1日〜5月31日',
      '1 April – 31 May',
    ],
    [
      {
        kind: 'months',
        from: { month: 2, part: 'middle' },
        to: { month: 3, part: 'late' },
      },
      '2月中旬〜3月下旬',
      'mid February – late March',
    ],
    [
      { kind: 'months', from: { month: 9 }, to: { month: 9 } },
      '9月',
      'September',
    ],
    [
      { kind: 'nthWeekday', month: 10, nth: 2, weekday: 1 },
      '10月第2月曜日',
      'second Monday of October',
    ],
    [
      { kind: 'nthWeekday', month: 3, nth: -1, weekday: 5 },
      '3月最終金曜日',
      'last Friday of March',
    ],
    [
      {
        kind: 'relative',
        entry: 'shutsuno-heisa',
        anchor: 'start',
        offsetDays: 92,
        durationDays: 1,
      },
      '出納閉鎖の92日後',
      '92 days after the start of 出納閉鎖',
    ],
    [
      {
        kind: 'relative',
        entry: 'shutsuno-heisa',
        anchor: 'end',
        offsetDays: -1,
        durationDays: 5,
      },
      '出納閉鎖の終了の1日前（5日間）',
      '1 day before the end of 出納閉鎖 (for 5 days)',
    ],
  ])('says %j in words', (rule, ja, en) => {
    const parsed = timingSchema.parse({ rules: [rule] }).rules[0];
    expect(describeTimingRule(parsed, 'ja', titleOf)).toBe(ja);
    expect(describeTimingRule(parsed, 'en', titleOf)).toBe(en);
  });
});

describe('describeTiming', () => {
  const timing = timingSchema.parse({
    asNeeded: true,
    rules: [{ kind: 'months', from: { month: 5 }, to: { month: 5 } }],
    overrides: [
      {
        fiscalYear: 2026,
        dates: [
          { start: '2026-05-14' },
          { start: '2027-01-20', end: '2027-01-21' },
        ],
      },
    ],
    note: { ja: '例年5月に開かれます。' },
  });

  it('reads rules, each year’s own dates and the note, one part a line', () => {
    expect(describeTiming(timing, 'ja')).toBe(
      '5月、随時\n令和8年度：2026年5月14日、2027年1月20日〜2027年1月21日\n例年5月に開かれます。',
    );
  });

  it('says it in English, with the Japanese note where there is no English', () => {
    expect(describeTiming(timing, 'en')).toBe(
      'May; as needed\nFY2026: 14 May 2026; 20 January 2027 – 21 January 2027\n例年5月に開かれます。',
    );
  });
});
