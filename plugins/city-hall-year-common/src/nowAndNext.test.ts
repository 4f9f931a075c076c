import { cityHallDate, nowAndNext, nowAndNextFiscalYears } from './nowAndNext';

const o = (slug: string, start: string, end: string) => ({ slug, start, end });

describe('nowAndNext', () => {
  const items = [
    o('all-year', '2026-04-01', '2027-03-31'),
    o('earlier-this-month-done', '2026-11-02', '2026-11-05'),
    o('later-this-month', '2026-11-28', '2026-11-30'),
    o('starts-in-december', '2026-12-10', '2026-12-20'),
    o('too-far', '2027-01-10', '2027-01-10'),
  ];

  it('splits this month (still running or to come) from what starts in the next 30 days', () => {
    const { thisMonth, next } = nowAndNext(items, '2026-11-24');
    expect(thisMonth.map(i => i.slug)).toEqual([
      'all-year',
      'later-this-month',
    ]);
    expect(next.map(i => i.slug)).toEqual(['starts-in-december']);
  });

  it('reaches across the end of the fiscal year', () => {
    const { next } = nowAndNext(
      [o('april', '2027-04-01', '2027-04-01')],
      '2027-03-20',
    );
    expect(next.map(i => i.slug)).toEqual(['april']);
  });
});

describe('nowAndNextFiscalYears', () => {
  it.each([
    ['2026-04-01', [2026]],
    ['2026-12-07', [2026]],
    ['2027-02-28', [2026]],
    ['2027-03-01', [2026]],
    ['2027-03-02', [2026, 2027]],
    ['2027-03-31', [2026, 2027]],
  ])('on %s reads the fiscal years %j', (today, years) => {
    expect(nowAndNextFiscalYears(today)).toEqual(years);
  });
});

describe('cityHallDate', () => {
  it.each([
    ['2026-12-07T14:59:59Z', '2026-12-07'],
    ['2026-12-07T15:00:00Z', '2026-12-08'],
    ['2027-03-31T15:00:00Z', '2027-04-01'],
  ])('reads %s as %s in Tokyo', (at, date) => {
    expect(cityHallDate(new Date(at))).toBe(date);
  });
});
