import type { AuditorService } from '@backstage/backend-plugin-api';
import {
  CLARITY_REASONS,
  clarityMonthEnds,
  clarityReasonsReadPermission,
  resolveFiscalYear,
  type ClarityCounts,
  type ClarityGroup,
  type ClarityMonth,
  type ClarityOverview,
  type ClarityReasonCounts,
  type Entry,
  type EntryClarity,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ClarityFields, ClarityStore } from '../database/ClarityStore';
import type { CourseStore } from '../database/CourseStore';
import type { EntryStore } from '../database/EntryStore';
import type { QuestionStore } from '../database/QuestionStore';
import { audited } from './audited';
import type { CallContext } from './context';
import type { EntryAuthorizer } from './EntryAuthorizer';
import type { NewStaffDirectory } from './NewStaffDirectory';
import { readableEntries, readableEntry } from './readableEntries';

/** Comments shown to an entry's owners, newest first. */
const COMMENTS_SHOWN = 50;

/**
 * The "still unclear" signal (モヤモヤ): each reader says わかった or まだモヤモヤする
 * about an entry, once per fiscal year (changeable; every answer is kept). Everyone
 * sees the モヤモヤ指数 with its counts; the reasons and comments, never who gave them,
 * only those who hold `city-hall-year.clarity.reasons.read` on the entry.
 */
export class ClarityService {
  constructor(
    private readonly deps: {
      clarity: ClarityStore;
      entries: EntryStore;
      courses: CourseStore;
      questions: Pick<QuestionStore, 'openQuestionCounts'>;
      authorizer: EntryAuthorizer;
      auditor: AuditorService;
      newStaff: Pick<NewStaffDirectory, 'isNewStaff'>;
      now?: () => Date;
    },
  ) {}

  async answer(
    entryIdOrSlug: string,
    fields: ClarityFields,
    fiscalYear: number | undefined,
    ctx: CallContext,
  ): Promise<EntryClarity> {
    const entry = await this.entry(entryIdOrSlug, ctx);
    const now = this.now();
    const fy = fiscalYear ?? resolveFiscalYear(now);
    const userRef = ctx.credentials.principal.userEntityRef;
    const newStaff = await this.deps.newStaff.isNewStaff(userRef, fy);
    await audited(
      this.deps.auditor,
      {
        eventId: 'clarity-answer',
        ctx,
        severityLevel: 'low',
        meta: { entryId: entry.id, fiscalYear: fy },
      },
      () =>
        this.deps.clarity.answer(
          entry.id,
          userRef,
          fy,
          fields,
          now.toISOString(),
          {
            newStaff,
          },
        ),
    );
    return this.ofEntry(entry, fy, ctx);
  }

  async get(
    entryIdOrSlug: string,
    fiscalYear: number | undefined,
    ctx: CallContext,
  ): Promise<EntryClarity> {
    return this.ofEntry(
      await this.entry(entryIdOrSlug, ctx),
      fiscalYear ?? resolveFiscalYear(this.now()),
      ctx,
    );
  }

