import type {
  ClarityInput,
  ClarityOverview,
  EntryClarity,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { fakeDateOnly } from '@city-hall-year/backstage-plugin-city-hall-year-common/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  callAs,
  describeOnEachDatabase,
  exampleOrganisation,
  type Person,
} from '../__testUtils__';

/** 決算審査, owned by 監査事務局, which has no example answers. */
const ENTRY = 'kessan-shinsa';
const AUDIT = 'group:default/kansa-jimukyoku';
const readers = Array.from(
  { length: 30 },
  (_, i) => `user:default/reader-${String(i + 1).padStart(2, '0')}` as const,
);

/**
 * The readers in the catalog: the first ten joined this April (new staff in 2026),
 * the eleventh a year before, the twelfth with a date that is not one.
 */
function hiredOn(i: number): Record<string, string> {
  const annotation = 'city-hall-year/hired-on';
  if (i < 10) return { [annotation]: '2026-04-01' };
  if (i === 10) return { [annotation]: '2025-04-01' };
  if (i === 11) return { [annotation]: 'いつか' };
  return {};
}
const readerEntities = readers.map(
  (ref, i): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      namespace: 'default',
      name: ref.slice('user:default/'.length),
      annotations: hiredOn(i),
    },
    spec: { memberOf: [] },
  }),
);

