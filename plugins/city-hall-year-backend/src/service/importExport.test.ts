import type { ImportReport } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import Papa from 'papaparse';
import {
  as,
  callAs,
  describeOnEachDatabase,
  type Person,
} from '../__testUtils__';

const JAPANESE_CSV = [
  '\uFEFFスラッグ,分類,名称,名称（英語）,概要,何のために,内容,新規職員へ,根拠法令,担当課,対象年度,時期,状態,タグ',
  'zaisei-test-shiryo,予算,予算資料の点検,Checking budget papers,予算資料を点検します。,"要求の根拠を確かめ、説明できる予算にするためです。",資料を点検します。,点検表を使いましょう。,地方自治法 第211条,group:default/zaisei-ka,翌年度,10月中旬〜11月上旬,公開,予算、点検',
  'zaisei-test-yotei,予算,予定表の共有,,予定表を共有します。,"締切を全庁で揃えるためです。",予定表を送ります。,締切を手帳に書きましょう。,,group:default/zaisei-ka,当年度,9月第1月曜日,下書き,',
].join('\r\n');

describeOnEachDatabase(
  'import and export',
  {
    seed: true,
  },
  ctx => {
    const snapshot = async () =>
      await ctx
        .knex('city_hall_year_entries')
        .select('slug', 'version', 'data', 'deleted_at')
        .orderBy('slug');

    function importFile(
      person: Person | undefined,
      format: string,
      content: string,
      dryRun: boolean,
    ) {
      const req = callAs(ctx)
        .post(`/import?format=${format}&dryRun=${dryRun}`)
        .set(
          'Content-Type',
          format === 'csv' ? 'text/csv' : 'application/yaml',
        );
      if (person) req.set('Authorization', as(person));
      return req.send(content);
    }

    it.each([
      ['yaml', ''],
      ['csv', ''],
      ['csv', '&headers=keys'],
    ])(
      'exports the whole content as %s%s and imports it back with no changes',
      async (format, options) => {
        const exported = await callAs(ctx, 'hr').get(
          `/export?format=${format}${options}`,
        );
        expect(exported.status).toBe(200);
        expect(exported.headers['content-disposition']).toContain(
          `city-hall-year-entries.${format}`,
        );
        const before = await snapshot();

        const dryRun = await importFile('hr', format, exported.text, true);
        expect(dryRun.status).toBe(200);
        const report = dryRun.body as ImportReport;
        expect(report.summary).toEqual({
          create: 0,
          update: 0,
          unchanged: before.length,
          error: 0,
        });

        const applied = await importFile('hr', format, exported.text, false);
        expect(applied.status).toBe(200);
        expect(applied.body.applied).toBe(true);
        expect(await snapshot()).toEqual(before);
      },
    );

    /**
     * The export read by an independent CSV parser (Papa Parse) as a spreadsheet
     * reads it: any line break outside quotes ends a row, LF as well as CRLF.
     */
    const parsed = (text: string) => {
      expect(text.startsWith('\uFEFF')).toBe(true);
      const result = Papa.parse<string[]>(text.slice(1), {
        newline: '\n',
        skipEmptyLines: false,
      });
      expect(result.errors).toEqual([]);
      const rows = result.data
        // CRLF read as LF: the CR stays at the end of the row's last field.
        .map(r =>
          r.map((cell, i) =>
            i === r.length - 1 ? cell.replace(/\r$/, '') : cell,
          ),
        )
        // The file ends with a record delimiter: the last "row" is empty.
        .filter(r => !(r.length === 1 && r[0] === ''));
      return { header: rows[0], rows: rows.slice(1) };
    };

    it('writes a CSV that a spreadsheet reads as one row per entry, in Japanese with names', async () => {
      const exported = await callAs(ctx, 'hr').get('/export?format=csv');
      expect(exported.status).toBe(200);
      const entries = (
        await callAs(ctx, 'hr').get('/entries?status=published,draft&limit=200')
      ).body.totalCount as number;
      const { header, rows } = parsed(exported.text);
      expect(rows).toHaveLength(entries);
      expect(rows.every(r => r.length === header.length)).toBe(true);
      // Japanese headers, and the owner's name beside its reference.
      expect(header.slice(0, 3)).toEqual(['スラッグ', 'サイクル', '名称']);
      const at = (name: string) => header.indexOf(name);
      const heisa = rows.find(r => r[0] === 'shutsuno-heisa')!;
      expect(heisa[at('サイクル')]).toBe('決算');
      expect(heisa[at('担当課')]).toBe('group:default/kaikei-ka');
      expect(heisa[at('担当課名')]).toBe('会計課');
      expect(heisa[at('状態')]).toBe('公開');
      // A multi-line field is one field: the lines of 何が行われるか.
      expect(heisa[at('内容')].split('\n').length).toBeGreaterThan(1);
      // The same with the column keys, for scripts.
      const keys = parsed(
        (await callAs(ctx, 'hr').get('/export?format=csv&headers=keys')).text,
      );
      expect(keys.rows).toHaveLength(entries);
      expect(keys.header).toContain('what_happens_ja');
      expect(keys.header).not.toContain('owner_name');
      expect(keys.rows.find(r => r[0] === 'shutsuno-heisa')![1]).toBe(
        'settlement',
      );
    });

    it("exports one department's entries, or one cycle's", async () => {
      const accounting = parsed(
        (
          await callAs(ctx, 'accounting').get(
            `/export?format=csv&owner=${encodeURIComponent(
              'group:default/kaikei-ka',
            )}`,
          )
        ).text,
      );
      const owner = accounting.header.indexOf('担当課');
      expect(accounting.rows.length).toBeGreaterThan(2);
      expect(
        accounting.rows.every(r => r[owner] === 'group:default/kaikei-ka'),
      ).toBe(true);
      const council = parsed(
        (
          await callAs(ctx, 'accounting').get(
            '/export?format=csv&cycle=council',
          )
        ).text,
      );
      const cycle = council.header.indexOf('サイクル');
      expect(council.rows.length).toBeGreaterThan(2);
      expect(council.rows.every(r => r[cycle] === '議会')).toBe(true);
    });

    it('imports a spreadsheet with Japanese headers and a BOM: dry run first, then all rows', async () => {
      const before = await snapshot();
      const dryRun = await importFile('finance', 'csv', JAPANESE_CSV, true);
      expect(dryRun.status).toBe(200);
      expect(
        dryRun.body.rows.map(
          (r: { row: number; slug: string; action: string }) => [
            r.row,
            r.slug,
            r.action,
          ],
        ),
      ).toEqual([
        [2, 'zaisei-test-shiryo', 'create'],
        [3, 'zaisei-test-yotei', 'create'],
      ]);
      expect(await snapshot()).toEqual(before);

      const applied = await importFile('finance', 'csv', JAPANESE_CSV, false);
      expect(applied.status).toBe(200);
      expect(applied.body.applied).toBe(true);
      const created = await callAs(ctx, 'newHire').get(
        '/entries/zaisei-test-shiryo',
      );
      expect(created.body).toMatchObject({
        cycle: 'budget',
        concernsFiscalYear: 'next',
        createdBy: 'user:default/yamada.taro',
        tags: ['予算', '点検'],
        timing: {
          rules: [
            {
              kind: 'months',
              from: { month: 10, part: 'middle' },
              to: { month: 11, part: 'early' },
            },
          ],
        },
      });
      const history = await callAs(ctx, 'finance').get(
        '/entries/zaisei-test-shiryo/revisions',
      );
      expect(history.body.items[0]).toMatchObject({
        revision: 1,
        action: 'import',
      });

      const again = await importFile(
        'finance',
        'csv',
        JAPANESE_CSV.replace(
          '予算資料を点検します。',
          '予算資料を二重に点検します。',
        ),
        true,
      );
      expect(again.body.rows[0]).toMatchObject({
        action: 'update',
        changedFields: ['summary'],
      });
      expect(again.body.rows[1]).toMatchObject({ action: 'unchanged' });
    });

    it('reports every error by row and column, and a failing apply changes nothing', async () => {
      const broken = [
        'slug,cycle,title_ja,summary_ja,purpose_ja,what_happens_ja,for_new_staff_ja,owner,timing,links',
        'ok-row-in-broken-file,budget,題名,概要,目的,内容,新人へ,group:default/zaisei-ka,5月31日,',
        'Bad Slug,festival,,概要,目的,内容,新人へ,group:default/zaisei-ka,来年の春,',
        'bad-link,budget,題名,概要,目的,内容,新人へ,group:default/no-such-group,6月,悪い <javascript:alert(1)>',
      ].join('\n');
      const before = await snapshot();
      const dryRun = await importFile('finance', 'csv', broken, true);
      expect(dryRun.status).toBe(200);
      const rows = dryRun.body.rows as ImportReport['rows'];
      expect(rows[0]).toMatchObject({ row: 2, action: 'create', errors: [] });
      expect(rows[1].action).toBe('error');
      expect(rows[1].errors.map(e => e.column).sort()).toEqual(
        ['cycle', 'slug', 'timing', 'title_ja'].sort(),
      );
      expect(rows[2].errors.map(e => e.column)).toEqual(['links']);

      const applied = await importFile('finance', 'csv', broken, false);
      expect(applied.status).toBe(400);
      expect(applied.body.error.message).toMatch(
        /2 of 3 rows have errors; nothing was imported/,
      );
      expect(applied.body.report.applied).toBe(false);
      expect(await snapshot()).toEqual(before);
    });

    it('obeys the same permissions as edits', async () => {
      const exported = await callAs(ctx, 'finance').get(
        '/export?format=yaml&cycle=council',
      );
      const tampered = exported.text.replace(
        /summary:\n {4}ja: .*/,
        'summary:\n    ja: 財政課が書き換えた概要',
      );
      const before = await snapshot();
      const res = await importFile('finance', 'yaml', tampered, false);
      expect(res.status).toBe(400);
      expect(
        res.body.report.rows.find(
          (r: { action: string }) => r.action === 'error',
        ).errors[0],
      ).toMatchObject({
        column: 'owner',
        message: expect.stringMatching(/you may not change/),
      });
      expect(await snapshot()).toEqual(before);

      const foreign = `- slug: foreign-step\n  cycle: council\n  title: { ja: 題名 }\n  summary: { ja: 概要 }\n  purpose: { ja: 目的 }\n  whatHappens: { ja: 内容 }\n  forNewStaff: { ja: 新人へ }\n  owner: group:default/giji-ka\n  timing: { rules: [{ kind: date, on: { month: 6, day: 1 } }] }\n`;
      const refused = await importFile('finance', 'yaml', foreign, true);
      expect(refused.body.rows[0].errors[0]).toMatchObject({
        column: 'owner',
        message: expect.stringMatching(/may not create/),
      });
    });

    it('refuses without a token, and refuses a malformed request', async () => {
      expect(
        (await importFile(undefined, 'csv', JAPANESE_CSV, true)).status,
      ).toBe(401);
      expect(
        (await importFile('finance', 'xlsx', JAPANESE_CSV, true)).status,
      ).toBe(400);
      expect((await importFile('finance', 'csv', '', true)).status).toBe(400);
      const yamlError = await importFile(
        'finance',
        'yaml',
        '- slug: [unclosed',
        true,
      );
      expect(yamlError.status).toBe(200);
      expect(yamlError.body.rows[0].errors[0].message).toMatch(/YAML/);
      expect(
        (await callAs(ctx, 'finance').get('/export?format=pdf')).status,
      ).toBe(400);
    });
  },
);
