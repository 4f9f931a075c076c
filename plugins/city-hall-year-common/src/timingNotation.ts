import type { MonthPart, Timing, TimingRule } from './schema';

/**
 * A short Japanese notation of timing rules, for the 時期 column of a spreadsheet:
 *
 * | notation | rule |
 * | --- | --- |
 * | `5月31日`, `5/31` | a fixed date |
 * | `4月1日〜5月31日`, `4/1-5/31` | a date range |
 * | `6月`, `6月上旬`, `2月中旬〜3月中旬`, `9月〜10月` | months and month parts (上旬, 中旬, 下旬) |
 * | `10月第2月曜日`, `3月最終金曜日` | the nth (or last) weekday of a month |
 * | `shutsuno-heisaの92日後`, `xの3日前`, `x終了の1日後（5日間）` | days after or before another entry |
 * | `随時` | held as needed |
 *
 * Several rules are separated by line breaks, `、` or `;`. Overrides and notes have no
 * notation: such timings are written as JSON.
 *
 * @public
 */
export const TIMING_NOTATION_HELP =
  '5月31日 / 4月1日〜5月31日 / 6月上旬 / 2月中旬〜3月中旬 / 10月第2月曜日 / 3月最終金曜日 / slugの92日後 / 随時, or JSON';

const PARTS: Record<string, MonthPart> = {
  上旬: 'early',
  中旬: 'middle',
  下旬: 'late',
};
const PART_NAMES: Record<MonthPart, string> = {
  early: '上旬',
  middle: '中旬',
  late: '下旬',
};
const WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'];
const AS_NEEDED = ['随時', '必要に応じて', 'as needed'];

/** Full-width digits and separators become their ASCII forms. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[～~－–—]/g, '〜')
    .replace(/\s+/g, '');
}

function parseDay(text: string): { month: number; day: number } | undefined {
  const m = /^(\d{1,2})(?:月|\/)(\d{1,2})日?$/.exec(text);
  return m ? { month: Number(m[1]), day: Number(m[2]) } : undefined;
}

function parseMonthPoint(
  text: string,
): { month: number; part?: MonthPart } | undefined {
  const m = /^(\d{1,2})月(上旬|中旬|下旬)?$/.exec(text);
  if (!m) return undefined;
  return m[2]
    ? { month: Number(m[1]), part: PARTS[m[2]] }
    : { month: Number(m[1]) };
}

function parseRule(raw: string): TimingRule {
  const text = normalize(raw);
  const relative =
    /^([a-z0-9]+(?:-[a-z0-9]+)*)(終了)?の(\d+)日(後|前)(?:[（(](\d+)日間[）)])?$/.exec(
      text,
    );
  if (relative) {
    const days = Number(relative[3]);
    return {
      kind: 'relative',
      entry: relative[1],
      anchor: relative[2] ? 'end' : 'start',
      offsetDays: relative[4] === '前' ? -days : days,
      durationDays: relative[5] ? Number(relative[5]) : 1,
    };
  }
  const weekday = /^(\d{1,2})月(?:第(\d)|(最終))([月火水木金土日])曜日?$/.exec(
    text,
  );
  if (weekday) {
    return {
      kind: 'nthWeekday',
      month: Number(weekday[1]),
      nth: weekday[3] ? -1 : Number(weekday[2]),
      weekday: WEEKDAYS.indexOf(weekday[4]) + 1,
    };
  }
  // 4/1-5/31: an ASCII hyphen between digits separates a range (slugs were read above).
  const [fromText, toText, ...rest] = text
    .replace(/(\d)-(\d)/, '$1〜$2')
    .split('〜');
  if (rest.length === 0) {
    const fromDay = parseDay(fromText);
    const toDay = toText === undefined ? fromDay : parseDay(toText);
    if (fromDay && toDay) {
      return toText === undefined
        ? { kind: 'date', on: fromDay }
        : { kind: 'range', from: fromDay, to: toDay };
    }
    const fromMonth = parseMonthPoint(fromText);
    const toMonth = toText === undefined ? fromMonth : parseMonthPoint(toText);
    if (fromMonth && toMonth) {
      return { kind: 'months', from: fromMonth, to: toMonth };
    }
  }
  throw new Error(`cannot read '${raw}' as a timing (${TIMING_NOTATION_HELP})`);
}

/**
 * Reads the 時期 column: JSON of a timing, or the notation above. The result still
 * goes through the shared schema, which checks dates and limits.
 *
 * @public
 */
export function parseTimingNotation(cell: string): unknown {
  const text = cell.trim();
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new Error('is not valid JSON');
    }
  }
  const parts = text
    .split(/[\n、;；]+/)
    .map(p => p.trim())
    .filter(Boolean);
  if (parts.length === 0) {
    throw new Error('is empty');
  }
  const asNeeded = (part: string) =>
    AS_NEEDED.includes(part.toLocaleLowerCase('ja-JP'));
  const rules = parts.filter(p => !asNeeded(p)).map(parseRule);
  return rules.length < parts.length ? { asNeeded: true, rules } : { rules };
}

function formatRule(rule: TimingRule): string {
  switch (rule.kind) {
    case 'date':
      return `${rule.on.month}月${rule.on.day}日`;
    case 'range':
      return `${rule.from.month}月${rule.from.day}日〜${rule.to.month}月${rule.to.day}日`;
    case 'months': {
      const point = (p: { month: number; part?: MonthPart }) =>
        `${p.month}月${p.part ? PART_NAMES[p.part] : ''}`;
      const from = point(rule.from);
      const to = point(rule.to);
      return from === to ? from : `${from}〜${to}`;
    }
    case 'nthWeekday':
      return `${rule.month}月${rule.nth === -1 ? '最終' : `第${rule.nth}`}${
        WEEKDAYS[rule.weekday - 1]
      }曜日`;
    case 'relative': {
      const days = Math.abs(rule.offsetDays);
      const duration =
        rule.durationDays > 1 ? `（${rule.durationDays}日間）` : '';
      return `${rule.entry}${rule.anchor === 'end' ? '終了' : ''}の${days}日${
        rule.offsetDays < 0 ? '前' : '後'
      }${duration}`;
    }
    default:
      throw new Error('unknown rule');
  }
}

/**
 * Writes a timing for the 時期 column: the notation where it says everything, JSON
 * otherwise (overrides, notes), so that an export imports back without loss.
 *
 * @public
 */
export function formatTimingNotation(timing: Timing): string {
  if (timing.overrides.length > 0 || timing.note) {
    return JSON.stringify(timing);
  }
  return formatRulesNotation(timing);
}

/**
 * The rules of a timing (and 「随時」) in the notation, never JSON: what the editor's
 * shortcut field shows, the overrides and the note having fields of their own.
 *
 * @public
 */
export function formatRulesNotation(
  timing: Pick<Timing, 'asNeeded' | 'rules'>,
): string {
  return [
    ...(timing.asNeeded ? ['随時'] : []),
    ...timing.rules.map(formatRule),
  ].join('\n');
}
