import type { Entity } from '@backstage/catalog-model';
import {
  resolveFiscalYear,
  type CourseProgress,
  type CourseProgressSummary,
  type MyCourseProgress,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DateTime } from 'luxon';
import {
  callAs,
  describeOnEachDatabase,
  exampleOrganisation,
  PEOPLE,
  snapshotDatabase,
} from '../__testUtils__';

const COURSE = 'shinki-saiyo-shiyakusho-no-ichinen';
const CHAIN_COURSE = 'yosan-kessan-no-tsunagari';
const TEAM = 'group:default/progress-team';
const thisYear = resolveFiscalYear(new Date());

/**
 * Three learners of one team, who all joined this fiscal year, and one more in
 * 市民協働課 beside 木村 葵: a department with two learners.
 */
function learners(): Entity[] {
  const user = (name: string, group: string, hiredOn?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      namespace: 'default',
      ...(hiredOn
        ? { annotations: { 'city-hall-year/hired-on': hiredOn } }
        : {}),
    },
    spec: { profile: { displayName: name }, memberOf: [group] },
  });
  const joined = DateTime.fromObject({
    year: thisYear,
    month: 4,
    day: 1,
  }).toISODate()!;
  return [
    ...exampleOrganisation(),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'progress-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    user('learner.one', 'progress-team', joined),
    user('learner.two', 'progress-team', joined),
    user('learner.three', 'progress-team', joined),
    user('second.hire', 'shimin-kyodo-ka'),
  ];
}

