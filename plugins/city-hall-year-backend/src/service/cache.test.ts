import type {
  Entry,
  YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  callAs,
  createTestDatabases,
  putBody,
  startCityHallYearBackend,
} from '../__testUtils__';

describe('cached answers', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())(
    'with two backends, each with its own cache, on one %p database',
    databaseId => {
      let first: Awaited<ReturnType<typeof startCityHallYearBackend>>;
      let second: Awaited<ReturnType<typeof startCityHallYearBackend>>;

      beforeAll(async () => {
        first = await startCityHallYearBackend(databases, databaseId, {
          seed: true,
        });
        second = await startCityHallYearBackend(databases, databaseId, {
          knex: first.knex,
        });
      });

      const year = async (
        backend: typeof first,
        person: 'newHire' | 'finance' = 'newHire',
      ): Promise<YearView> =>
        (await callAs(backend, person).get('/years/2026').expect(200)).body;

      const title = (view: YearView, slug: string) =>
        view.occurrences.find(o => o.slug === slug)?.title.ja;

      it('answers a conditional request by its entity tag: lists, weak tags and * too', async () => {
        const get = (headers: Record<string, string>) => {
          const req = callAs(first, 'newHire').get('/years/2026');
          for (const [name, value] of Object.entries(headers)) {
            req.set(name, value);
          }
          return req;
        };
        const plain = await get({ 'Accept-Encoding': 'identity' }).expect(200);
        const etag = plain.headers.etag;
        expect(etag).toMatch(/^"[^"]+"$/);
        for (const ifNoneMatch of [
          etag,
          `W/${etag}`,
          `"something-else", ${etag}`,
          '*',
        ]) {
          const res = await get({
            'Accept-Encoding': 'identity',
            'If-None-Match': ifNoneMatch,
          });
          expect([ifNoneMatch, res.status, res.text]).toEqual([
            ifNoneMatch,
            304,
            '',
          ]);
        }
        const other = await get({
          'Accept-Encoding': 'identity',
          'If-None-Match': '"something-else"',
        });
        expect(other.status).toBe(200);
        // The gzip representation has its own tag: the plain one does not match it.
        const gzipped = await get({
          'Accept-Encoding': 'gzip',
          'If-None-Match': etag,
        });
        expect(gzipped.status).toBe(200);
        expect(gzipped.headers.etag).not.toBe(etag);
        expect(gzipped.headers['content-encoding']).toBe('gzip');
      });

      it('says in Server-Timing where each answer came from: made afresh after a write, then from the process', async () => {
        const source = async (backend: typeof first) => {
          const res = await callAs(backend, 'newHire')
            .get('/years/2026')
            .expect(200);
          return res.headers['server-timing'];
        };
        const entry: Entry = (
          await callAs(first, 'accounting').get('/entries/shutsuno-heisa')
        ).body;
        await callAs(first, 'accounting')
          .put(`/entries/${entry.id}`)
          .send(putBody(entry, { summary: { ja: entry.summary.ja } }))
          .expect(200);
        expect(await source(second)).toMatch(
          /^answer;desc="computed";dur=\d+(\.\d)?$/,
        );
        expect(await source(second)).toMatch(/^answer;desc="local";dur=/);
        // Each replica has its own cache here: the other one makes it too.
        expect(await source(first)).toMatch(/^answer;desc="computed";dur=/);
      });

      it('serves an edit made on one replica from the other at once', async () => {
        // Both replicas have the year cached.
        expect(title(await year(first), 'shutsuno-heisa')).toBe('出納閉鎖');
        expect(title(await year(second), 'shutsuno-heisa')).toBe('出納閉鎖');
        expect(await year(second)).toEqual(await year(second));

        const entry: Entry = (
          await callAs(first, 'accounting').get('/entries/shutsuno-heisa')
        ).body;
        await callAs(first, 'accounting')
          .put(`/entries/${entry.id}`)
          .send(putBody(entry, { title: { ja: '出納閉鎖（改）' } }))
          .expect(200);

        expect(title(await year(second), 'shutsuno-heisa')).toBe(
          '出納閉鎖（改）',
        );
        expect(title(await year(first), 'shutsuno-heisa')).toBe(
          '出納閉鎖（改）',
        );
      });

      it('keeps what each reader may see apart: an owner’s draft never reaches another reader’s cached year', async () => {
        await year(second, 'newHire');
        const draft = await callAs(first, 'finance')
          .post('/entries')
          .send({
            slug: 'cached-draft',
            cycle: 'budget',
            title: { ja: '下書きの手続' },
            summary: { ja: '下書き' },
            purpose: { ja: '試験' },
            whatHappens: { ja: '試験' },
            forNewStaff: { ja: '試験' },
            owner: 'group:default/zaisei-ka',
            timing: {
              rules: [{ kind: 'months', from: { month: 6 }, to: { month: 6 } }],
            },
            status: 'draft',
          })
          .expect(201);
        // Drafts are not in the year view at all; publishing it shows it to everyone.
        await callAs(first, 'finance')
          .put(`/entries/${draft.body.id}`)
          .send(putBody(draft.body, { status: 'published' }))
          .expect(200);
        expect(title(await year(second, 'newHire'), 'cached-draft')).toBe(
          '下書きの手続',
        );
        await callAs(second, 'finance')
          .delete(`/entries/${draft.body.id}`)
          .send({ version: draft.body.version + 1 })
          .expect(200);
        expect(
          title(await year(first, 'newHire'), 'cached-draft'),
        ).toBeUndefined();
      });

      it('refreshes a calendar feed after a course changes', async () => {
        const token = (
          await callAs(first, 'hr')
            .post('/feed-tokens')
            .send({ label: 'cache' })
        ).body.token;
        const feed = async (backend: typeof first) =>
          (
            await callAs(backend).get(
              `/feeds/calendar.ics?token=${token}&fy=2026&course=yosan-kessan-no-tsunagari`,
            )
          ).text;
        const before = await feed(second);
        expect(before).toContain('出納閉鎖');
        const course = (
          await callAs(first, 'hr').get('/courses/yosan-kessan-no-tsunagari')
        ).body.course;
        const {
          id,
          version,
          createdAt,
          createdBy,
          updatedAt,
          updatedBy,
          ...fields
        } = course;
        await callAs(first, 'hr')
          .put('/courses/yosan-kessan-no-tsunagari')
          .send({
            ...fields,
            steps: fields.steps.filter(
              (s: { entry: string }) => s.entry !== 'shutsuno-heisa',
            ),
            version,
          })
          .expect(200);
        const after = await feed(second);
        expect(after).not.toContain('SUMMARY:出納閉鎖');
      });
    },
  );
});
