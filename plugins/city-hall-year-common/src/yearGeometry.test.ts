import { DateTime } from 'luxon';
import {
  fiscalYearLength,
  monthSpans,
  packLanes,
  todayPosition,
  yearSpan,
} from './yearGeometry';

describe('year geometry', () => {
  it.each([
    [2026, 365],
    [2027, 366],
  ])('FY%s has %s days', (fy, days) => {
    expect(fiscalYearLength(fy)).toBe(days);
  });

  it('places 1 April at 0 and the end of 31 March at 1', () => {
    expect(yearSpan({ start: '2026-04-01', end: '2027-03-31' }, 2026)).toEqual({
      start: 0,
      end: 1,
    });
  });

  it('places 31 May as one day', () => {
    const span = yearSpan({ start: '2026-05-31', end: '2026-05-31' }, 2026);
    expect(span.start).toBeCloseTo(60 / 365);
    expect(span.end).toBeCloseTo(61 / 365);
  });

  it('places every day of six fiscal years where the calendar does', () => {
    for (let fy = 2023; fy <= 2028; fy++) {
      const origin = DateTime.utc(fy, 4, 1);
      const length = fiscalYearLength(fy);
      for (let day = 0; day < length; day++) {
        const iso = origin.plus({ days: day }).toISODate()!;
        expect(yearSpan({ start: iso, end: iso }, fy)).toEqual({
          start: day / length,
          end: (day + 1) / length,
        });
      }
    }
  });

  it('reads a date with a time of day by its calendar date', () => {
    expect(
      yearSpan(
        { start: '2026-05-31T18:00:00+09:00', end: '2026-05-31T09:00:00Z' },
        2026,
      ),
    ).toEqual(yearSpan({ start: '2026-05-31', end: '2026-05-31' }, 2026));
  });

  it('clips a span that runs into the next fiscal year', () => {
    expect(yearSpan({ start: '2027-03-20', end: '2027-04-05' }, 2026).end).toBe(
      1,
    );
  });

  it('gives twelve months in fiscal order that tile the year', () => {
    const months = monthSpans(2026);
    expect(months.map(m => m.month)).toEqual([
      4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3,
    ]);
    expect(months[0].start).toBe(0);
    expect(months[11].end).toBe(1);
    months
      .slice(1)
      .forEach((m, i) => expect(m.start).toBeCloseTo(months[i].end));
  });

  it('marks today only within its fiscal year', () => {
    expect(todayPosition('2026-04-01', 2026)).toBe(0);
    expect(todayPosition('2026-03-31', 2026)).toBeUndefined();
    expect(todayPosition('2027-04-01', 2026)).toBeUndefined();
  });

  it('packs overlapping spans into separate lanes and reuses free ones', () => {
    expect(
      packLanes([
        { start: 0, end: 0.3 },
        { start: 0.1, end: 0.2 },
        { start: 0.3, end: 0.5 },
        { start: 0.25, end: 0.6 },
      ]),
    ).toEqual([0, 1, 0, 1]);
  });
});