describeOnEachDatabase(
  'course progress',
  {
    seed: true,
    entities: learners(),
    config: {
      progress: {
        audiences: [
          {
            id: 'new-hires',
            title: { ja: '今年度の新規採用職員', en: "This year's new hires" },
            annotation: 'city-hall-year/hired-on',
            dateInFiscalYear: true,
          },
          {
            id: 'team',
            title: { ja: '進捗チーム' },
            group: TEAM,
          },
        ],
      },
    },
  },
  ctx => {
    const mark = (
      who: Parameters<typeof callAs>[1],
      step: number | string,
      done: unknown = true,
      course = COURSE,
    ) =>
      callAs(ctx, who)
        .put(`/courses/${course}/progress/${step}`)
        .send({ done });
    const summary = async (query = '') => {
      const res = await callAs(ctx, 'hr').get(
        `/courses/${COURSE}/progress/summary${query}`,
      );
      expect(res.status).toBe(200);
      return res.body as CourseProgressSummary;
    };

    it('marks the steps a learner finished and says where to continue', async () => {
      const who = 'user:default/learner.solo' as const;
      const before = await callAs(ctx, who).get(`/courses/${COURSE}/progress`);
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        course: COURSE,
        steps: 10,
        done: [],
        finished: false,
        next: { position: 1, entrySlug: 'teiki-jinji-ido' },
      });
      for (const step of [1, 2, 3, 4]) {
        expect((await mark(who, step)).status).toBe(200);
      }
      const res = await callAs(ctx, who).get(`/curricula/${COURSE}/progress`);
      const progress = res.body as CourseProgress;
      expect(progress.done.map(d => d.position)).toEqual([1, 2, 3, 4]);
      expect(progress.next).toEqual({
        position: 5,
        entrySlug: 'shutsuno-heisa',
        title: expect.objectContaining({ ja: '出納閉鎖' }),
      });
      expect(progress.startedAt).toBe(progress.done[0].doneAt);

      // Marking a done step again keeps when it was first done.
      const again = await mark(who, 1);
      expect(again.body.done[0].doneAt).toBe(progress.done[0].doneAt);

      // Taking a mark back: step 2 is where to continue.
      const undone = await mark(who, 2, false);
      expect(undone.status).toBe(200);
      expect(
        undone.body.done.map((d: { position: number }) => d.position),
      ).toEqual([1, 3, 4]);
      expect(undone.body.next.position).toBe(2);

      // The list of the learner's courses offers the one they are following.
      const mine = await callAs(ctx, who).get('/course-progress');
      expect(mine.status).toBe(200);
      expect((mine.body as MyCourseProgress).items).toEqual([
        expect.objectContaining({ course: COURSE, next: expect.anything() }),
      ]);
      // Nobody else sees it as theirs.
      const other = await callAs(ctx, 'finance').get('/course-progress');
      expect(other.body).toEqual({ items: [] });
    });

    it('follows a step when HR reorders the course and drops one taken out', async () => {
      const who = 'user:default/learner.reorder' as const;
      await mark(who, 1, true, CHAIN_COURSE);
      const course = (await callAs(ctx, 'hr').get(`/courses/${CHAIN_COURSE}`))
        .body.course;
      const first = course.steps[0].entry;
      const { id, createdAt, createdBy, updatedAt, updatedBy, ...fields } =
        course;
      const reversed = await callAs(ctx, 'hr')
        .put(`/courses/${CHAIN_COURSE}`)
        .send({ ...fields, steps: [...course.steps].reverse() });
      expect(reversed.status).toBe(200);
      const after = await callAs(ctx, who).get(
        `/courses/${CHAIN_COURSE}/progress`,
      );
      expect(after.body.done).toEqual([
        expect.objectContaining({
          position: course.steps.length,
          entrySlug: first,
        }),
      ]);
      expect(after.body.next.position).toBe(1);

      // Without that step, nothing done; with it back, the mark is back too.
      const without = await callAs(ctx, 'hr')
        .put(`/courses/${CHAIN_COURSE}`)
        .send({
          ...fields,
          version: reversed.body.version,
          steps: course.steps.slice(1),
        });
      expect(without.status).toBe(200);
      const none = await callAs(ctx, who).get(
        `/courses/${CHAIN_COURSE}/progress`,
      );
      expect(none.body.done).toEqual([]);
      const restored = await callAs(ctx, 'hr')
        .put(`/courses/${CHAIN_COURSE}`)
        .send({ ...fields, version: without.body.version });
      expect(restored.status).toBe(200);
      const back = await callAs(ctx, who).get(
        `/courses/${CHAIN_COURSE}/progress`,
      );
      expect(
        back.body.done.map((d: { position: number }) => d.position),
      ).toEqual([1]);
    });

    it('refuses bad input with a 400 or 404 naming it, and changes nothing', async () => {
      await mark('user:default/learner.bad', 1);
      const before = await snapshotDatabase(ctx.knex);
      const cases: Array<[unknown, number | string, number, RegExp]> = [
        [true, 0, 400, /step: must be a step number/],
        [true, 'two', 400, /step: must be a step number/],
        [true, 61, 400, /step: a course has at most 60 steps/],
        [true, 11, 404, /has no step 11 \(it has 10\)/],
        ['yes', 1, 400, /done: done must be true or false/],
        [null, 1, 400, /done: done must be true or false/],
      ];
      for (const [done, step, status, message] of cases) {
        const res = await mark('user:default/learner.bad', step, done);
        expect([step, done, res.status]).toEqual([step, done, status]);
        expect(res.body.error.message).toMatch(message);
      }
      const missing = await callAs(ctx, 'user:default/learner.bad')
        .put(`/courses/${COURSE}/progress/1`)
        .send({});
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toMatch(/done: done is required/);
      const extra = await callAs(ctx, 'user:default/learner.bad')
        .put(`/courses/${COURSE}/progress/1`)
        .send({ done: false, user: PEOPLE.finance.ref });
      expect(extra.status).toBe(400);
      expect(extra.body.error.message).toMatch(/user/);
      const noCourse = await mark('user:default/learner.bad', 1, true, 'nai');
      expect(noCourse.status).toBe(404);
      expect(noCourse.body.error.message).toMatch(/No course 'nai'/);
      expect(await snapshotDatabase(ctx.knex)).toEqual(before);
    });

    it('is the learner’s own: signed out is refused and a service has none', async () => {
      expect(
        (
          await callAs(ctx)
            .put(`/courses/${COURSE}/progress/1`)
            .send({ done: true })
        ).status,
      ).toBe(401);
      expect(
        (await callAs(ctx).get(`/courses/${COURSE}/progress`)).status,
      ).toBe(401);
      expect((await callAs(ctx).get('/course-progress')).status).toBe(401);
    });

    it('shows HR a cohort by step, department and audience, hiding groups under three', async () => {
      // 木村 葵 and a colleague in 市民協働課; three of one team.
      for (const step of [1, 2, 3, 4]) {
        await mark('newHire', step);
      }
      await mark('user:default/second.hire', 1);
      for (const who of ['one', 'two', 'three'] as const) {
        const ref = `user:default/learner.${who}` as const;
        for (let step = 1; step <= 10; step++) {
          if (who === 'three' && step > 2) break;
          await mark(ref, step);
        }
      }
      const s = await summary();
      expect(s.fiscalYear).toBe(thisYear);
      expect(s.minGroupSize).toBe(3);
      // Everyone of this year, the earlier tests' learners too.
      const cohort = s.learners.map(l => l.user);
      expect(cohort).toEqual(
        expect.arrayContaining([
          PEOPLE.newHire.ref,
          'user:default/second.hire',
          'user:default/learner.one',
        ]),
      );
      expect(s.total.started).toBe(s.learners.length);
      expect(s.total.finished).toBe(2);
      expect(s.learners.find(l => l.user === PEOPLE.newHire.ref)).toMatchObject(
        {
          done: 4,
          finished: false,
          departments: ['group:default/shimin-kyodo-ka'],
        },
      );
      expect(s.bySteps[3]).toMatchObject({
        position: 4,
        entrySlug: 'jinji-hyoka-mokuhyo',
      });
      expect(s.bySteps[9].done).toBe(2);

      // The team of three is shown; 市民協働課 with two learners is not.
      expect(s.departments).toContainEqual({
        group: TEAM,
        started: 3,
        finished: 2,
      });
      expect(s.departments.map(d => d.group)).not.toContain(
        'group:default/shimin-kyodo-ka',
      );
      expect(s.hiddenDepartments).toBeGreaterThanOrEqual(1);
      // 木村 葵 joined in FY2026: a new hire in that year only.
      const kimura = resolveFiscalYear('2026-04-01') === thisYear ? 1 : 0;
      expect(s.audiences).toEqual([
        {
          id: 'new-hires',
          title: { ja: '今年度の新規採用職員', en: "This year's new hires" },
          counts: { started: 3 + kimura, finished: 2 },
        },
        {
          id: 'team',
          title: { ja: '進捗チーム' },
          counts: { started: 3, finished: 2 },
        },
      ]);
    });

    it('counts the steps the cohort is still unclear about, from モヤモヤ', async () => {
      const before = await summary();
      const step = (s: CourseProgressSummary) =>
        s.bySteps.find(b => b.entrySlug === 'joken-tsuki-saiyo')!;
      for (const who of ['one', 'two'] as const) {
        const res = await callAs(ctx, `user:default/learner.${who}`)
          .put('/entries/joken-tsuki-saiyo/clarity')
          .send({ clear: false, reasons: ['terms'] });
        expect(res.status).toBe(200);
      }
      // Someone outside the course's learners does not count.
      await callAs(ctx, 'finance')
        .put('/entries/joken-tsuki-saiyo/clarity')
        .send({ clear: false, reasons: ['terms'] });
      const after = await summary();
      expect(step(after).unclear).toBe((step(before).unclear ?? 0) + 2);
    });

    it('counts a cohort by the fiscal year it started in, and is HR’s alone', async () => {
      const last = await summary(`?fiscalYear=${thisYear - 1}`);
      expect(last.total).toEqual({ started: 0, finished: 0 });
      expect(last.learners).toEqual([]);
      // A cohort under three shows no step's unclear count at all.
      expect(last.bySteps.every(b => b.unclear === undefined)).toBe(true);
      expect(last.audiences.every(a => a.counts === undefined)).toBe(true);

      for (const person of ['finance', 'newHire', 'review'] as const) {
        const res = await callAs(ctx, person).get(
          `/courses/${COURSE}/progress/summary`,
        );
        expect([person, res.status]).toEqual([person, 403]);
      }
      const bad = await callAs(ctx, 'hr').get(
        `/courses/${COURSE}/progress/summary?fiscalYear=1900`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/fiscalYear/);
    });

    it('goes with its course', async () => {
      const slug = `progress-course-${process.pid}`;
      const created = await callAs(ctx, 'hr')
        .post('/courses')
        .send({
          slug,
          title: { ja: '消える研修' },
          audience: { ja: '全職員' },
          steps: [{ entry: 'shutsuno-heisa' }],
        });
      expect(created.status).toBe(201);
      await mark('newHire', 1, true, slug);
      expect(
        await ctx
          .knex('city_hall_year_course_progress')
          .where({ course_id: created.body.id }),
      ).toHaveLength(1);
      const removed = await callAs(ctx, 'hr')
        .delete(`/courses/${slug}`)
        .send({ version: created.body.version });
      expect(removed.status).toBe(204);
      expect(
        await ctx
          .knex('city_hall_year_course_progress')
          .where({ course_id: created.body.id }),
      ).toHaveLength(0);
    });
  },
);
