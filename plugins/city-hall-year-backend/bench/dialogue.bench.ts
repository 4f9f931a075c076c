/*
 * Benchmark of the dialogue and the "still unclear" signal beside the year view, in one
 * run on SQLite through the real plugin and permission backend: the questions of an
 * entry with 500 questions and 2,000 answers, and the HR overview of the index over
 * 50,000 answers (computed in SQL). Prints figures only; asserts nothing about speed.
 * Run: yarn workspace @city-hall-year/backstage-plugin-city-hall-year-backend bench dialogue
 */
import { randomUUID } from 'node:crypto';
import {
  as,
  createTestDatabases,
  startCityHallYearBackend,
} from '../src/__testUtils__';
import { measure, printFigures } from './httpTimings';

jest.setTimeout(900_000);

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 500);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 2000);
const CLARITY = Number(process.env.BENCH_CLARITY ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 5);

/** Inserts rows in batches small enough for SQLite's bound-parameter limit. */
async function insertAll(
  knex: Awaited<ReturnType<typeof startCityHallYearBackend>>['knex'],
  table: string,
  rows: object[],
) {
  for (let i = 0; i < rows.length; i += 50) {
    await knex(table).insert(rows.slice(i, i + 50));
  }
}

describe('benchmark', () => {
  const databases = createTestDatabases();

  it(`the questions of an entry (${QUESTIONS} questions, ${ANSWERS} answers) and the index over ${CLARITY} answers`, async () => {
    const { server, knex } = await startCityHallYearBackend(
      databases,
      'SQLITE_3',
      { seed: true, config: { dialogue: { postsPerMinute: 1_000_000 } } },
    );
    const entries: Array<{ id: string; slug: string }> = await knex(
      'city_hall_year_entries',
    ).select('id', 'slug');
    const target = entries.find(e => e.slug === 'shutsuno-heisa')!;
    const at = (i: number) =>
      new Date(Date.parse('2026-05-01T00:00:00Z') + i * 60_000).toISOString();
    const stamps = (i: number, actor: string) => ({
      version: 1,
      created_at: at(i),
      updated_by: actor,
      updated_at: at(i),
      deleted_by: null,
      deleted_at: null,
    });

    const questions = Array.from({ length: QUESTIONS }, (_, i) => {
      const asker = `user:default/bench-asker-${i % 97}`;
      return {
        id: randomUUID(),
        entry_id: target.id,
        title: `出納整理期間についての質問 ${i}`,
        body: '前年度の支払いがいつまでできるのか教えてください。'.repeat(3),
        asked_by: asker,
        anonymous: i % 3 === 0,
        resolved_answer_id: null,
        resolved_by: null,
        resolved_at: null,
        ...stamps(i, asker),
      };
    });
    await insertAll(knex, 'city_hall_year_questions', questions);
    await insertAll(
      knex,
      'city_hall_year_answers',
      Array.from({ length: ANSWERS }, (_, i) => ({
        id: randomUUID(),
        question_id: questions[i % QUESTIONS].id,
        kind: i % 4 === 0 ? 'comment' : 'answer',
        body: '5月31日までです（地方自治法第235条の5）。'.repeat(4),
        author: 'user:default/nakamura.emi',
        ...stamps(QUESTIONS + i, 'user:default/nakamura.emi'),
      })),
    );

    // Readers answer each entry; every fourth answer is later changed.
    const readers = Math.ceil(CLARITY / entries.length / 1.25);
    const clarity: object[] = [];
    for (const [e, entry] of entries.entries()) {
      for (let r = 0; r < readers && clarity.length < CLARITY; r++) {
        const user = `user:default/bench-reader-${r}`;
        const first = at((e * readers + r) % 300_000);
        const changed = r % 4 === 0;
        const later = at(((e * readers + r) % 300_000) + 200_000);
        const row = (
          clear: boolean,
          answered: string,
          superseded: string | null,
        ) => ({
          entry_id: entry.id,
          user_ref: user,
          fiscal_year: 2026,
          clear,
          reasons: clear ? '[]' : '["terms","timing"]',
          comment: null,
          answered_at: answered,
          superseded_at: superseded,
        });
        clarity.push(row(r % 2 === 0, first, changed ? later : null));
        if (changed && clarity.length < CLARITY) {
          clarity.push(row(true, later, null));
        }
      }
    }
    await insertAll(knex, 'city_hall_year_clarity', clarity);

    const options = { requests: REQUESTS, concurrency: CONCURRENCY };
    const routes: Array<[string, string, string]> = [
      [
        'GET /entries/shutsuno-heisa/questions (first page, 20)',
        '/entries/shutsuno-heisa/questions',
        as('accounting'),
      ],
      [
        'GET /entries/shutsuno-heisa/questions (largest page, 100, from the 400th)',
        '/entries/shutsuno-heisa/questions?limit=100&offset=400',
        as('accounting'),
      ],
      [
        'GET /entries/shutsuno-heisa/questions?status=open',
        '/entries/shutsuno-heisa/questions?status=open',
        as('accounting'),
      ],
      ['GET /clarity (HR, every entry)', '/clarity?fiscalYear=2026', as('hr')],
      [
        'GET /entries/shutsuno-heisa/clarity',
        '/entries/shutsuno-heisa/clarity?fiscalYear=2026',
        as('accounting'),
      ],
      ['GET /years/2026', '/years/2026', as('newHire')],
    ];
    for (const [title, path, auth] of routes) {
      printFigures(`${title} (SQLite, permission checks on)`, {
        questions: QUESTIONS,
        answers: ANSWERS,
        'clarity answers': clarity.length,
        concurrency: CONCURRENCY,
        ...(await measure(server, `/api/city-hall-year${path}`, auth, options)),
      });
    }
  });
});
