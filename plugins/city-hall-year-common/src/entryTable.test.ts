import {
  columnForHeader,
  columnForPath,
  entriesTable,
  entryToRow,
  rowToRawEntry,
} from './entryTable';
import { entryInputSchema } from './schema';
import { exampleEntry } from './__testUtils__/exampleEntry';

const entry = exampleEntry();

describe('entry table', () => {
  it('round-trips an entry through a row without loss', () => {
    const { raw, errors } = rowToRawEntry(entryToRow(entry));
    expect(errors).toEqual([]);
    expect(entryInputSchema.parse(raw)).toEqual(entry);
  });

  it('reads a spreadsheet with Japanese headers and values', () => {
    const { raw, errors } = rowToRawEntry({
      '\uFEFFスラッグ': 'shutsuno-heisa',
      分類: '決算',
      名称: '出納閉鎖',
      概要: '締め切ります。',
      何のために: '確定させるためです。',
      内容: '締め切ります。',
      新規職員へ: '確認しましょう。',
      根拠法令: '地方自治法　第235条の5',
      担当課: 'group:default/kaikei-ka',
      対象年度: '前年度',
      時期: '5月31日',
      状態: '公開',
      タグ: '決算、出納',
    });
    expect(errors).toEqual([]);
    expect(entryInputSchema.parse(raw)).toMatchObject({
      cycle: 'settlement',
      concernsFiscalYear: 'previous',
      status: 'published',
      legalBasis: [{ law: '地方自治法', article: '第235条の5' }],
      tags: ['決算', '出納'],
      timing: { rules: [{ kind: 'date', on: { month: 5, day: 31 } }] },
    });
  });

  it('writes who takes part (参加者) one a line, by Japanese names for people, and reads them back', () => {
    const [header, row] = entriesTable([entry], { style: 'ja' });
    const cell = row[header.indexOf('参加者')];
    expect(cell).toBe(
      [
        '各課 — 各課では：支払を締め切ります。 [en] Each section: closes its payments.',
        '全職員',
        'group:default/zaisei-ka — 財政課は：決算の見込みを立てます。',
      ].join('\n'),
    );
    const keys = entriesTable([entry], { style: 'keys' });
    expect(keys[1][keys[0].indexOf('participants')]).toMatch(/^sections — /);
    const { raw, errors } = rowToRawEntry(
      Object.fromEntries(header.map((h, i) => [h, row[i]])),
    );
    expect(errors).toEqual([]);
    expect(entryInputSchema.parse(raw).participants).toEqual(
      entry.participants,
    );
    // A bare Group name reads as a Group; an unknown role is the schema's to refuse.
    const read = rowToRawEntry({
      ...entryToRow(entry),
      参加者: '係長級\nzaisei-ka',
    });
    expect(entryInputSchema.parse(read.raw).participants).toEqual([
      { role: 'unitChiefs' },
      { group: 'group:default/zaisei-ka' },
    ]);
  });

  it('reports unknown columns and unreadable cells by column', () => {
    const { errors } = rowToRawEntry({
      slug: 'x',
      色: '赤',
      timing: '来年の春',
    });
    expect(errors.map(e => e.column)).toEqual(['色', 'timing']);
  });

  it.each([
    ['名称', 'title_ja'],
    ['TITLE_JA', 'title_ja'],
    ['何のために', 'purpose_ja'],
    ['担当課', 'owner'],
    ['時期', 'timing'],
  ])('maps the header %s to %s', (header, key) => {
    expect(columnForHeader(header)).toBe(key);
  });

  it.each([
    [['title', 'ja'], 'title_ja'],
    [['forNewStaff', 'en'], 'for_new_staff_en'],
    [['legalBasis', 0, 'law'], 'legal_basis'],
    [['timing', 'rules', 0], 'timing'],
  ])('maps the schema path %j to the column %s', (path, column) => {
    expect(columnForPath(path as Array<string | number>)).toBe(column);
  });
});
