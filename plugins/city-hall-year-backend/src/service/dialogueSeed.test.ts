import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  ClarityOverview,
  QuestionList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  callAs,
  describeOnEachDatabase,
  exampleOrganisation,
  startCityHallYearBackend,
} from '../__testUtils__';
import { loadStartingContent } from './contentSeed';
import { exampleClarityAnswers, loadExampleQuestions } from './dialogueSeed';

describe('the example dialogue', () => {
  it('asks on at least ten entries that exist, answered by their departments or HR', async () => {
    const questions = await loadExampleQuestions();
    const owners = new Map(
      (await loadStartingContent()).map(e => [e.slug, e.owner]),
    );
    const groupsOf = new Map(
      exampleOrganisation()
        .filter(e => e.kind === 'User')
        .map(u => [
          stringifyEntityRef(u),
          ((u.spec?.memberOf as string[]) ?? []).map(g => `group:default/${g}`),
        ]),
    );
    expect(new Set(questions.map(q => q.entry)).size).toBeGreaterThanOrEqual(
      10,
    );
    for (const q of questions) {
      expect([q.entry, owners.has(q.entry)]).toEqual([q.entry, true]);
      expect([q.asker, groupsOf.has(q.asker)]).toEqual([q.asker, true]);
      for (const a of q.answers) {
        const groups = groupsOf.get(a.author) ?? [];
        const mayAnswer =
          groups.includes(owners.get(q.entry)!) ||
          groups.includes('group:default/jinji-kenshu-kakari');
        expect([q.entry, a.author, mayAnswer]).toEqual([
          q.entry,
          a.author,
          true,
        ]);
      }
    }
  });

  it.each([
    ['in December', '2026-12-01T03:00:00Z', '2026-03-31T15:00:00.000Z'],
    ['on 1 April', '2027-03-31T15:00:30Z', '2027-03-31T15:00:00.000Z'],
  ])(
    'spreads the モヤモヤ answers over the fiscal year so far (%s)',
    (_when, now, start) => {
      const answers = exampleClarityAnswers(['a', 'b'], new Date(now));
      expect(answers.length).toBeGreaterThan(16);
      expect(
        answers.every(a => a.at >= start && a.at <= now.replace('Z', '.000Z')),
      ).toBe(true);
      // The same examples for every new database.
      expect(exampleClarityAnswers(['a', 'b'], new Date(now))).toEqual(answers);
      const first = new Map<string, boolean>();
      for (const a of answers) {
        const key = `${a.entry}|${a.reader}`;
        if (!first.has(key)) first.set(key, a.clear);
      }
      const unclear = [...first.values()].filter(clear => !clear).length;
      expect(unclear / first.size).toBeGreaterThan(0.3);
      expect(unclear / first.size).toBeLessThan(0.8);
    },
  );
});

describeOnEachDatabase(
  'the example dialogue in a new database',
  { seed: true },
  (ctx, databaseId, databases) => {
    it('is there on first start, an anonymous asker unnamed, and loaded once', async () => {
      const list = (
        await callAs(ctx, 'accounting').get(
          '/entries/shutsuno-seiri-kikan/questions',
        )
      ).body as QuestionList;
      const example = list.items.find(q => q.title.includes('出納整理期間'))!;
      expect(example).toMatchObject({ anonymous: true, status: 'resolved' });
      expect(example.askedBy).toBeUndefined();
      expect(example.answers[0].author).toBe('user:default/nakamura.emi');

      const overview = (await callAs(ctx, 'hr').get('/clarity'))
        .body as ClarityOverview;
      expect(overview.items.length).toBeGreaterThanOrEqual(10);
      expect(overview.months.length).toBeGreaterThan(0);
      // The year's new staff among the example readers, more of them still unclear.
      const { everyone, newStaff } = overview.breakdown.audiences;
      expect(newStaff.counts.readers).toBeGreaterThan(0);
      expect(newStaff.counts.readers).toBeLessThan(everyone.counts.readers);
      expect(overview.breakdown.cycles.length).toBeGreaterThan(1);
      expect(overview.breakdown.courses.length).toBeGreaterThan(0);

      // A second replica on the same database loads nothing more.
      const second = await startCityHallYearBackend(databases, databaseId, {
        seed: true,
        knex: ctx.knex,
      });
      const count = async () =>
        Number(
          (await second.knex('city_hall_year_questions').count({ n: '*' }))[0]
            .n,
        );
      const before = await count();
      const again = (
        await callAs(second, 'accounting').get(
          '/entries/shutsuno-seiri-kikan/questions',
        )
      ).body as QuestionList;
      expect(again.items.map(q => q.id)).toEqual(list.items.map(q => q.id));
      expect(await count()).toBe(before);
    });
  },
);
