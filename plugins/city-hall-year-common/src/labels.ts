import { DateTime } from 'luxon';
import { CITY_HALL_TIME_ZONE } from './fiscalYear';
import type { Cycle } from './schema';
import type { Occurrence } from './timing';

/**
 * Languages the guide is written in; Japanese first.
 *
 * @public
 */
export type GuideLanguage = 'ja' | 'en';

const PART_LABELS = {
  ja: { 1: '上旬', 11: '中旬', 21: '下旬' },
  en: { 1: 'early', 11: 'mid', 21: 'late' },
} as const;

function partOf(day: number): 1 | 11 | 21 {
  if (day <= 10) return 1;
  if (day <= 20) return 11;
  return 21;
}

const LOCALES: Record<GuideLanguage, string> = { ja: 'ja-JP', en: 'en-GB' };

/**
 * Labels already made: a calendar or a year view names a few hundred distinct days
 * thousands of times, and formatting a date through Intl is slow.
 */
const made = new Map<string, string>();

function pointLabel(
  iso: string,
  precision: Occurrence['precision'],
  language: GuideLanguage,
): string {
  const key = `${iso}|${precision}|${language}`;
  let label = made.get(key);
  if (label === undefined) {
    if (made.size > 20_000) made.clear();
    label = formatPoint(iso, precision, language);
    made.set(key, label);
  }
  return label;
}

function formatPoint(
  iso: string,
  precision: Occurrence['precision'],
  language: GuideLanguage,
): string {
  const date = DateTime.fromISO(iso, { zone: CITY_HALL_TIME_ZONE }).setLocale(
    LOCALES[language],
  );
  if (precision === 'day') {
    return date.toLocaleString({ month: 'long', day: 'numeric' });
  }
  const month = date.toLocaleString({ month: 'long' });
  if (precision === 'month') {
    return month;
  }
  const part = PART_LABELS[language][partOf(date.day)];
  return language === 'ja' ? `${month}${part}` : `${part} ${month}`;
}

/**
 * A short human label of when an occurrence happens, at the precision it is known:
 * `5月31日`, `6月1日〜8月31日`, `2月中旬〜3月中旬`; `31 May`, `mid February – mid March`.
 *
 * @public
 */
export function occurrenceLabel(
  occurrence: Occurrence,
  language: GuideLanguage,
): string {
  const start = pointLabel(occurrence.start, occurrence.precision, language);
  const end = pointLabel(occurrence.end, occurrence.precision, language);
  if (start === end) {
    return start;
  }
  return language === 'ja' ? `${start}〜${end}` : `${start} – ${end}`;
}

/**
 * The name of each cycle of the year, in Japanese and English.
 *
 * @public
 */
export const CYCLE_LABELS: Readonly<Record<Cycle, { ja: string; en: string }>> =
  {
    council: { ja: '議会', en: 'Council' },
    budget: { ja: '予算', en: 'Budget' },
    settlement: { ja: '決算', en: 'Settlement' },
    planning: { ja: '計画', en: 'Planning' },
    personnel: { ja: '人事', en: 'Personnel' },
    other: { ja: 'その他', en: 'Other' },
  };