  /** The entries (of one owner, or all) the caller may read, most unclear first. */
  async overview(
    options: { owner?: string; fiscalYear?: number },
    ctx: CallContext,
  ): Promise<ClarityOverview> {
    const now = this.now();
    const fy = options.fiscalYear ?? resolveFiscalYear(now);
    const readable = await readableEntries(
      this.deps,
      options.owner ? { owners: [options.owner] } : {},
      ctx.credentials,
    );
    const moments = this.moments(fy, now);
    const { everyone: counts, newStaff: newStaffCounts } =
      await this.deps.clarity.countsByAudienceAt(
        fy,
        moments.map(m => m.end),
        readable.map(e => e.id),
      );
    const answered = readable.filter(e => counts.has(e.id));
    const mayReadReasons = await this.deps.authorizer.allowedIds(
      clarityReasonsReadPermission,
      answered.map(e => e.id),
      ctx.credentials,
    );
    const [reasons, openQuestions] = await Promise.all([
      this.deps.clarity.reasonCounts(fy, [...mayReadReasons]),
      this.deps.questions.openQuestionCounts(answered.map(e => e.id)),
    ]);
    const items = answered.map(entry => {
      const series = counts.get(entry.id)!;
      return {
        entrySlug: entry.slug,
        title: entry.title,
        owner: entry.owner,
        cycle: entry.cycle,
        counts: series[series.length - 1],
        months: this.months(moments, series),
        openQuestions: openQuestions.get(entry.id) ?? 0,
        ...(mayReadReasons.has(entry.id)
          ? { reasons: reasons.get(entry.id) ?? this.noReasons() }
          : {}),
      };
    });
    mostUnclearFirst(items, i => i.entrySlug);
    const group = (
      entries: Entry[],
      of: Map<string, ClarityCounts[]> = counts,
    ): ClarityGroup => {
      const withAnswers = entries.filter(e => of.has(e.id));
      const series = moments.map((_, i) =>
        withAnswers.reduce(
          (sum, e) => ({
            readers: sum.readers + of.get(e.id)![i].readers,
            unclear: sum.unclear + of.get(e.id)![i].unclear,
          }),
          { readers: 0, unclear: 0 },
        ),
      );
      return {
        entries: withAnswers.length,
        counts: series[series.length - 1],
        months: this.months(moments, series),
      };
    };
    const everyone = group(answered);
    const bySlug = new Map(answered.map(e => [e.slug, e]));
    const courses = (await this.deps.courses.listCourses())
      .map(course => ({
        course: course.slug,
        title: course.title,
        ...group(
          course.steps
            .map(step => bySlug.get(step.entry))
            .filter((e): e is Entry => e !== undefined),
        ),
      }))
      .filter(c => c.entries > 0);
    return {
      fiscalYear: fy,
      items,
      months: everyone.months,
      breakdown: {
        cycles: mostUnclearFirst(
          [...groupBy(answered, e => e.cycle)].map(([cycle, entries]) => ({
            cycle,
            ...group(entries),
          })),
          g => g.cycle,
        ),
        owners: mostUnclearFirst(
          [...groupBy(answered, e => e.owner)].map(([owner, entries]) => ({
            owner,
            ...group(entries),
          })),
          g => g.owner,
        ),
        courses: mostUnclearFirst(courses, g => g.course),
        audiences: {
          everyone,
          newStaff: group(answered, newStaffCounts),
        },
      },
    };
  }

  private async ofEntry(
    entry: Entry,
    fiscalYear: number,
    ctx: CallContext,
  ): Promise<EntryClarity> {
    const moments = this.moments(fiscalYear, this.now());
    const series =
      (
        await this.deps.clarity.countsAt(
          fiscalYear,
          moments.map(m => m.end),
          [entry.id],
        )
      ).get(entry.id) ?? moments.map(() => ({ readers: 0, unclear: 0 }));
    const mine = await this.deps.clarity.current(
      entry.id,
      ctx.credentials.principal.userEntityRef,
      fiscalYear,
    );
    const mayReadReasons = (
      await this.deps.authorizer.allowedIds(
        clarityReasonsReadPermission,
        [entry.id],
        ctx.credentials,
      )
    ).has(entry.id);
    return {
      entrySlug: entry.slug,
      fiscalYear,
      counts: series[series.length - 1] ?? { readers: 0, unclear: 0 },
      months: this.months(moments, series),
      ...(mine ? { mine } : {}),
      ...(mayReadReasons
        ? {
            reasons:
              (
                await this.deps.clarity.reasonCounts(fiscalYear, [entry.id])
              ).get(entry.id) ?? this.noReasons(),
            comments: await this.deps.clarity.comments(
              entry.id,
              fiscalYear,
              COMMENTS_SHOWN,
            ),
          }
        : {}),
    };
  }

  /** The month ends of the year so far; the last one is now (the current counts). */
  private moments(fiscalYear: number, now: Date) {
    const ends = clarityMonthEnds(fiscalYear, now);
    // A fiscal year still to come has no months yet: only now.
    return ends.length > 0 ? ends : [{ month: '', end: now.toISOString() }];
  }

  private months(
    moments: Array<{ month: string }>,
    series: ClarityCounts[],
  ): ClarityMonth[] {
    return moments
      .map((m, i) => ({ month: m.month, ...series[i] }))
      .filter(m => m.month !== '');
  }

  private noReasons(): ClarityReasonCounts {
    return Object.fromEntries(
      CLARITY_REASONS.map(reason => [reason, 0]),
    ) as ClarityReasonCounts;
  }

  private entry(idOrSlug: string, ctx: CallContext): Promise<Entry> {
    return readableEntry(this.deps, idOrSlug, ctx.credentials);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const result = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = result.get(k);
    if (list) list.push(item);
    else result.set(k, [item]);
  }
  return result;
}

/** Sorts by the モヤモヤ指数, then by more readers, then by name; in place. */
function mostUnclearFirst<T extends { counts: ClarityCounts }>(
  items: T[],
  name: (item: T) => string,
): T[] {
  const share = (c: ClarityCounts) =>
    c.readers === 0 ? -1 : c.unclear / c.readers;
  return items.sort(
    (a, b) =>
      share(b.counts) - share(a.counts) ||
      b.counts.readers - a.counts.readers ||
      name(a).localeCompare(name(b)),
  );
}
