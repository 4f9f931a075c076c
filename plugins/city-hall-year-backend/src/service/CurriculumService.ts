import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  curriculumManagePermission,
  resolveFiscalYear,
  type Curriculum,
  type CurriculumBacklink,
  type CurriculumFields,
  type CurriculumView,
} from '@internal/plugin-city-hall-year-common';
import type { CurriculumStore } from '../database/CurriculumStore';
import type { EntryStore } from '../database/EntryStore';
import { audited } from './audited';
import type { EntryAuthorizer } from './EntryAuthorizer';
import type { CallContext } from './context';
import type { YearService } from './YearService';

/**
 * Curricula: ordered courses through the year that HR builds from entries. Steps link
 * entries by their permalink; reading a curriculum resolves each step for the reader,
 * so a course always shows the entry as it is now and never a copy.
 */
export class CurriculumService {
  constructor(
    private readonly deps: {
      store: CurriculumStore;
      entries: EntryStore;
      years: YearService;
      authorizer: EntryAuthorizer;
      auditor: AuditorService;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  async list(): Promise<Curriculum[]> {
    return this.deps.store.listCurricula();
  }

  /**
   * A curriculum with its steps resolved for a fiscal year (the current one unless a
   * training handout pins another). Steps the reader may not read, or whose entry was
   * deleted, stay in place without content so that step numbers never shift.
   */
  async view(
    slug: string,
    fiscalYear: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<CurriculumView> {
    const curriculum = await this.get(slug);
    const year = fiscalYear ?? resolveFiscalYear(this.now());
    const { entries, resolve } = await this.deps.years.readableWithResolver(
      credentials,
    );
    const bySlug = new Map(entries.map(e => [e.slug, e]));
    return {
      curriculum,
      fiscalYear: year,
      steps: curriculum.steps.map((step, i) => {
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

  /** The curricula whose steps link an entry, for the entry page. */
  async backlinks(entrySlug: string): Promise<CurriculumBacklink[]> {
    const curricula = await this.deps.store.listCurricula();
    return curricula.flatMap(c => {
      const index = c.steps.findIndex(step => step.entry === entrySlug);
      return index < 0
        ? []
        : [{ slug: c.slug, title: c.title, position: index + 1 }];
    });
  }

  async create(fields: CurriculumFields, ctx: CallContext) {
    return this.audited('curriculum-create', ctx, fields.slug, async () => {
      await this.assertCanManage(ctx);
      await this.assertStepsExist(fields);
      return this.deps.store.createCurriculum(fields, this.change(ctx));
    });
  }

  async update(
    slug: string,
    fields: CurriculumFields,
    version: number,
    ctx: CallContext,
  ) {
    return this.audited('curriculum-update', ctx, slug, async () => {
      await this.assertCanManage(ctx);
      const current = await this.get(slug);
      if (fields.slug !== current.slug) {
        throw new InputError(
          `slug: a permalink never changes (is '${current.slug}')`,
        );
      }
      await this.assertStepsExist(fields);
      return this.deps.store.updateCurriculum(
        current.id,
        fields,
        version,
        this.change(ctx),
      );
    });
  }

  async remove(slug: string, version: number, ctx: CallContext) {
    return this.audited('curriculum-delete', ctx, slug, async () => {
      await this.assertCanManage(ctx);
      const current = await this.get(slug);
      await this.deps.store.deleteCurriculum(current.id, version);
      return current;
    });
  }

  private async get(slug: string): Promise<Curriculum> {
    const curriculum = await this.deps.store.getCurriculum(slug);
    if (!curriculum) {
      throw new NotFoundError(`No curriculum '${slug}'`);
    }
    return curriculum;
  }

  private async assertCanManage(ctx: CallContext) {
    await this.deps.authorizer.assertBasic(
      curriculumManagePermission,
      ctx.credentials,
    );
  }

  /** A step must link a live entry: a course is built from what exists. */
  private async assertStepsExist(fields: CurriculumFields) {
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

  private audited<T extends Curriculum>(
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
          curriculumId: course.id,
          version: course.version,
        }),
      },
      change,
    );
  }
}
