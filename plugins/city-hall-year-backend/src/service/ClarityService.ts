import type { AuditorService } from '@backstage/backend-plugin-api';
import {
  CLARITY_REASONS,
  clarityMonthEnds,
  clarityReasonsReadPermission,
  resolveFiscalYear,
  type ClarityCounts,
  type ClarityMonth,
  type ClarityOverview,
  type ClarityReasonCounts,
  type Entry,
  type EntryClarity,
} from '@internal/plugin-city-hall-year-common';
import type { ClarityFields, ClarityStore } from '../database/ClarityStore';
import type { EntryStore } from '../database/EntryStore';
import { audited } from './audited';
import type { CallContext } from './context';
import type { EntryAuthorizer } from './EntryAuthorizer';
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
      authorizer: EntryAuthorizer;
      auditor: AuditorService;
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
          ctx.credentials.principal.userEntityRef,
          fy,
          fields,
          now.toISOString(),
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
    const counts = await this.deps.clarity.countsAt(
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
    const reasons = await this.deps.clarity.reasonCounts(fy, [
      ...mayReadReasons,
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
        ...(mayReadReasons.has(entry.id)
          ? { reasons: reasons.get(entry.id) ?? this.noReasons() }
          : {}),
      };
    });
    items.sort(
      (a, b) =>
        b.counts.unclear / b.counts.readers -
          a.counts.unclear / a.counts.readers ||
        b.counts.readers - a.counts.readers ||
        a.entrySlug.localeCompare(b.entrySlug),
    );
    const total = moments.map((_, i) =>
      answered.reduce(
        (sum, e) => ({
          readers: sum.readers + counts.get(e.id)![i].readers,
          unclear: sum.unclear + counts.get(e.id)![i].unclear,
        }),
        { readers: 0, unclear: 0 },
      ),
    );
    return { fiscalYear: fy, items, months: this.months(moments, total) };
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
