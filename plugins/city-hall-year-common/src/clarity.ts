import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  calendarYearOfFiscalMonth,
  CITY_HALL_TIME_ZONE,
  FISCAL_MONTHS,
} from './fiscalYear';
import { fiscalYearParamSchema } from './query';

/**
 * Why a reader is still unclear (まだモヤモヤする): 用語が難しい (terms), いつ何をする
 * のかわからない (timing), 自分の仕事との関係がわからない (relevance), 手続きの流れが
 * わからない (procedure), その他 (other, with a comment).
 *
 * @public
 */
export const CLARITY_REASONS = [
  'terms',
  'timing',
  'relevance',
  'procedure',
  'other',
] as const;

/**
 * A reason for being still unclear.
 *
 * @public
 */
export type ClarityReason = (typeof CLARITY_REASONS)[number];

/**
 * Longest comment a reader may leave with 「まだモヤモヤする」.
 *
 * @public
 */
export const CLARITY_COMMENT_LENGTH = 1000;

/**
 * Body of `PUT /entries/:idOrSlug/clarity`: the caller's own answer for a fiscal year
 * (the current one by default). Reasons and a comment go with "still unclear" only.
 *
 * @public
 */
export const clarityInputSchema = z
  .object({
    clear: z.boolean({ required_error: 'clear is required (true or false)' }),
    reasons: z
      .array(z.enum(CLARITY_REASONS))
      .max(CLARITY_REASONS.length)
      .default([])
      .refine(r => new Set(r).size === r.length, 'must not repeat a reason'),
    comment: z.string().trim().max(CLARITY_COMMENT_LENGTH).optional(),
    // A number in a JSON body; the query's schema would also take "2026" or [2026].
    fiscalYear: z.number().int().min(1989).max(2200).optional(),
  })
  .strict()
  .refine(a => !a.clear || (a.reasons.length === 0 && !a.comment), {
    message: 'reasons and comment go with "still unclear" (clear: false) only',
    path: ['reasons'],
  });

/**
 * Body of `PUT /entries/:idOrSlug/clarity`.
 *
 * @public
 */
export type ClarityInput = z.input<typeof clarityInputSchema>;

/**
 * Query of `GET /entries/:idOrSlug/clarity` and `GET /clarity`.
 *
 * @public
 */
export const clarityQuerySchema = z
  .object({
    fiscalYear: fiscalYearParamSchema.optional(),
    owner: z.string().min(1).max(255).optional(),
  })
  .strict();

/**
 * How many readers answered, and how many of them are still unclear. The モヤモヤ指数
 * is `unclear / readers`; it is always shown with these counts, never alone.
 *
 * @public
 */
export interface ClarityCounts {
  readers: number;
  unclear: number;
}

/**
 * The counts as they stood at the end of a month of the fiscal year (`2026-04`).
 *
 * @public
 */
export interface ClarityMonth extends ClarityCounts {
  month: string;
}

/**
 * How many of the still-unclear readers gave each reason.
 *
 * @public
 */
export type ClarityReasonCounts = Record<ClarityReason, number>;

/**
 * A reader's own answer.
 *
 * @public
 */
export interface ClarityAnswer {
  clear: boolean;
  reasons: ClarityReason[];
  comment?: string;
  answeredAt: string;
}

/**
 * Answer of `GET` and `PUT /entries/:idOrSlug/clarity`.
 *
 * @public
 */
export interface EntryClarity {
  entrySlug: string;
  fiscalYear: number;
  counts: ClarityCounts;
  /** Month by month from April to the current month (all twelve for a past year). */
  months: ClarityMonth[];
  /** The caller's current answer, when they gave one. */
  mine?: ClarityAnswer;
  /** For the entry's owners and HR only: the reasons and comments, without names. */
  reasons?: ClarityReasonCounts;
  comments?: Array<{
    comment: string;
    reasons: ClarityReason[];
    answeredAt: string;
  }>;
}

