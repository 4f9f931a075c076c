import {
  calendarYearOfFiscalMonth,
  councilSessionLabels,
  fiscalMonthIndex,
  fiscalYearBounds,
  fiscalYearLabels,
  resolveFiscalYear,
} from './fiscalYear';

describe('resolveFiscalYear', () => {
  it.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2027-03-31', 2026],
    ['2027-04-01', 2027],
    ['2024-02-29', 2023],
    // 2026-03-31T15:00Z is already 1 April in Tokyo.
    ['2026-03-31T15:00:00Z', 2026],
    ['2026-03-31T14:59:59Z', 2025],
  ])('%s is in FY%s', (at, expected) => {
    expect(resolveFiscalYear(at)).toBe(expected);
  });

  it('reads a Date in Asia/Tokyo whatever the host zone', () => {
    expect(resolveFiscalYear(new Date('2026-03-31T15:30:00Z'))).toBe(2026);
  });

  it('refuses a string that is not a date', () => {
    expect(() => resolveFiscalYear('31 May')).toThrow(/Not an ISO date/);
  });
});

describe('calendarYearOfFiscalMonth', () => {
  it.each([
    [2026, 4, 2026],
    [2026, 12, 2026],
    [2026, 1, 2027],
    [2026, 3, 2027],
  ])('FY%s month %s is in %s', (fy, month, expected) => {
    expect(calendarYearOfFiscalMonth(fy, month)).toBe(expected);
  });
});

describe('fiscalMonthIndex', () => {
  it.each([
    [4, 0],
    [12, 8],
    [1, 9],
    [3, 11],
  ])('month %s is at %s', (month, index) => {
    expect(fiscalMonthIndex(month)).toBe(index);
  });
});

describe('fiscalYearLabels', () => {
  it.each([
    [2026, 'FY2026', '令和8年度'],
    [2019, 'FY2019', '令和元年度'],
    [2018, 'FY2018', '平成30年度'],
    [2020, 'FY2020', '令和2年度'],
  ])('FY%s is %s / %s', (fy, en, ja) => {
    expect(fiscalYearLabels(fy)).toEqual({ en, ja });
  });

  it('bounds a fiscal year from 1 April to 31 March', () => {
    expect(fiscalYearBounds(2026)).toEqual({
      start: '2026-04-01',
      end: '2027-03-31',
    });
  });
});

describe('councilSessionLabels', () => {
  it('names the February session of FY2026 by its calendar year', () => {
    expect(councilSessionLabels('2027-02-18', 1)).toEqual({
      ja: '令和9年第1回定例会',
      en: '1st regular session of 2027',
    });
  });

  it('names the June session by the same calendar year as its fiscal year', () => {
    expect(councilSessionLabels('2026-06-10', 2).ja).toBe('令和8年第2回定例会');
  });
});
