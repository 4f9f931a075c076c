import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  courseProgressReadPermission,
  PROGRESS_MIN_GROUP,
  resolveFiscalYear,
  type Course,
  type CourseProgress,
  type CourseProgressSummary,
  type Entry,
  type MyCourseProgress,
  type ProgressCounts,
  type ProgressLearner,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ClarityStore } from '../database/ClarityStore';
import type { CourseStore } from '../database/CourseStore';
import type { ProgressMark, ProgressStore } from '../database/ProgressStore';
import { audited } from './audited';
import type { CallContext } from './context';
import type { EntryAuthorizer } from './EntryAuthorizer';
import {
  matchesRule,
  type Audience,
  type PeopleDirectory,
  type Person,
} from './PeopleDirectory';
import type { YearService } from './YearService';

/**
 * Course progress (受講状況): each learner marks the steps they finished; they see
 * their own progress and where to continue, HR editors (who hold
 * `city-hall-year.course.progress.read`) see every learner of a fiscal year's cohort
 * and the counts by step, department and audience — groups smaller than
 * {@link PROGRESS_MIN_GROUP} are not shown.
 */
export class ProgressService {
  constructor(
    private readonly deps: {
      progress: ProgressStore;
      courses: Pick<CourseStore, 'getCourse' | 'listCourses'>;
      clarity: Pick<ClarityStore, 'unclearAmong'>;
      years: Pick<YearService, 'readableWithResolver'>;
      authorizer: EntryAuthorizer;
      auditor: AuditorService;
      people: Pick<PeopleDirectory, 'describe'>;
      audiences: Audience[];
      now?: () => Date;
    },
  ) {}

  /** Marks a step of a course done, or not done, for the caller. */
  async mark(
    slug: string,
    position: number,
    done: boolean,
    ctx: CallContext,
  ): Promise<CourseProgress> {
    const course = await this.course(slug);
    const step = course.steps[position - 1];
    if (!step) {
      throw new NotFoundError(
        `Course '${slug}' has no step ${position} (it has ${course.steps.length})`,
      );
    }
    const userRef = ctx.credentials.principal.userEntityRef;
    await audited(
      this.deps.auditor,
      {
        eventId: 'course-progress',
        ctx,
        severityLevel: 'low',
        meta: { course: slug, step: position, entrySlug: step.entry, done },
      },
      () =>
        this.deps.progress.mark(
          {
            courseId: course.id,
            userRef,
            entrySlug: step.entry,
            doneAt: this.now().toISOString(),
          },
          done,
        ),
    );
    return this.mine(slug, ctx);
  }

  /** The caller's progress through one course (nothing done yet is progress too). */
  async mine(slug: string, ctx: CallContext): Promise<CourseProgress> {
    const course = await this.course(slug);
    const userRef = ctx.credentials.principal.userEntityRef;
    const [marks, titles] = await Promise.all([
      this.deps.progress.ofUser(userRef, course.id),
      this.titles(ctx.credentials),
    ]);
    return progressOf(course, marks, titles);
  }

  /** The courses the caller started: unfinished first, the latest followed first. */
  async myCourses(ctx: CallContext): Promise<MyCourseProgress> {
    const userRef = ctx.credentials.principal.userEntityRef;
    const marks = await this.deps.progress.ofUser(userRef);
    if (marks.length === 0) return { items: [] };
    const [courses, titles] = await Promise.all([
      this.deps.courses.listCourses(),
      this.titles(ctx.credentials),
    ]);
    const items = courses
      .map(course =>
        progressOf(
          course,
          marks.filter(m => m.courseId === course.id),
          titles,
        ),
      )
      .filter(p => p.done.length > 0)
      .sort(
        (a, b) =>
          Number(a.finished) - Number(b.finished) ||
          (b.lastDoneAt ?? '').localeCompare(a.lastDoneAt ?? ''),
      );
    return { items };
  }

