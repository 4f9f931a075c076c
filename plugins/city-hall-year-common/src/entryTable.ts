import type { EntryFields } from './schema';
import { formatTimingNotation, parseTimingNotation } from './timingNotation';

/**
 * A problem with one cell of an imported table.
 *
 * @public
 */
export interface CellError {
  /** Column key, e.g. `title_ja`; empty for the row as a whole. */
  column: string;
  message: string;
}

type Bilingual = { ja: string; en?: string };

/** @public */
export interface Column {
  /** Header written on export for scripts; also accepted on import. */
  key: string;
  /** Japanese header first (written on export for people), then other aliases. */
  headers: string[];
  write(entry: EntryFields): string;
  /** The value in Japanese where the code has a Japanese name (サイクル 決算). */
  writeJa?(entry: EntryFields): string;
  /** Sets the value read from a non-empty cell onto the raw entry object. */
  read(target: Record<string, any>, cell: string): void;
}

const LIST_SEPARATOR = /[\n;；、]+/;

function list(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map(s => s.trim())
    .filter(Boolean);
}

function bilingual(
  field: keyof EntryFields,
  language: 'ja' | 'en',
  headers: string[],
): Column {
  return {
    key: `${snake(field)}_${language}`,
    headers,
    write: entry => (entry[field] as Bilingual | undefined)?.[language] ?? '',
    read: (target, cell) => {
      target[field] = { ...(target[field] ?? {}), [language]: cell };
    },
  };
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);
}

function listColumn(field: keyof EntryFields, headers: string[]): Column {
  return {
    key: snake(field),
    headers,
    write: entry => (entry[field] as string[]).join('\n'),
    read: (target, cell) => {
      target[field] = list(cell);
    },
  };
}

const CYCLE_NAMES: Record<string, string> = {
  議会: 'council',
  予算: 'budget',
  決算: 'settlement',
  計画: 'planning',
  人事: 'personnel',
  その他: 'other',
};
const CONCERNS_NAMES: Record<string, string> = {
  前年度: 'previous',
  当年度: 'current',
  今年度: 'current',
  翌年度: 'next',
};
const STATUS_NAMES: Record<string, string> = {
  下書き: 'draft',
  公開: 'published',
};

/** The Japanese name of a code, from a table of names to codes (the first wins). */
function japaneseName(names: Record<string, string>, code: string): string {
  return Object.entries(names).find(([, c]) => c === code)?.[0] ?? code;
}

/** Japanese names of the roles that take part (参加者), then their codes. */
const PARTICIPANT_NAMES: Record<string, string> = {
  全職員: 'everyone',
  各課: 'sections',
  該当する課: 'concernedSections',
  課長級: 'managers',
  係長級: 'unitChiefs',
  新規採用職員: 'newHires',
};
const PARTICIPANT_CODES = new Set(Object.values(PARTICIPANT_NAMES));
/** Between the participant and its note, and before the note's English. */
const NOTE_MARK = ' — ';
const ENGLISH_MARK = ' [en] ';

/**
 * One participant a line: the role (全職員, 各課, 課長級, 係長級, 新規採用職員, or its
 * code) or a Group reference, then optionally ` — ` and the note in Japanese, and
 * ` [en] ` and its English.
 */
function writeParticipants(entry: EntryFields, ja: boolean): string {
  return (entry.participants ?? [])
    .map(p => {
      let who: string;
      if ('group' in p) who = p.group;
      else who = ja ? japaneseName(PARTICIPANT_NAMES, p.role) : p.role;
      if (!p.note) return who;
      return `${who}${NOTE_MARK}${p.note.ja}${
        p.note.en ? `${ENGLISH_MARK}${p.note.en}` : ''
      }`;
    })
    .join('\n');
}

function readParticipants(cell: string): unknown[] {
  return cell
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean)
    .map(line => {
      const at = line.indexOf(NOTE_MARK.trim());
      const who = (at < 0 ? line : line.slice(0, at)).trim();
      const rest = at < 0 ? '' : line.slice(at + 1).trim();
      const role =
        PARTICIPANT_NAMES[who] ??
        (PARTICIPANT_CODES.has(who) ? who : undefined);
      const [ja, en] = rest.split(ENGLISH_MARK.trim()).map(t => t.trim());
      const note = ja ? { note: { ja, ...(en ? { en } : {}) } } : {};
      return role ? { role, ...note } : { group: who, ...note };
    });
}

const FAQ_LINE = /^\s*([QA])[:：.．]\s?(.*)$/i;

/**
 * Reads the FAQ cell: items as 「Q: 質問」 and 「A: 答え」 lines; an answer runs on
 * over the following lines (Markdown) until the next 「Q:」.
 */
