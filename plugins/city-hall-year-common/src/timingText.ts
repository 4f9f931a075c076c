import { DateTime } from 'luxon';
import { fiscalYearLabels } from './fiscalYear';
import type { GuideLanguage } from './labels';
import type { MonthPart, Timing, TimingRule } from './schema';

/**
 * How a reader names another entry: its title in their language, or its slug until known.
 *
 * @public
 */
export type EntryTitleOf = (slug: string) => string;

const PART = {
  ja: { early: '上旬', middle: '中旬', late: '下旬' },
  en: { early: 'early', middle: 'mid', late: 'late' },
} as const satisfies Record<GuideLanguage, Record<MonthPart, string>>;

const WEEKDAYS = {
  ja: ['月', '火', '水', '木', '金', '土', '日'],
  en: [
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ],
} as const;

const ORDINALS_EN = ['first', 'second', 'third', 'fourth', 'fifth'];

/** English month names, from the calendar rather than a list of our own. */
function monthName(month: number): string {
  return DateTime.utc(2001, month, 1)
    .setLocale('en-GB')
    .toLocaleString({ month: 'long' });
}

function day(p: { month: number; day: number }, language: GuideLanguage) {
  return language === 'ja'
    ? `${p.month}月${p.day}日`
    : `${p.day} ${monthName(p.month)}`;
}

function monthPoint(
  p: { month: number; part?: MonthPart },
  language: GuideLanguage,
) {
  if (language === 'ja') return `${p.month}月${p.part ? PART.ja[p.part] : ''}`;
  return p.part
    ? `${PART.en[p.part]} ${monthName(p.month)}`
    : monthName(p.month);
}

function span(from: string, to: string, language: GuideLanguage) {
  if (from === to) return from;
  return language === 'ja' ? `${from}〜${to}` : `${from} – ${to}`;
}

/**
 * One timing rule in words, as a reader says it: 「6月上旬〜7月」, 「10月第2月曜日」,
 * 「出納閉鎖の92日後」; "early June – July", "second Monday of October", "92 days
 * after the start of Closing of accounts". Another entry is named by its title.
 *
 * @public
 */
export function describeTimingRule(
  rule: TimingRule,
  language: GuideLanguage,
  titleOf: EntryTitleOf = slug => slug,
): string {
  switch (rule.kind) {
    case 'date':
      return day(rule.on, language);
    case 'range':
      return span(day(rule.from, language), day(rule.to, language), language);
    case 'months':
      return span(
        monthPoint(rule.from, language),
        monthPoint(rule.to, language),
        language,
      );
    case 'nthWeekday': {
      if (language === 'ja') {
        const nth = rule.nth === -1 ? '最終' : `第${rule.nth}`;
        return `${rule.month}月${nth}${WEEKDAYS.ja[rule.weekday - 1]}曜日`;
      }
      const nth = rule.nth === -1 ? 'last' : ORDINALS_EN[rule.nth - 1];
      return `${nth} ${WEEKDAYS.en[rule.weekday - 1]} of ${monthName(
        rule.month,
      )}`;
    }
    case 'relative': {
      const days = Math.abs(rule.offsetDays);
      const before = rule.offsetDays < 0;
      const title = titleOf(rule.entry);
      if (language === 'ja') {
        const when =
          days === 0
            ? `${title}${rule.anchor === 'end' ? 'の終了日' : 'と同じ日'}`
            : `${title}${rule.anchor === 'end' ? 'の終了' : ''}の${days}日${
                before ? '前' : '後'
              }`;
        return rule.durationDays > 1
          ? `${when}（${rule.durationDays}日間）`
          : when;
      }
      const point = `${
        rule.anchor === 'end' ? 'the end' : 'the start'
      } of ${title}`;
      const when =
        days === 0
          ? `on ${point}`
          : `${days} day${days === 1 ? '' : 's'} ${
              before ? 'before' : 'after'
            } ${point}`;
      return rule.durationDays > 1
        ? `${when} (for ${rule.durationDays} days)`
        : when;
    }
    default:
      throw new Error('unknown rule');
  }
}

function isoDay(iso: string, language: GuideLanguage): string {
  const date = DateTime.fromISO(iso);
  return language === 'ja'
    ? `${date.year}年${date.month}月${date.day}日`
    : `${date.day} ${monthName(date.month)} ${date.year}`;
}

/**
 * A whole timing in words, one line per part: the rules (or 「随時」), each fiscal
 * year's own dates, and the note in the reader's language (the Japanese when it has
 * no English). For the history and the merge dialog, where JSON helps nobody.
 *
 * @public
 */
export function describeTiming(
  timing: Timing,
  language: GuideLanguage,
  titleOf?: EntryTitleOf,
): string {
  const lines: string[] = [];
  const rules = timing.rules.map(r => describeTimingRule(r, language, titleOf));
  if (timing.asNeeded) rules.push(language === 'ja' ? '随時' : 'as needed');
  if (rules.length) lines.push(rules.join(language === 'ja' ? '、' : '; '));
  for (const override of timing.overrides) {
    const label = fiscalYearLabels(override.fiscalYear)[language];
    const dates = override.dates
      .map(d =>
        span(
          isoDay(d.start, language),
          isoDay(d.end ?? d.start, language),
          language,
        ),
      )
      .join(language === 'ja' ? '、' : '; ');
    lines.push(language === 'ja' ? `${label}：${dates}` : `${label}: ${dates}`);
  }
  const note = timing.note && (timing.note[language] || timing.note.ja);
  if (note) lines.push(note);
  return lines.join('\n');
}