  /**
   * HR's summary of a course for the learners who started it in a fiscal year (the
   * current one by default).
   */
  async summary(
    slug: string,
    fiscalYear: number | undefined,
    ctx: CallContext,
  ): Promise<CourseProgressSummary> {
    await this.deps.authorizer.assertBasic(
      courseProgressReadPermission,
      ctx.credentials,
    );
    const course = await this.course(slug);
    const fy = fiscalYear ?? resolveFiscalYear(this.now());
    const [marks, readable] = await Promise.all([
      this.deps.progress.ofCourse(course.id),
      this.deps.years.readableWithResolver(ctx.credentials),
    ]);
    const entries = new Map(readable.entries.map(e => [e.slug, e]));
    const titles = new Map([...entries].map(([s, e]) => [s, e.title]));

    const byUser = new Map<string, ProgressMark[]>();
    for (const mark of marks) {
      const list = byUser.get(mark.userRef);
      if (list) list.push(mark);
      else byUser.set(mark.userRef, [mark]);
    }
    const cohort = [...byUser]
      .map(([user, own]) => ({ user, ...progressOf(course, own, titles) }))
      .filter(p => p.startedAt && resolveFiscalYear(p.startedAt) === fy);
    const people = await this.deps.people.describe(cohort.map(p => p.user));
    const personOf = (user: string): Person =>
      people.get(user) ?? { groups: [], annotations: {} };

    const counts = (group: typeof cohort): ProgressCounts => ({
      started: group.length,
      finished: group.filter(p => p.finished).length,
    });
    const shown = (group: typeof cohort) => group.length >= PROGRESS_MIN_GROUP;

    const departments = new Map<string, typeof cohort>();
    for (const learner of cohort) {
      for (const group of personOf(learner.user).groups) {
        const list = departments.get(group);
        if (list) list.push(learner);
        else departments.set(group, [learner]);
      }
    }
    const shownDepartments = [...departments]
      .filter(([, group]) => shown(group))
      .map(([group, learners]) => ({ group, ...counts(learners) }))
      .sort((a, b) => b.started - a.started || a.group.localeCompare(b.group));

    // Which steps the cohort is still unclear about: never for a cohort so small
    // that an anonymous answer would point at its author.
    const stepEntries = course.steps
      .map(s => entries.get(s.entry))
      .filter((e): e is Entry => e !== undefined);
    const unclear = shown(cohort)
      ? await this.deps.clarity.unclearAmong(
          fy,
          stepEntries.map(e => e.id),
          cohort.map(p => p.user),
        )
      : undefined;

    const learners: ProgressLearner[] = cohort
      .map(p => ({
        user: p.user,
        departments: personOf(p.user).groups,
        done: p.done.length,
        finished: p.finished,
        startedAt: p.startedAt!,
        lastDoneAt: p.lastDoneAt!,
      }))
      .sort(
        (a, b) =>
          b.lastDoneAt.localeCompare(a.lastDoneAt) ||
          a.user.localeCompare(b.user),
      );

    return {
      course: course.slug,
      title: course.title,
      fiscalYear: fy,
      steps: course.steps.length,
      minGroupSize: PROGRESS_MIN_GROUP,
      total: counts(cohort),
      bySteps: course.steps.map((step, i) => {
        const entry = entries.get(step.entry);
        return {
          position: i + 1,
          entrySlug: step.entry,
          ...(entry ? { title: entry.title } : {}),
          done: cohort.filter(p => p.done.some(d => d.entrySlug === step.entry))
            .length,
          ...(unclear
            ? { unclear: entry ? unclear.get(entry.id) ?? 0 : 0 }
            : {}),
        };
      }),
      departments: shownDepartments,
      hiddenDepartments: departments.size - shownDepartments.length,
      audiences: this.deps.audiences.map(audience => {
        const members = cohort.filter(p =>
          matchesRule(audience, personOf(p.user), fy),
        );
        return {
          id: audience.id,
          title: audience.title,
          ...(shown(members) ? { counts: counts(members) } : {}),
        };
      }),
      learners,
    };
  }

  private async course(slug: string): Promise<Course> {
    const course = await this.deps.courses.getCourse(slug);
    if (!course) {
      throw new NotFoundError(`No course '${slug}'`);
    }
    return course;
  }

  /** The titles of the entries the caller may read, by slug. */
  private async titles(credentials: BackstageCredentials) {
    const { entries } = await this.deps.years.readableWithResolver(credentials);
    return new Map(entries.map(e => [e.slug, e.title]));
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** A learner's marks read against a course's steps as they are now. */
export function progressOf(
  course: Course,
  marks: ProgressMark[],
  titles: Map<string, Entry['title']>,
): CourseProgress {
  const doneAt = new Map(marks.map(m => [m.entrySlug, m.doneAt]));
  const done = course.steps.flatMap((step, i) => {
    const at = doneAt.get(step.entry);
    return at ? [{ position: i + 1, entrySlug: step.entry, doneAt: at }] : [];
  });
  const times = done.map(d => d.doneAt).sort();
  const nextIndex = course.steps.findIndex(step => !doneAt.has(step.entry));
  const next = course.steps[nextIndex];
  const nextTitle = next ? titles.get(next.entry) : undefined;
  return {
    course: course.slug,
    title: course.title,
    steps: course.steps.length,
    done,
    finished: nextIndex < 0,
    ...(next
      ? {
          next: {
            position: nextIndex + 1,
            entrySlug: next.entry,
            ...(nextTitle ? { title: nextTitle } : {}),
          },
        }
      : {}),
    ...(times.length > 0
      ? { startedAt: times[0], lastDoneAt: times[times.length - 1] }
      : {}),
  };
}