function readFaqCell(
  cell: string,
): Array<{ question: string; answer: string }> {
  const items: Array<{ question: string; answer: string }> = [];
  let part: 'question' | 'answer' | undefined;
  for (const line of cell.split(/\r?\n/)) {
    const marked = FAQ_LINE.exec(line);
    const mark = marked?.[1].toUpperCase();
    if (mark === 'Q') {
      items.push({ question: marked![2], answer: '' });
      part = 'question';
    } else if (mark === 'A' && part === 'question') {
      items[items.length - 1].answer = marked![2];
      part = 'answer';
    } else if (part) {
      const item = items[items.length - 1];
      item[part] = `${item[part]}\n${line}`;
    } else if (line.trim()) {
      throw new Error(
        'write each FAQ item as a "Q: …" line and an "A: …" line',
      );
    }
  }
  return items.map(i => ({
    question: i.question.trim(),
    answer: i.answer.trim(),
  }));
}

/**
 * The columns of the CSV form of entries, in export order. Headers are matched
 * case-insensitively, in English or Japanese, so a department's spreadsheet with
 * 名称・目的・担当課・時期 imports as it is.
 *
 * @public
 */
export const ENTRY_COLUMNS: Column[] = [
  {
    key: 'slug',
    headers: ['スラッグ', 'ID', '識別子'],
    write: e => e.slug,
    read: (t, c) => (t.slug = c),
  },
  {
    key: 'cycle',
    headers: ['サイクル', '分類'],
    write: e => e.cycle,
    writeJa: e => japaneseName(CYCLE_NAMES, e.cycle),
    read: (t, c) => (t.cycle = CYCLE_NAMES[c] ?? c),
  },
  bilingual('title', 'ja', ['名称', 'タイトル', '項目']),
  bilingual('title', 'en', ['名称（英語）', '英語名称']),
  bilingual('summary', 'ja', ['概要']),
  bilingual('summary', 'en', ['概要（英語）']),
  bilingual('purpose', 'ja', ['目的', '何のために']),
  bilingual('purpose', 'en', ['目的（英語）']),
  bilingual('whatHappens', 'ja', ['内容', '何が行われるか']),
  bilingual('whatHappens', 'en', ['内容（英語）']),
  bilingual('forNewStaff', 'ja', ['新規職員へ', '新人へのポイント']),
  bilingual('forNewStaff', 'en', ['新規職員へ（英語）']),
  {
    key: 'legal_basis',
    headers: ['根拠法令', '根拠'],
    write: e =>
      e.legalBasis
        .map(
          b =>
            [b.law, b.article].filter(Boolean).join(' ') +
            (b.note ? ` — ${b.note}` : ''),
        )
        .join('\n'),
    read: (t, c) => {
      t.legalBasis = c
        .split(/\n+/)
        .map(s => s.trim())
        .filter(Boolean)
        .map(item => {
          const [reference, ...note] = item.split(' — ');
          const [law, ...article] = reference.trim().split(/[\s\u3000]+/);
          return {
            law,
            ...(article.length ? { article: article.join(' ') } : {}),
            ...(note.length ? { note: note.join(' — ').trim() } : {}),
          };
        });
    },
  },
  {
    key: 'owner',
    headers: ['担当課', '所管', '担当'],
    write: e => e.owner,
    read: (t, c) => (t.owner = c),
  },
  listColumn('relatedGroups', ['関係課']),
  {
    key: 'participants',
    headers: ['参加者', '参加する人'],
    write: e => writeParticipants(e, false),
    writeJa: e => writeParticipants(e, true),
    read: (t, c) => (t.participants = readParticipants(c)),
  },
  listColumn('dependsOn', ['前提', '前の段階']),
  listColumn('feedsInto', ['つながる先', '次の段階']),
  {
    key: 'links',
    headers: ['リンク'],
    write: e => e.links.map(l => `${l.title} <${l.url}>`).join('\n'),
    read: (t, c) => {
      t.links = c
        .split(/\n+/)
        .map(s => s.trim())
        .filter(Boolean)
        .map(item => {
          const m = /^(.*?)\s*<([^>]+)>$/.exec(item);
          return m
            ? { title: m[1] || m[2], url: m[2] }
            : { title: item, url: item };
        });
    },
  },
  listColumn('tags', ['タグ']),
  {
    key: 'faq',
    headers: ['よくある質問', 'FAQ'],
    write: e =>
      (e.faq ?? []).map(f => `Q: ${f.question}\nA: ${f.answer}`).join('\n\n'),
    read: (t, c) => (t.faq = readFaqCell(c)),
  },
  {
    key: 'concerns_fiscal_year',
    headers: ['対象年度'],
    write: e => e.concernsFiscalYear,
    writeJa: e => japaneseName(CONCERNS_NAMES, e.concernsFiscalYear),
    read: (t, c) => (t.concernsFiscalYear = CONCERNS_NAMES[c] ?? c),
  },
  {
    key: 'council_session',
    headers: ['定例会'],
    write: e => (e.councilSession ? String(e.councilSession) : ''),
    read: (t, c) => (t.councilSession = /^\d+$/.test(c) ? Number(c) : c),
  },
  {
    key: 'timing',
    headers: ['時期'],
    write: e => formatTimingNotation(e.timing),
    read: (t, c) => (t.timing = parseTimingNotation(c)),
  },
  {
    key: 'status',
    headers: ['状態'],
    write: e => e.status,
    writeJa: e => japaneseName(STATUS_NAMES, e.status),
    read: (t, c) => (t.status = STATUS_NAMES[c] ?? c),
  },
  {
    key: 'publish_at',
    headers: ['公開日'],
    write: e => e.publishAt ?? '',
    read: (t, c) => (t.publishAt = c),
  },
  {
    key: 'reminder_days_before',
    headers: ['リマインド日数'],
    write: e =>
      e.reminderDaysBefore === undefined ? '' : String(e.reminderDaysBefore),
    read: (t, c) => (t.reminderDaysBefore = /^\d+$/.test(c) ? Number(c) : c),
  },
];

