import { occurrenceLabel } from './labels';
import type { Occurrence } from './timing';

describe('occurrenceLabel', () => {
  // start, end, precision → the label in Japanese and in English
  it.each<[string, string, Occurrence['precision'], string, string]>([
    ['2026-05-31', '2026-05-31', 'day', '5月31日', '31 May'],
    [
      '2026-06-01',
      '2026-08-31',
      'day',
      '6月1日〜8月31日',
      '1 June – 31 August',
    ],
    ['2026-09-01', '2026-10-31', 'month', '9月〜10月', 'September – October'],
    ['2026-06-01', '2026-06-30', 'month', '6月', 'June'],
    [
      '2027-02-11',
      '2027-03-20',
      'month-part',
      '2月中旬〜3月中旬',
      'mid February – mid March',
    ],
    ['2026-06-21', '2026-06-30', 'month-part', '6月下旬', 'late June'],
    [
      '2026-11-21',
      '2026-12-31',
      'month-part',
      '11月下旬〜12月下旬',
      'late November – late December',
    ],
  ])('labels %s – %s by %s', (start, end, precision, ja, en) => {
    const value: Occurrence = { start, end, precision, overridden: false };
    expect(occurrenceLabel(value, 'ja')).toBe(ja);
    expect(occurrenceLabel(value, 'en')).toBe(en);
  });
});
