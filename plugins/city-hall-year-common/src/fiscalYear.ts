import { DateTime } from 'luxon';

/**
 * The time zone every date of the guide is a calendar date in.
 *
 * @public
 */
export const CITY_HALL_TIME_ZONE = 'Asia/Tokyo';

/**
 * The first calendar month of a Japanese fiscal year (April).
 *
 * @public
 */
export const FISCAL_YEAR_START_MONTH = 4;

/**
 * Months of a fiscal year in the order staff live them: April first, March last.
 *
 * @public
 */
export const FISCAL_MONTHS: readonly number[] = [
  4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3,
];

/**
 * The fiscal year (年度) a moment falls in, read as a calendar date in Asia/Tokyo.
 * FY2026 runs from 2026-04-01 to 2027-03-31.
 *
 * @public
 */
export function resolveFiscalYear(at: Date | DateTime | string): number {
  const date = toTokyo(at);
  return date.month >= FISCAL_YEAR_START_MONTH ? date.year : date.year - 1;
}

/**
 * The calendar year in which a month of the given fiscal year falls:
 * April–December belong to the fiscal year's own calendar year, January–March to the next.
 *
 * @public
 */
export function calendarYearOfFiscalMonth(
  fiscalYear: number,
  month: number,
): number {
  return month >= FISCAL_YEAR_START_MONTH ? fiscalYear : fiscalYear + 1;
}

/**
 * First and last calendar dates (ISO, inclusive) of a fiscal year.
 *
 * @public
 */
export function fiscalYearBounds(fiscalYear: number): {
  start: string;
  end: string;
} {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/**
 * Position (0 = April … 11 = March) of a calendar month within the fiscal year.
 *
 * @public
 */
export function fiscalMonthIndex(month: number): number {
  return (month - FISCAL_YEAR_START_MONTH + 12) % 12;
}

/**
 * The Japanese era year of a calendar date, e.g. 令和8年 for 2026-04-01 and
 * 令和元年 for 2019-05-01.
 *
 * @public
 */
export function japaneseEraYear(at: Date | DateTime | string): string {
  return toTokyo(at)
    .reconfigure({ outputCalendar: 'japanese', locale: 'ja-JP' })
    .toLocaleString({ era: 'long', year: 'numeric' });
}

/**
 * Labels of a fiscal year in both systems.
 *
 * @public
 */
export interface FiscalYearLabels {
  /** e.g. `FY2026` */
  en: string;
  /** e.g. `令和8年度` */
  ja: string;
}

/**
 * Labels a fiscal year as staff say it. A fiscal year takes the era in force for most
 * of it, which is why FY2019 is 令和元年度 although it began on 平成31年4月1日: the
 * era is read on 1 May of its first calendar year.
 *
 * @public
 */
export function fiscalYearLabels(fiscalYear: number): FiscalYearLabels {
  return {
    en: `FY${fiscalYear}`,
    ja: `${japaneseEraYear(`${fiscalYear}-05-01`)}度`,
  };
}

/**
 * A council counts its regular sessions by calendar year, so the budget session
 * held in February 2027 is 令和9年第1回定例会 although it falls in FY2026.
 *
 * @public
 */
export function councilSessionLabels(
  sessionStart: string,
  sessionNumber: number,
): FiscalYearLabels {
  const start = toTokyo(sessionStart);
  const ordinal =
    ['1st', '2nd', '3rd'][sessionNumber - 1] ?? `${sessionNumber}th`;
  return {
    ja: `${japaneseEraYear(start)}第${sessionNumber}回定例会`,
    en: `${ordinal} regular session of ${start.year}`,
  };
}

function toTokyo(at: Date | DateTime | string): DateTime {
  if (typeof at === 'string') {
    const parsed = DateTime.fromISO(at, { zone: CITY_HALL_TIME_ZONE });
    if (!parsed.isValid) {
      throw new RangeError(`Not an ISO date: ${at}`);
    }
    return parsed;
  }
  const dateTime = at instanceof Date ? DateTime.fromJSDate(at) : at;
  return dateTime.setZone(CITY_HALL_TIME_ZONE);
}