/**
 * One entry in `GET /clarity`.
 *
 * @public
 */
export interface ClarityOverviewItem {
  entrySlug: string;
  title: { ja: string; en?: string };
  owner: string;
  cycle: string;
  counts: ClarityCounts;
  months: ClarityMonth[];
  /** Questions on the entry still waiting for the answer that settles them. */
  openQuestions: number;
  /** Present when the caller may read this entry's reasons. */
  reasons?: ClarityReasonCounts;
}

/**
 * The User annotation that says when a person joined the city hall (`2026-04-01`).
 * Whoever joined in a fiscal year counts as new staff (新規採用職員) for that year's
 * 「わかった / まだモヤモヤする」 answers; the audience is recorded with each answer.
 *
 * @public
 */
export const HIRED_ON_ANNOTATION = 'city-hall-year/hired-on';

/**
 * Who gave the answers: everyone, or only the staff who joined in the fiscal year.
 *
 * @public
 */
export const CLARITY_AUDIENCES = ['everyone', 'newStaff'] as const;

/**
 * An audience of {@link CLARITY_AUDIENCES}.
 *
 * @public
 */
export type ClarityAudience = (typeof CLARITY_AUDIENCES)[number];

/**
 * Several entries together. `readers` counts answers, one per reader and entry: a
 * reader of three entries of a cycle counts three times, as they answered three times.
 *
 * @public
 */
export interface ClarityGroup {
  /** The entries with answers in the group. */
  entries: number;
  counts: ClarityCounts;
  months: ClarityMonth[];
}

/**
 * The listed entries, taken together in the ways HR looks at the year.
 *
 * @public
 */
export interface ClarityBreakdown {
  /** By cycle (予算, 議会 …), most unclear first. */
  cycles: Array<ClarityGroup & { cycle: string }>;
  /** By owning department, most unclear first. */
  owners: Array<ClarityGroup & { owner: string }>;
  /** By course, over the course's steps the caller may read, most unclear first. */
  courses: Array<
    ClarityGroup & { course: string; title: { ja: string; en?: string } }
  >;
  /** All readers, and only the staff who joined in the fiscal year. */
  audiences: Record<ClarityAudience, ClarityGroup>;
}

/**
 * Answer of `GET /clarity?owner=&fiscalYear=`.
 *
 * @public
 */
export interface ClarityOverview {
  fiscalYear: number;
  /** Entries with answers, most unclear first. */
  items: ClarityOverviewItem[];
  /** All listed entries together, month by month. */
  months: ClarityMonth[];
  /** The listed entries by cycle, department, course and audience. */
  breakdown: ClarityBreakdown;
}

/**
 * The months of a fiscal year whose end has a count to show at `now`: April to the
 * current month, each with the moment it ends (ISO, the first instant of the next
 * month in Japan's time zone; a month not yet over ends at `now`).
 *
 * @public
 */
export function clarityMonthEnds(
  fiscalYear: number,
  now: Date,
): Array<{ month: string; end: string }> {
  const at = DateTime.fromJSDate(now);
  const result: Array<{ month: string; end: string }> = [];
  for (const m of FISCAL_MONTHS) {
    const start = DateTime.fromObject(
      { year: calendarYearOfFiscalMonth(fiscalYear, m), month: m, day: 1 },
      { zone: CITY_HALL_TIME_ZONE },
    );
    if (start > at) break;
    const end = start.plus({ months: 1 });
    result.push({
      month: start.toFormat('yyyy-MM'),
      end: (end < at ? end : at).toUTC().toISO()!,
    });
  }
  return result;
}

/**
 * The モヤモヤ指数 as a share (0–1) of counts; undefined before anyone answered.
 *
 * @public
 */
export function clarityIndex(counts: ClarityCounts): number | undefined {
  return counts.readers === 0 ? undefined : counts.unclear / counts.readers;
}
