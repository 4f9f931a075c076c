import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type {
  Course,
  Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type request from 'supertest';
import {
  ACCOUNTING,
  callAs,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  putBody,
  snapshotDatabase,
} from '../__testUtils__';

/**
 * Abuse: the boundary values on which the databases differ, sent to every database.
 * The fuzz runs on SQLite only; these cases were found by running it on PostgreSQL.
 *
 * Each case is two tests: whatever the answer, a request not answered 2xx writes
 * nothing; and the answer is never 5xx and is the same on every database. (NUL
 * characters and versions beyond 32 bits were once answered 500 by PostgreSQL alone;
 * they are refused with 400 everywhere now.)
 */

const NUL = 'a\u0000b';

const tally = { requests: 0, serverErrors: 0, unchangedChecks: 0 };

const databaseIds = new Set<TestDatabaseId>();

afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(
    `abuse: database boundaries — ${tally.requests} requests on ${databaseIds.size} database(s), ${tally.serverErrors} answered 5xx, database unchanged after all ${tally.unchangedChecks} answers that were not 2xx`,
  );
});

describeOnEachDatabase(
  'abuse: database boundaries',
  { seed: true },
  (ctx, databaseId) => {
    databaseIds.add(databaseId);

    const hr = (method: 'post' | 'put' | 'delete', path: string) =>
      callAs(ctx, 'hr')[method](path);

    async function freshEntry(): Promise<Entry> {
      const res = await hr('post', '/entries').send(entryBody(FINANCE));
      expect(res.status).toBe(201);
      return res.body;
    }

    let courses = 0;
    const courseBody = (slug: string, title = '境界値の研修') => ({
      slug,
      title: { ja: title },
      audience: { ja: '試験' },
      steps: [{ entry: 'yosan-yokyu' }],
    });
    async function freshCourse(): Promise<Course> {
      courses += 1;
      const res = await hr('post', '/courses').send(
        courseBody(`abuse-boundary-${process.pid}-${courses}`),
      );
      expect(res.status).toBe(201);
      return res.body;
    }

    const csvWithTitle = (slug: string, title: string) =>
      [
        'slug,cycle,title_ja,summary_ja,purpose_ja,what_happens_ja,for_new_staff_ja,owner,timing,status',
        `${slug},budget,${title},概要,目的,内容,新人へ,${FINANCE},10月,公開`,
      ].join('\r\n');

    const cases: Array<{
      name: string;
      /** The answer, when the case has one; otherwise any non-5xx answer. */
      expected?: number;
      /** Fixtures, made before the database is snapshotted. */
      setup?: () => Promise<any>;
      send: (fixture: any) => Promise<request.Response>;
    }> = [
      {
        name: 'POST /entries with NUL in title.ja',
        expected: 400,
        send: async () =>
          hr('post', '/entries').send(
            entryBody(FINANCE, { title: { ja: NUL } }),
          ),
      },
      {
        name: 'POST /entries with NUL in summary.ja',
        expected: 400,
        send: async () =>
          hr('post', '/entries').send(
            entryBody(FINANCE, { summary: { ja: NUL } }),
          ),
      },
      {
        name: 'POST /entries with NUL in a tag',
        expected: 400,
        send: async () =>
          hr('post', '/entries').send(entryBody(FINANCE, { tags: [NUL] })),
      },
      {
        name: 'PUT /entries/:id with NUL in title.ja',
        expected: 400,
        setup: freshEntry,
        send: async (entry: Entry) => {
          return hr('put', `/entries/${entry.id}`).send(
            putBody(entry, { title: { ja: NUL } }),
          );
        },
      },
      {
        name: 'POST /feed-tokens with NUL in the label',
        expected: 400,
        send: async () => hr('post', '/feed-tokens').send({ label: NUL }),
      },
      {
        name: 'POST /courses with NUL in title.ja',
        expected: 400,
        send: async () => {
          courses += 1;
          return hr('post', '/courses').send(
            courseBody(`abuse-boundary-${process.pid}-${courses}`, NUL),
          );
        },
      },
      {
        // The dry run of the same file answers 200 with action "create".
        name: 'POST /import (CSV, applied) with NUL in a title',
        expected: 400,
        send: async () => {
          courses += 1;
          return hr('post', '/import?format=csv&dryRun=false')
            .set('Content-Type', 'text/csv')
            .send(csvWithTitle(`abuse-boundary-import-${courses}`, NUL));
        },
      },
      {
        // Overflows only in `version + 1`, which the store writes.
        name: 'PUT /courses/:slug with version 2147483647',
        expected: 400,
        setup: freshCourse,
        send: async (c: Course) => {
          return hr('put', `/courses/${c.slug}`).send({
            ...courseBody(c.slug),
            version: 2_147_483_647,
          });
        },
      },
      {
        name: 'PUT /courses/:slug with version 2147483648',
        expected: 400,
        setup: freshCourse,
        send: async (c: Course) => {
          return hr('put', `/courses/${c.slug}`).send({
            ...courseBody(c.slug),
            version: 2_147_483_648,
          });
        },
      },
      {
        name: 'PUT /courses/:slug with version 1e308',
        expected: 400,
        setup: freshCourse,
        send: async (c: Course) => {
          return hr('put', `/courses/${c.slug}`).send({
            ...courseBody(c.slug),
            version: 1e308,
          });
        },
      },
      {
        name: 'DELETE /courses/:slug with version 2147483648',
        expected: 400,
        setup: freshCourse,
        send: async (c: Course) => {
          return hr('delete', `/courses/${c.slug}`).send({
            version: 2_147_483_648,
          });
        },
      },
      {
        name: 'PUT /entries/:id with version 2147483648',
        expected: 400,
        setup: freshEntry,
        send: async (entry: Entry) => {
          return hr('put', `/entries/${entry.id}`).send(
            putBody(entry, {}, 2_147_483_648),
          );
        },
      },
      {
        name: 'POST /entries/:id/confirm with version 1e308',
        expected: 400,
        setup: freshEntry,
        send: async (entry: Entry) => {
          return hr('post', `/entries/${entry.id}/confirm`).send({
            version: 1e308,
          });
        },
      },
      {
        name: 'DELETE /entries/:id with version 9007199254740993',
        expected: 400,
        setup: freshEntry,
        send: async (entry: Entry) => {
          return hr('delete', `/entries/${entry.id}`)
            .set('Content-Type', 'application/json')
            .send('{"version": 9007199254740993}');
        },
      },
      {
        name: 'POST /handover with version 2147483648',
        expected: 400,
        setup: freshEntry,
        send: async (entry: Entry) => {
          return hr('post', '/handover').send({
            moves: [
              { entry: entry.id, version: 2_147_483_648, owner: ACCOUNTING },
            ],
          });
        },
      },
      {
        name: 'POST /entries with a lone surrogate in title.ja',
        expected: 201,
        send: async () =>
          hr('post', '/entries').send(
            entryBody(FINANCE, { title: { ja: 'a\uD800b' } }),
          ),
      },
    ];

    describe.each(cases.map(c => [c.name, c] as const))(
      '%s',
      (_name, { expected, setup, send }) => {
        it('writes nothing unless answered 2xx', async () => {
          const fixture = await setup?.();
          const before = await snapshotDatabase(ctx.knex);
          const res = await send(fixture);
          tally.requests += 1;
          const answered2xx = res.status < 300;
          if (!answered2xx) tally.unchangedChecks += 1;
          expect(
            answered2xx ? before : await snapshotDatabase(ctx.knex),
          ).toEqual(before);
        });

        /** Sends the case; checks the answer and a refusal's JSON; answers the status. */
        async function answer(): Promise<number> {
          const res = await send(await setup?.());
          tally.requests += 1;
          if (res.status >= 500) tally.serverErrors += 1;
          // The body is shown when the status is not the expected one.
          expect({ status: res.status, body: res.body }).toEqual({
            status: expected ?? res.status,
            body: expect.anything(),
          });
          expect(
            res.status >= 400 ? typeof res.body?.error?.message : 'string',
          ).toBe('string');
          return res.status;
        }
        it(`is never answered 5xx, and the same on every database`, async () => {
          expect(await answer()).toBeLessThan(500);
        });
      },
    );
  },
);