/**
 * A column the export writes for people and the import passes over: the owning
 * department's name, beside its reference (`担当課`), which is what is imported.
 *
 * @public
 */
export const OWNER_NAME_COLUMN = {
  key: 'owner_name',
  headers: ['担当課名', '担当課の名前'],
} as const;

const READ_ONLY_HEADERS = new Set(
  [OWNER_NAME_COLUMN.key, ...OWNER_NAME_COLUMN.headers].map(h =>
    h.toLocaleLowerCase('ja-JP'),
  ),
);

/**
 * Entries as a table for a CSV file: the header row and one row per entry, in the
 * export's column order. `ja` names the columns and codes in Japanese and adds the
 * owner's name (from `ownerNames`) after its reference; `keys` writes the column keys
 * and codes, as scripts expect. Both import back unchanged.
 *
 * @public
 */
export function entriesTable(
  entries: EntryFields[],
  options: {
    style: 'ja' | 'keys';
    ownerNames?: ReadonlyMap<string, string>;
  },
): string[][] {
  const ja = options.style === 'ja';
  const header: string[] = [];
  for (const column of ENTRY_COLUMNS) {
    header.push(ja ? column.headers[0] : column.key);
    if (ja && column.key === 'owner') header.push(OWNER_NAME_COLUMN.headers[0]);
  }
  const rows = entries.map(entry => {
    const row: string[] = [];
    for (const column of ENTRY_COLUMNS) {
      row.push(
        ja && column.writeJa ? column.writeJa(entry) : column.write(entry),
      );
      if (ja && column.key === 'owner') {
        row.push(options.ownerNames?.get(entry.owner) ?? '');
      }
    }
    return row;
  });
  return [header, ...rows];
}

const byHeader = new Map<string, Column>();
for (const column of ENTRY_COLUMNS) {
  for (const header of [column.key, ...column.headers]) {
    byHeader.set(header.trim().toLocaleLowerCase('ja-JP'), column);
  }
}

/**
 * The column a header names, if any.
 *
 * @public
 */
export function columnForHeader(header: string): string | undefined {
  return byHeader.get(
    header
      .replace(/^\uFEFF/, '')
      .trim()
      .toLocaleLowerCase('ja-JP'),
  )?.key;
}

/**
 * One entry as a row of cells keyed by column.
 *
 * @public
 */
export function entryToRow(entry: EntryFields): Record<string, string> {
  return Object.fromEntries(ENTRY_COLUMNS.map(c => [c.key, c.write(entry)]));
}

/**
 * Reads a row (keyed by whatever headers the file had) into a raw entry object, for
 * the shared schema to check. Empty cells are left out, so defaults apply.
 *
 * @public
 */
export function rowToRawEntry(row: Record<string, string>): {
  raw: Record<string, unknown>;
  errors: CellError[];
} {
  const raw: Record<string, any> = {};
  const errors: CellError[] = [];
  for (const [header, value] of Object.entries(row)) {
    const key = columnForHeader(header);
    const column = ENTRY_COLUMNS.find(c => c.key === key);
    if (!column) {
      const readOnly = READ_ONLY_HEADERS.has(
        header
          .replace(/^\uFEFF/, '')
          .trim()
          .toLocaleLowerCase('ja-JP'),
      );
      if (value?.trim() && !readOnly)
        errors.push({ column: header, message: 'unknown column' });
      continue;
    }
    const cell = (value ?? '').trim();
    if (!cell) continue;
    try {
      column.read(raw, cell);
    } catch (error) {
      errors.push({ column: column.key, message: (error as Error).message });
    }
  }
  return { raw, errors };
}

/**
 * The column a schema error path points at, e.g. `['title','ja']` → `title_ja`.
 *
 * @public
 */
export function columnForPath(path: Array<string | number>): string {
  const [field, sub] = path;
  if (typeof field !== 'string') return '';
  if (
    ['title', 'summary', 'purpose', 'whatHappens', 'forNewStaff'].includes(
      field,
    )
  ) {
    return `${snake(field)}_${sub === 'en' ? 'en' : 'ja'}`;
  }
  return snake(field);
}