describeOnEachDatabase(
  'the "still unclear" signal',
  { seed: true, entities: [...exampleOrganisation(), ...readerEntities] },
  ctx => {
    afterEach(() => jest.useRealTimers());

    const answer = async (
      who: (typeof readers)[number] | Person,
      body: ClarityInput,
      at: string,
      entry = ENTRY,
    ) => {
      fakeDateOnly(at);
      const res = await callAs(ctx, who)
        .put(`/entries/${entry}/clarity`)
        .send(body);
      expect(res.status).toBe(200);
      return res.body as EntryClarity;
    };
    const stillUnclear: ClarityInput = {
      clear: false,
      reasons: ['terms', 'timing'],
      comment: '出納整理期間と出納閉鎖の違いがわかりません',
    };

    it('gives the exact index, counts and course over the months for 30 readers', async () => {
      // 15 April: 18 of 30 are still unclear.
      for (const [i, reader] of readers.entries()) {
        await answer(
          reader,
          i < 18 ? stillUnclear : { clear: true },
          `2026-04-15T0${i % 9}:00:00+09:00`,
        );
      }
      // 10 June: six of them understood after all.
      for (const reader of readers.slice(0, 6)) {
        await answer(reader, { clear: true }, '2026-06-10T10:00:00+09:00');
      }
      // 5 September: three more understood, two who had understood are lost again.
      for (const reader of readers.slice(6, 9)) {
        await answer(reader, { clear: true }, '2026-09-05T10:00:00+09:00');
      }
      for (const reader of readers.slice(28)) {
        await answer(
          reader,
          { clear: false, reasons: ['relevance'] },
          '2026-09-05T11:00:00+09:00',
        );
      }
      // Other years and other entries do not count.
      await answer(
        readers[29],
        { clear: true, fiscalYear: 2025 },
        '2026-09-05T12:00:00+09:00',
      );
      await answer(
        readers[0],
        stillUnclear,
        '2026-09-05T12:00:00+09:00',
        'yosan-hensei-hoshin',
      );

      fakeDateOnly('2026-10-20T12:00:00+09:00');
      const res = await callAs(ctx, 'newHire').get(`/entries/${ENTRY}/clarity`);
      expect(res.status).toBe(200);
      const view = res.body as EntryClarity;
      expect(view.fiscalYear).toBe(2026);
      expect(view.counts).toEqual({ readers: 30, unclear: 11 });
      expect(view.months).toEqual([
        { month: '2026-04', readers: 30, unclear: 18 },
        { month: '2026-05', readers: 30, unclear: 18 },
        { month: '2026-06', readers: 30, unclear: 12 },
        { month: '2026-07', readers: 30, unclear: 12 },
        { month: '2026-08', readers: 30, unclear: 12 },
        { month: '2026-09', readers: 30, unclear: 11 },
        { month: '2026-10', readers: 30, unclear: 11 },
      ]);
      // The reasons are the owners' and HR's to read, and name nobody.
      expect(view.reasons).toBeUndefined();
      expect(view.comments).toBeUndefined();

      // HR edits every entry, so it reads the reasons as the owners do.
      const forOwners = (
        await callAs(ctx, 'hr').get(`/entries/${ENTRY}/clarity`)
      ).body as EntryClarity;
      expect(forOwners.reasons).toEqual({
        terms: 9,
        timing: 9,
        relevance: 2,
        procedure: 0,
        other: 0,
      });
      expect(forOwners.comments).toHaveLength(9);
      expect(JSON.stringify(forOwners)).not.toContain('reader-');

      // Two questions on the entry, one of them settled.
      const questions: string[] = [];
      for (const title of [
        '決算審査では何を見ますか？',
        '意見書はいつ出ますか？',
      ]) {
        const asked = await callAs(ctx, 'newHire')
          .post(`/entries/${ENTRY}/questions`)
          .send({ title });
        expect(asked.status).toBe(201);
        questions.push(asked.body.id as string);
      }
      const answered = await callAs(ctx, 'hr')
        .post(`/questions/${questions[0]}/answers`)
        .send({ body: '計数の正確性と予算執行の適否です。' });
      const resolved = await callAs(ctx, 'newHire')
        .post(`/questions/${questions[0]}/resolve`)
        .send({ answerId: answered.body.id });
      expect(resolved.status).toBe(200);

      // The year's overview for 監査事務局: each entry by its slug, with its course.
      const overview = (
        await callAs(ctx, 'hr').get(
          `/clarity?owner=${encodeURIComponent(AUDIT)}&fiscalYear=2026`,
        )
      ).body as ClarityOverview;
      const item = overview.items.find(i => i.entrySlug === ENTRY)!;
      expect(item.counts).toEqual({ readers: 30, unclear: 11 });
      // Open questions stand beside the index, for the department to answer.
      expect(item.openQuestions).toBe(1);
      expect(item.months[2]).toEqual({
        month: '2026-06',
        readers: 30,
        unclear: 12,
      });
      expect(item.reasons?.relevance).toBe(2);
      expect(overview.items.every(i => i.owner === AUDIT)).toBe(true);
      expect(overview.items.map(i => i.entrySlug)).not.toContain(
        'yosan-hensei-hoshin',
      );

      // The same answers taken together as HR looks at them. The ten readers who
      // joined this April: all unclear in April, four in June, one from September.
      const { breakdown } = overview;
      expect(breakdown.audiences.everyone).toEqual({
        entries: 1,
        counts: { readers: 30, unclear: 11 },
        months: view.months,
      });
      expect(breakdown.audiences.newStaff.counts).toEqual({
        readers: 10,
        unclear: 1,
      });
      expect(
        breakdown.audiences.newStaff.months.map(m => [m.month, m.unclear]),
      ).toEqual([
        ['2026-04', 10],
        ['2026-05', 10],
        ['2026-06', 4],
        ['2026-07', 4],
        ['2026-08', 4],
        ['2026-09', 1],
        ['2026-10', 1],
      ]);
      expect(breakdown.owners).toEqual([
        { owner: AUDIT, ...breakdown.audiences.everyone },
      ]);
      expect(breakdown.cycles).toEqual([
        { cycle: 'settlement', ...breakdown.audiences.everyone },
      ]);
      // 決算審査 is a step of the course on budget and settlement, and of no other.
      expect(breakdown.courses).toEqual([
        {
          course: 'yosan-kessan-no-tsunagari',
          title: expect.objectContaining({ ja: expect.any(String) }),
          ...breakdown.audiences.everyone,
        },
      ]);

      // City-wide, the entry of 予算編成方針 adds its department, cycle and reader.
      const cityWide = (await callAs(ctx, 'hr').get('/clarity?fiscalYear=2026'))
        .body as ClarityOverview;
      const ours = cityWide.breakdown.owners.find(o => o.owner === AUDIT)!;
      expect(ours.counts).toEqual({ readers: 30, unclear: 11 });
      const finance = cityWide.breakdown.owners.find(
        o => o.owner === 'group:default/zaisei-ka',
      )!;
      expect(finance.counts.readers).toBeGreaterThanOrEqual(1);
      const total = cityWide.breakdown.audiences.everyone.counts;
      expect(total.readers).toBe(
        cityWide.items.reduce((n, i) => n + i.counts.readers, 0),
      );
    });

    it('keeps one current answer per person, which they can change', async () => {
      await answer(
        'finance',
        stillUnclear,
        '2026-05-01T10:00:00+09:00',
        'teiki-kansa',
      );
      const changed = await answer(
        'finance',
        { clear: true },
        '2026-05-02T10:00:00+09:00',
        'teiki-kansa',
      );
      expect(changed.mine).toMatchObject({ clear: true, reasons: [] });
      expect(changed.counts).toEqual({ readers: 1, unclear: 0 });
      expect(changed.months).toEqual([
        { month: '2026-04', readers: 0, unclear: 0 },
        { month: '2026-05', readers: 1, unclear: 0 },
      ]);
    });

    it('names the field of a bad answer and records nothing', async () => {
      fakeDateOnly('2026-05-03T10:00:00+09:00');
      const before = (
        await callAs(ctx, 'hr').get('/entries/teiki-kansa/clarity')
      ).body as EntryClarity;
      for (const [body, field] of [
        [{}, 'clear'],
        [{ clear: true, reasons: ['terms'] }, 'reasons'],
        [{ clear: false, reasons: ['boring'] }, 'reasons'],
        [{ clear: false, comment: 'あ'.repeat(1001) }, 'comment'],
        [{ clear: false, user: 'user:default/sato.hanako' }, 'user'],
        [{ clear: false, fiscalYear: 1900 }, 'fiscalYear'],
        [{ clear: true, fiscalYear: '2026' }, 'fiscalYear'],
      ] as const) {
        const res = await callAs(ctx, 'council')
          .put('/entries/teiki-kansa/clarity')
          .send(body);
        expect([field, res.status]).toEqual([field, 400]);
        expect(res.body.error.message).toContain(field);
      }
      const after = (
        await callAs(ctx, 'hr').get('/entries/teiki-kansa/clarity')
      ).body as EntryClarity;
      expect(after.counts).toEqual(before.counts);
      expect(
        (
          await callAs(ctx)
            .put('/entries/teiki-kansa/clarity')
            .send({ clear: true })
        ).status,
      ).toBe(401);
      expect(
        (
          await callAs(ctx, 'council')
            .put('/entries/none-such/clarity')
            .send({ clear: true })
        ).status,
      ).toBe(404);
    });
  },
);
