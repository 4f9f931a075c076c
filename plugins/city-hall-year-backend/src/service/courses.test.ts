import type {
  Course,
  CourseView,
  Entry,
} from '@internal/plugin-city-hall-year-common';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  as,
  entryBody,
  startCityHallYearBackend,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const API = '/api/city-hall-year';
const NEW_HIRE_COURSE = 'shinki-saiyo-shiyakusho-no-ichinen';
const CHAIN_COURSE = 'yosan-kessan-no-tsunagari';

const courseBody = (slug: string, steps: string[]) => ({
  slug,
  title: { ja: '新任課長研修：議会対応', en: 'New section heads: the council' },
  audience: { ja: '新任課長' },
  steps: steps.map(entry => ({ entry, note: { ja: `${entry}を読む理由` } })),
});

describe('courses API', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let ctx: Awaited<ReturnType<typeof startCityHallYearBackend>>;

    beforeAll(async () => {
      ctx = await startCityHallYearBackend(databases, databaseId, {
        seed: true,
      });
    });

    const rows = () => ctx.knex('city_hall_year_curricula').orderBy('slug');

    it('ships the new-hire course and the budget and settlement chain', async () => {
      const res = await request(ctx.server)
        .get(`${API}/courses`)
        .set('Authorization', as('newHire'));
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: Course) => c.slug).sort()).toEqual([
        NEW_HIRE_COURSE,
        CHAIN_COURSE,
      ]);
    });

    it('answers at its first address, /curricula, as at /courses', async () => {
      const get = (path: string) =>
        request(ctx.server)
          .get(`${API}${path}`)
          .set('Authorization', as('newHire'));
      for (const path of ['', `/${CHAIN_COURSE}?fy=2026`]) {
        const [current, alias] = await Promise.all([
          get(`/courses${path}`),
          get(`/curricula${path}`),
        ]);
        expect(alias.status).toBe(200);
        expect(alias.body).toEqual(current.body);
      }
      const usedIn = await request(ctx.server)
        .get(`${API}/entries/shutsuno-heisa/curricula`)
        .set('Authorization', as('newHire'));
      expect(usedIn.body.items.map((c: Course) => c.slug)).toContain(
        CHAIN_COURSE,
      );
      // Writes keep their rules under the alias: not HR, not allowed.
      const refused = await request(ctx.server)
        .post(`${API}/curricula`)
        .set('Authorization', as('newHire'))
        .send(courseBody(`alias-${process.pid}`, ['shutsuno-heisa']));
      expect(refused.status).toBe(403);
    });

    it('resolves each step to the linked entry for a pinned fiscal year', async () => {
      const res = await request(ctx.server)
        .get(`${API}/courses/${CHAIN_COURSE}?fy=2026`)
        .set('Authorization', as('newHire'));
      expect(res.status).toBe(200);
      const view: CourseView = res.body;
      expect(view.fiscalYear).toBe(2026);
      expect(view.steps[0]).toMatchObject({
        position: 1,
        entrySlug: 'yosan-hensei-hoshin',
        entry: { slug: 'yosan-hensei-hoshin', cycle: 'budget' },
      });
      const closing = view.steps.find(s => s.entrySlug === 'shutsuno-heisa')!;
      expect(closing.entry!.occurrences).toEqual([
        expect.objectContaining({ start: '2026-05-31', end: '2026-05-31' }),
      ]);
      // The course links the entry: its text is the entry's own, not a copy.
      const stored = JSON.parse(
        (await rows()).find(r => r.slug === CHAIN_COURSE).data,
      );
      for (const step of stored.steps) {
        expect(Object.keys(step).sort()).toEqual(
          step.note ? ['entry', 'note'] : ['entry'],
        );
      }
      expect(JSON.stringify(stored)).not.toContain(closing.entry!.summary.ja);

      const next = await request(ctx.server)
        .get(`${API}/courses/${CHAIN_COURSE}?fy=2027`)
        .set('Authorization', as('newHire'));
      expect(
        next.body.steps.find((s: any) => s.entrySlug === 'shutsuno-heisa').entry
          .occurrences[0].start,
      ).toBe('2027-05-31');
    });

    it('lets an HR editor create a course whose permalink opens step 1', async () => {
      const res = await request(ctx.server)
        .post(`${API}/courses`)
        .set('Authorization', as('hr'))
        .send(
          courseBody('kacho-gikai', ['daihyo-shitsugi', 'tobensho-sakusei']),
        );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        slug: 'kacho-gikai',
        version: 1,
        createdBy: 'user:default/sato.hanako',
      });

      const view = await request(ctx.server)
        .get(`${API}/courses/kacho-gikai`)
        .set('Authorization', as('finance'));
      expect(view.body.steps[0]).toMatchObject({
        position: 1,
        entry: { slug: 'daihyo-shitsugi' },
        note: { ja: 'daihyo-shitsugiを読む理由' },
      });
      expect(ctx.auditor.events).toContainEqual(
        expect.objectContaining({
          eventId: 'course-create',
          outcome: 'success',
        }),
      );
    });

    it.each(['finance', 'council', 'newHire', 'bureau'] as const)(
      'refuses %s every change to a course (403) and keeps it as it was',
      async person => {
        const before = await rows();
        const current = before.find(r => r.slug === NEW_HIRE_COURSE);
        const attempts = [
          request(ctx.server)
            .post(`${API}/courses`)
            .set('Authorization', as(person))
            .send(
              courseBody(`not-hr-${person.toLowerCase()}`, ['shutsuno-heisa']),
            ),
          request(ctx.server)
            .put(`${API}/courses/${NEW_HIRE_COURSE}`)
            .set('Authorization', as(person))
            .send({
              ...courseBody(NEW_HIRE_COURSE, ['shutsuno-heisa']),
              version: current.version,
            }),
          request(ctx.server)
            .delete(`${API}/courses/${NEW_HIRE_COURSE}`)
            .set('Authorization', as(person))
            .send({ version: current.version }),
        ];
        for (const res of await Promise.all(attempts)) {
          expect(res.status).toBe(403);
        }
        expect(await rows()).toEqual(before);
      },
    );

    it('refuses without a token (401)', async () => {
      const res = await request(ctx.server).get(`${API}/courses`);
      expect(res.status).toBe(401);
    });

    it('edits with the version it was based on; a stale version gets 409', async () => {
      await request(ctx.server)
        .post(`${API}/courses`)
        .set('Authorization', as('hr'))
        .send(courseBody('versioned', ['shutsuno-heisa']))
        .expect(201);
      const first = await request(ctx.server)
        .put(`${API}/courses/versioned`)
        .set('Authorization', as('hr'))
        .send({
          ...courseBody('versioned', ['shutsuno-heisa', 'kessan-nintei']),
          version: 1,
        });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await request(ctx.server)
        .put(`${API}/courses/versioned`)
        .set('Authorization', as('hr'))
        .send({ ...courseBody('versioned', ['kessan-nintei']), version: 1 });
      expect(stale.status).toBe(409);
      const row = (await rows()).find(r => r.slug === 'versioned');
      expect(JSON.parse(row.data).steps).toHaveLength(2);

      const gone = await request(ctx.server)
        .delete(`${API}/courses/versioned`)
        .set('Authorization', as('hr'))
        .send({ version: 2 });
      expect(gone.status).toBe(204);
      expect((await rows()).map(r => r.slug)).not.toContain('versioned');
    });

    it.each([
      [
        'an unknown entry',
        { ...courseBody('bad-1', ['no-such-entry']) },
        /steps\.0\.entry/,
      ],
      [
        'the same entry twice',
        courseBody('bad-2', ['shutsuno-heisa', 'shutsuno-heisa']),
        /steps\.1\.entry/,
      ],
      ['no steps', { ...courseBody('bad-3', []), steps: [] }, /steps/],
      [
        'an unknown field',
        { ...courseBody('bad-4', ['shutsuno-heisa']), owner: 'x' },
        /owner/,
      ],
      ['a bad slug', courseBody('Bad Slug', ['shutsuno-heisa']), /slug/],
    ])(
      'refuses %s with 400 and writes nothing',
      async (_name, body, message) => {
        const before = await rows();
        const res = await request(ctx.server)
          .post(`${API}/courses`)
          .set('Authorization', as('hr'))
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect(await rows()).toEqual(before);
      },
    );

    it('lists the courses an entry is used in', async () => {
      const res = await request(ctx.server)
        .get(`${API}/entries/shutsuno-heisa/courses`)
        .set('Authorization', as('newHire'));
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ slug: NEW_HIRE_COURSE, position: 5 }),
          expect.objectContaining({ slug: CHAIN_COURSE, position: 8 }),
        ]),
      );
    });

    it('keeps a step whose entry the reader may not read, without its content', async () => {
      const draft: Entry = (
        await request(ctx.server)
          .post(`${API}/entries`)
          .set('Authorization', as('finance'))
          .send(entryBody('group:default/zaisei-ka', { status: 'draft' }))
      ).body;
      await request(ctx.server)
        .post(`${API}/courses`)
        .set('Authorization', as('hr'))
        .send(courseBody('with-draft', ['shutsuno-heisa', draft.slug]))
        .expect(201);
      const forNewHire = await request(ctx.server)
        .get(`${API}/courses/with-draft`)
        .set('Authorization', as('newHire'));
      expect(forNewHire.body.steps[1]).toEqual({
        position: 2,
        entrySlug: draft.slug,
        note: expect.anything(),
      });
      const forOwner = await request(ctx.server)
        .get(`${API}/courses/with-draft`)
        .set('Authorization', as('finance'));
      expect(forOwner.body.steps[1].entry.slug).toBe(draft.slug);
    });
  });
});
