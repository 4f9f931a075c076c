import type {
  Course,
  CourseView,
  Entry,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { callAs, describeOnEachDatabase, entryBody } from '../__testUtils__';

const NEW_HIRE_COURSE = 'shinki-saiyo-shiyakusho-no-ichinen';
const CHAIN_COURSE = 'yosan-kessan-no-tsunagari';

const courseBody = (slug: string, steps: string[]) => ({
  slug,
  title: { ja: '新任課長研修：議会対応', en: 'New section heads: the council' },
  audience: { ja: '新任課長' },
  steps: steps.map(entry => ({ entry, note: { ja: `${entry}を読む理由` } })),
});

describeOnEachDatabase(
  'courses API',
  {
    seed: true,
  },
  ctx => {
    const rows = () => ctx.knex('city_hall_year_curricula').orderBy('slug');

    it('ships the new-hire course, the budget and settlement chain and the second-posting council course', async () => {
      const res = await callAs(ctx, 'newHire').get('/courses');
      expect(res.status).toBe(200);
      expect(res.body.items.map((c: Course) => c.slug).sort()).toEqual([
        'nikashome-gikai-no-ichinen',
        NEW_HIRE_COURSE,
        CHAIN_COURSE,
      ]);
    });

    it('answers at its first address, /curricula, as at /courses', async () => {
      const get = (path: string) => callAs(ctx, 'newHire').get(`${path}`);
      for (const path of ['', `/${CHAIN_COURSE}?fy=2026`]) {
        const [current, alias] = await Promise.all([
          get(`/courses${path}`),
          get(`/curricula${path}`),
        ]);
        expect(alias.status).toBe(200);
        expect(alias.body).toEqual(current.body);
      }
      const usedIn = await callAs(ctx, 'newHire').get(
        '/entries/shutsuno-heisa/curricula',
      );
      expect(usedIn.body.items.map((c: Course) => c.slug)).toContain(
        CHAIN_COURSE,
      );
      // Writes keep their rules under the alias: not HR, not allowed.
      const refused = await callAs(ctx, 'newHire')
        .post('/curricula')
        .send(courseBody(`alias-${process.pid}`, ['shutsuno-heisa']));
      expect(refused.status).toBe(403);
    });

    it('resolves each step to the linked entry for a pinned fiscal year', async () => {
      const res = await callAs(ctx, 'newHire').get(
        `/courses/${CHAIN_COURSE}?fy=2026`,
      );
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

      const next = await callAs(ctx, 'newHire').get(
        `/courses/${CHAIN_COURSE}?fy=2027`,
      );
      expect(
        next.body.steps.find((s: any) => s.entrySlug === 'shutsuno-heisa').entry
          .occurrences[0].start,
      ).toBe('2027-05-31');
    });

    it('lets an HR editor create a course whose permalink opens step 1', async () => {
      const res = await callAs(ctx, 'hr')
        .post('/courses')
        .send(
          courseBody('kacho-gikai', ['daihyo-shitsugi', 'tobensho-sakusei']),
        );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        slug: 'kacho-gikai',
        version: 1,
        createdBy: 'user:default/sato.hanako',
      });

      const view = await callAs(ctx, 'finance').get('/courses/kacho-gikai');
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
          callAs(ctx, person)
            .post('/courses')
            .send(
              courseBody(`not-hr-${person.toLowerCase()}`, ['shutsuno-heisa']),
            ),
          callAs(ctx, person)
            .put(`/courses/${NEW_HIRE_COURSE}`)
            .send({
              ...courseBody(NEW_HIRE_COURSE, ['shutsuno-heisa']),
              version: current.version,
            }),
          callAs(ctx, person)
            .delete(`/courses/${NEW_HIRE_COURSE}`)
            .send({ version: current.version }),
        ];
        for (const res of await Promise.all(attempts)) {
          expect(res.status).toBe(403);
        }
        expect(await rows()).toEqual(before);
      },
    );

    it('refuses without a token (401)', async () => {
      const res = await callAs(ctx).get('/courses');
      expect(res.status).toBe(401);
    });

    it('edits with the version it was based on; a stale version gets 409', async () => {
      await callAs(ctx, 'hr')
        .post('/courses')
        .send(courseBody('versioned', ['shutsuno-heisa']))
        .expect(201);
      const first = await callAs(ctx, 'hr')
        .put('/courses/versioned')
        .send({
          ...courseBody('versioned', ['shutsuno-heisa', 'kessan-nintei']),
          version: 1,
        });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await callAs(ctx, 'hr')
        .put('/courses/versioned')
        .send({ ...courseBody('versioned', ['kessan-nintei']), version: 1 });
      expect(stale.status).toBe(409);
      const row = (await rows()).find(r => r.slug === 'versioned');
      expect(JSON.parse(row.data).steps).toHaveLength(2);

      const gone = await callAs(ctx, 'hr')
        .delete('/courses/versioned')
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
        const res = await callAs(ctx, 'hr').post('/courses').send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(message);
        expect(await rows()).toEqual(before);
      },
    );

    it('lists the courses an entry is used in', async () => {
      const res = await callAs(ctx, 'newHire').get(
        '/entries/shutsuno-heisa/courses',
      );
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
        await callAs(ctx, 'finance')
          .post('/entries')
          .send(entryBody('group:default/zaisei-ka', { status: 'draft' }))
      ).body;
      await callAs(ctx, 'hr')
        .post('/courses')
        .send(courseBody('with-draft', ['shutsuno-heisa', draft.slug]))
        .expect(201);
      const forNewHire = await callAs(ctx, 'newHire').get(
        '/courses/with-draft',
      );
      expect(forNewHire.body.steps[1]).toEqual({
        position: 2,
        entrySlug: draft.slug,
        note: expect.anything(),
      });
      const forOwner = await callAs(ctx, 'finance').get('/courses/with-draft');
      expect(forOwner.body.steps[1].entry.slug).toBe(draft.slug);
    });
  },
);
