import type { Entry, YearView } from '@internal/plugin-city-hall-year-common';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  as,
  putBody,
  startCityHallYearBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const API = '/api/city-hall-year';

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
        (
          await request(backend.server)
            .get(`${API}/years/2026`)
            .set('Authorization', as(person))
            .expect(200)
        ).body;

      const title = (view: YearView, slug: string) =>
        view.occurrences.find(o => o.slug === slug)?.title.ja;

      it('answers a conditional request by its entity tag: lists, weak tags and * too', async () => {
        const get = (headers: Record<string, string>) => {
          const req = request(first.server)
            .get(`${API}/years/2026`)
            .set('Authorization', as('newHire'));
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

      it('serves an edit made on one replica from the other at once', async () => {
        // Both replicas have the year cached.
        expect(title(await year(first), 'shutsuno-heisa')).toBe('出納閉鎖');
        expect(title(await year(second), 'shutsuno-heisa')).toBe('出納閉鎖');
        expect(await year(second)).toEqual(await year(second));

        const entry: Entry = (
          await request(first.server)
            .get(`${API}/entries/shutsuno-heisa`)
            .set('Authorization', as('accounting'))
        ).body;
        await request(first.server)
          .put(`${API}/entries/${entry.id}`)
          .set('Authorization', as('accounting'))
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
        const draft = await request(first.server)
          .post(`${API}/entries`)
          .set('Authorization', as('finance'))
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
        await request(first.server)
          .put(`${API}/entries/${draft.body.id}`)
          .set('Authorization', as('finance'))
          .send(putBody(draft.body, { status: 'published' }))
          .expect(200);
        expect(title(await year(second, 'newHire'), 'cached-draft')).toBe(
          '下書きの手続',
        );
        await request(second.server)
          .delete(`${API}/entries/${draft.body.id}`)
          .set('Authorization', as('finance'))
          .send({ version: draft.body.version + 1 })
          .expect(200);
        expect(
          title(await year(first, 'newHire'), 'cached-draft'),
        ).toBeUndefined();
      });

      it('refreshes a calendar feed after a course changes', async () => {
        const token = (
          await request(first.server)
            .post(`${API}/feed-tokens`)
            .set('Authorization', as('hr'))
            .send({ label: 'cache' })
        ).body.token;
        const feed = async (backend: typeof first) =>
          (
            await request(backend.server).get(
              `${API}/feeds/calendar.ics?token=${token}&fy=2026&course=yosan-kessan-no-tsunagari`,
            )
          ).text;
        const before = await feed(second);
        expect(before).toContain('出納閉鎖');
        const course = (
          await request(first.server)
            .get(`${API}/courses/yosan-kessan-no-tsunagari`)
            .set('Authorization', as('hr'))
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
        await request(first.server)
          .put(`${API}/courses/yosan-kessan-no-tsunagari`)
          .set('Authorization', as('hr'))
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
