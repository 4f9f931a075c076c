import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  courseManagePermission,
  resolveFiscalYear,
  type Course,
  type CourseBacklink,
  type CourseFields,
  type CourseView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { CourseStore } from '../database/CourseStore';
import type { EntryStore } from '../database/EntryStore';
import { audited } from './audited';
import type { EntryAuthorizer } from './EntryAuthorizer';
import type { CallContext } from './context';
import type { YearService } from './YearService';

/**
 * Courses: ordered courses through the year that HR builds from entries. Steps link
 * entries by their permalink; reading a course resolves each step for the reader,
 * so a course always shows the entry as it is now and never a copy.
 */
export class CourseService {
  constructor(
    private readonly deps: {
      store: CourseStore;
      entries: EntryStore;
      years: YearService;
      authorizer: EntryAuthorizer;
      auditor: AuditorService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async list(): Promise<Course[]> {
    return this.deps.store.listCourses();
  }

  /**
   * A course with its steps resolved for a fiscal year (the current one unless a
   * training handout pins another). Steps the reader may not read, or whose entry was
   * deleted, stay in place without content so that step numbers never shift.
   */
  async view(
    slug: string,
    fiscalYear: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<CourseView> {
    const course = await this.get(slug);
    const year = fiscalYear ?? resolveFiscalYear(this.now());
    const { entries, resolve } = await this.deps.years.readableWithResolver(
      credentials,
    );
    const bySlug = new Map(entries.map(e => [e.slug, e]));
    return {
      course,
      fiscalYear: year,
      steps: course.steps.map((step, i) => {
        const entry = bySlug.get(step.entry);
        return {
          position: i + 1,
          entrySlug: step.entry,
          ...(step.note ? { note: step.note } : {}),
          ...(entry
            ? {
                entry: {
                  id: entry.id,
                  slug: entry.slug,
                  cycle: entry.cycle,
                  title: entry.title,
                  summary: entry.summary,
                  owner: entry.owner,
                  timing: entry.timing,
                  occurrences: resolve(entry, year),
                },
              }
            : {}),
        };
      }),
    };
  }

  /** The courses whose steps link an entry, for the entry page. */
  async backlinks(entrySlug: string): Promise<CourseBacklink[]> {
    const courses = await this.deps.store.listCourses();
    return courses.flatMap(c => {
      const index = c.steps.findIndex(step => step.entry === entrySlug);
      return index < 0
        ? []
        : [{ slug: c.slug, title: c.title, position: index + 1 }];
    });
  }

  async create(fields: CourseFields, ctx: CallContext) {
    return this.audited('course-create', ctx, fields.slug, async () => {
      await this.assertCanManage(ctx);
      await this.assertStepsExist(fields);
      return this.deps.store.createCourse(fields, this.change(ctx));
    });
  }

  async update(
    slug: string,
    fields: CourseFields,
    version: number,
    ctx: CallContext,
  ) {
    return this.audited('course-update', ctx, slug, async () => {
      await this.assertCanManage(ctx);
      const current = await this.get(slug);
      if (fields.slug !== current.slug) {
        throw new InputError(
          `slug: a permalink never changes (is '${current.slug}')`,
        );
      }
      await this.assertStepsExist(fields);
      return this.deps.store.updateCourse(
        current.id,
        fields,
        version,
        this.change(ctx),
      );
    });
  }

  async remove(slug: string, version: number, ctx: CallContext) {
    return this.audited('course-delete', ctx, slug, async () => {
      await this.assertCanManage(ctx);
      const current = await this.get(slug);
      await this.deps.store.deleteCourse(current.id, version);
      return current;
    });
  }

  private async get(slug: string): Promise<Course> {
    const course = await this.deps.store.getCourse(slug);
    if (!course) {
      throw new NotFoundError(`No course '${slug}'`);
    }
    return course;
  }

  private async assertCanManage(ctx: CallContext) {
    await this.deps.authorizer.assertBasic(
      courseManagePermission,
      ctx.credentials,
    );
  }

  /** A step must link a live entry: a course is built from what exists. */
  private async assertStepsExist(fields: CourseFields) {
    const slugs = fields.steps.map(s => s.entry);
    const live = await this.deps.entries.listAllEntries({});
    const known = new Set(live.map(e => e.slug));
    const missing = slugs.findIndex(s => !known.has(s));
    if (missing >= 0) {
      throw new InputError(
        `steps.${missing}.entry: no entry '${slugs[missing]}'`,
      );
    }
  }

  private change(ctx: CallContext) {
    return {
      actor: ctx.credentials.principal.userEntityRef,
      at: this.now().toISOString(),
    };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private audited<T extends Course>(
    eventId: string,
    ctx: CallContext,
    slug: string,
    change: () => Promise<T>,
  ): Promise<T> {
    return audited(
      this.deps.auditor,
      {
        eventId,
        ctx,
        meta: { slug },
        resultMeta: course => ({
          courseId: course.id,
          version: course.version,
        }),
      },
      change,
    );
  }
}
