import { z } from 'zod';
import { ENTRY_LIMITS as L, MAX_VERSION } from './limits';

/**
 * The cycles of the city hall's year.
 *
 * @public
 */
export const CYCLES = [
  'council',
  'budget',
  'settlement',
  'planning',
  'personnel',
  'other',
] as const;

/**
 * A cycle of the city hall's year.
 *
 * @public
 */
export type Cycle = (typeof CYCLES)[number];

/**
 * Whether an entry is visible to everybody (published) or only to its owners (draft).
 *
 * @public
 */
export const ENTRY_STATUSES = ['draft', 'published'] as const;

/**
 * Publication state of an entry.
 *
 * @public
 */
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * Which fiscal year a step concerns, relative to the fiscal year in which it happens:
 * the settlement of FY2025 is done in FY2026 (`previous`); the FY2027 budget is
 * compiled in FY2026 (`next`).
 *
 * @public
 */
export const CONCERNS_FISCAL_YEAR = ['previous', 'current', 'next'] as const;

/**
 * Parts of a month as Japanese schedules give them: 上旬, 中旬, 下旬.
 *
 * @public
 */
export const MONTH_PARTS = ['early', 'middle', 'late'] as const;

/**
 * 上旬 (1–10), 中旬 (11–20) or 下旬 (21–end).
 *
 * @public
 */
export type MonthPart = (typeof MONTH_PARTS)[number];

/** The version a write names: required, so that a write cannot miss a change made first. */
const versionSchema = z
  .number({ required_error: 'version is required' })
  .int()
  .min(1)
  .max(MAX_VERSION);

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A permalink-safe identifier: lower-case letters, digits and single hyphens.
 *
 * @public
 */
export const slugSchema = z
  .string()
  .min(1)
  .max(L.slugLength)
  .regex(slugPattern, 'must be lower-case letters, digits and single hyphens');

const month = z.number().int().min(1).max(12);

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A day of the year that recurs: 31 May. 29 February falls on the 28th in other years.
 *
 * @public
 */
export const monthDaySchema = z
  .object({ month, day: z.number().int().min(1).max(31) })
  .strict()
  .refine(v => v.day <= daysInMonth[v.month - 1], {
    message: 'day does not exist in that month',
    path: ['day'],
  });

/**
 * A month, or one of its thirds.
 *
 * @public
 */
export const monthPointSchema = z
  .object({ month, part: z.enum(MONTH_PARTS).optional() })
  .strict();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    v =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'is not a calendar date',
    },
  );

/**
 * A calendar date as YYYY-MM-DD (a JST date).
 *
 * @public
 */
export const isoDateSchema = isoDate;

/**
 * One rule of when a step happens; each rule gives at most one occurrence a fiscal year.
 *
 * @public
 */
export const timingRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), on: monthDaySchema }).strict(),
  z
    .object({
      kind: z.literal('range'),
      from: monthDaySchema,
      to: monthDaySchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('months'),
      from: monthPointSchema,
      to: monthPointSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('nthWeekday'),
      month,
      /** 1–5, or -1 for the last such weekday of the month. */
      nth: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
      /** ISO weekday: 1 = Monday … 7 = Sunday. */
      weekday: z.number().int().min(1).max(7),
    })
    .strict(),
  z
    .object({
      kind: z.literal('relative'),
      /** Slug of the entry this step is anchored to. */
      entry: slugSchema,
      anchor: z.enum(['start', 'end']).default('start'),
      /** Negative: days before; positive: days after. */
      offsetDays: z.number().int().min(-L.maxOffsetDays).max(L.maxOffsetDays),
      durationDays: z.number().int().min(1).max(L.maxOffsetDays).default(1),
    })
    .strict(),
]);

/**
 * One rule of when a step happens.
 *
 * @public
 */
export type TimingRule = z.infer<typeof timingRuleSchema>;

/**
 * The actual dates of a step in one fiscal year, replacing its rules for that year.
 *
 * @public
 */
export const timingOverrideSchema = z
  .object({
    fiscalYear: z.number().int().min(1989).max(2200),
    dates: z
      .array(
        z
          .object({ start: isoDate, end: isoDate.optional() })
          .strict()
          .refine(v => !v.end || v.end >= v.start, {
            message: 'end is before start',
            path: ['end'],
          }),
      )
      .min(1)
      .max(L.occurrencesPerYear),
  })
  .strict();

/**
 * Text in Japanese (required) with English alongside (optional).
 *
 * @public
 */
export const bilingualTextSchema = (max: number) =>
  z
    .object({
      ja: z.string().trim().min(1).max(max),
      en: z.string().trim().max(max).optional(),
    })
    .strict();

/**
 * When a step happens, every fiscal year.
 *
 * @public
 */
export const timingSchema = z
  .object({
    /** Steps held "as needed" (臨時会) have no rules and show no dates. */
    asNeeded: z.boolean().default(false),
    rules: z.array(timingRuleSchema).max(L.occurrencesPerYear).default([]),
    overrides: z.array(timingOverrideSchema).max(L.overrideCount).default([]),
    /** How the dates come about, in words: "typically mid-February to about 20 March". */
    note: bilingualTextSchema(L.noteLength).optional(),
  })
  .strict()
  .refine(v => v.asNeeded || v.rules.length > 0 || v.overrides.length > 0, {
    message: 'give at least one rule, an override, or mark the step as needed',
    path: ['rules'],
  });

/**
 * When a step happens, every fiscal year.
 *
 * @public
 */
export type Timing = z.infer<typeof timingSchema>;

/** Whether a URL's scheme is http or https; a text that is no URL at all is not. */
function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

const httpUrl = z.string().max(L.urlLength).url().refine(isHttpUrl, {
  message: 'only http and https links are accepted',
});

const groupRefPattern = /^group:[a-z0-9._-]+\/[a-z0-9._-]+$/i;

/**
 * A catalog Group reference in full form, e.g. `group:default/zaisei-ka`.
 *
 * @public
 */
export const groupRefSchema = z
  .string()
  .max(200)
  .transform(v =>
    (v.includes(':')
      ? v
      : `group:${v.includes('/') ? v : `default/${v}`}`
    ).toLocaleLowerCase('en-US'),
  )
  .refine(v => groupRefPattern.test(v), {
    message: 'must be a Group reference such as group:default/zaisei-ka',
  });

/**
 * One item of an entry's FAQ (よくある質問): a question and its answer (Markdown) as
 * the owners worded them, often from a resolved question (`fromQuestion`). The id is
 * the server's: left out for a new item, kept across edits, imports and restores.
 *
 * @public
 */
export const faqItemSchema = z
  .object({
    id: z.string().uuid('must be the id of a FAQ item').optional(),
    question: z.string().trim().min(1).max(L.faqQuestionLength),
    answer: z.string().trim().min(1).max(L.markdownLength),
    fromQuestion: z.string().uuid('must be the id of a question').optional(),
  })
  .strict();

/**
 * One FAQ item as a person writes it.
 *
 * @public
 */
export type FaqItemInput = z.input<typeof faqItemSchema>;

/**
 * One FAQ item of an entry, as the API returns it: always with its id.
 *
 * @public
 */
export type FaqItem = z.output<typeof faqItemSchema> & { id: string };

/**
 * Body of `POST /entries/:idOrSlug/faq` (a new item, appended; no version needed) and,
 * with the entry's version, of `PUT /entries/:idOrSlug/faq/:faqId`.
 *
 * @public
 */
export const faqInputSchema = faqItemSchema.omit({ id: true });

/**
 * Body of `POST /entries/:idOrSlug/faq`.
 *
 * @public
 */
export type FaqInput = z.input<typeof faqInputSchema>;

/**
 * Body of `PUT /entries/:idOrSlug/faq/:faqId`: the item and the entry's version.
 *
 * @public
 */
export const faqUpdateSchema = faqInputSchema.extend({
  version: versionSchema,
});

/**
 * Body of `PUT /entries/:idOrSlug/faq/:faqId`.
 *
 * @public
 */
export type FaqUpdateInput = z.input<typeof faqUpdateSchema>;

/**
 * Answer of `GET /entries/:idOrSlug/faq` and `DELETE …/faq/:faqId`: the items in
 * order and the entry's version, which a change or deletion of an item names.
 *
 * @public
 */
export interface FaqList {
  entryId: string;
  slug: string;
  version: number;
  items: FaqItem[];
}

/**
 * Answer of `POST` and `PUT` on the FAQ: the item and the entry's version after it.
 *
 * @public
 */
export interface FaqItemResult extends FaqItem {
  entryVersion: number;
}

/**
 * Who takes part in a step besides its owner (参加者), by role: everyone on staff,
 * every section (each division does its part, e.g. 予算要求), the sections concerned
 * (該当する課: those that receive questions, own a bill, are audited; not known in
 * advance, so not in anyone's own year by this role alone), managers (課長級), unit
 * chiefs (係長級), or this year's new hires (a milestone of their first year). Roles
 * are read from the catalog as the app's config maps them.
 *
 * @public
 */
export const PARTICIPANT_ROLES = [
  'everyone',
  'sections',
  'concernedSections',
  'managers',
  'unitChiefs',
  'newHires',
] as const;

/**
 * A role that takes part in a step; see {@link PARTICIPANT_ROLES}.
 *
 * @public
 */
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * One participant of a step: a role or a specific Group, with what it does there
 * ("各課では: 要求書を作成します").
 *
 * @public
 */
export const participantSchema = z.union([
  z
    .object({
      role: z.enum(PARTICIPANT_ROLES),
      note: bilingualTextSchema(L.noteLength).optional(),
    })
    .strict(),
  z
    .object({
      group: groupRefSchema,
      note: bilingualTextSchema(L.noteLength).optional(),
    })
    .strict(),
]);

/**
 * One participant of a step.
 *
 * @public
 */
export type Participant = z.output<typeof participantSchema>;

/**
 * The fields of an entry that a person writes. The server sets everything else
 * (id, version, who and when) from the caller's identity, never from the body.
 *
 * @public
 */
export const entryInputSchema = z
  .object({
    slug: slugSchema,
    cycle: z.enum(CYCLES),
    title: bilingualTextSchema(L.titleLength),
    summary: bilingualTextSchema(L.summaryLength),
    /** 何のために: why the step exists. */
    purpose: bilingualTextSchema(L.markdownLength),
    whatHappens: bilingualTextSchema(L.markdownLength),
    forNewStaff: bilingualTextSchema(L.markdownLength),
    legalBasis: z
      .array(
        z
          .object({
            law: z.string().trim().min(1).max(L.lawLength),
            article: z.string().trim().max(L.articleLength).optional(),
            note: z.string().trim().max(L.noteLength).optional(),
          })
          .strict(),
      )
      .max(L.legalBasisCount)
      .default([]),
    owner: groupRefSchema,
    relatedGroups: z.array(groupRefSchema).max(L.listLength).default([]),
    /**
     * Who takes part besides the owner, each at most once; none when only the owner
     * does the step.
     */
    participants: z
      .array(participantSchema)
      .max(L.listLength)
      .default([])
      .refine(
        list => {
          const keys = list.map(p => ('role' in p ? p.role : p.group));
          return new Set(keys).size === keys.length;
        },
        { message: 'a role or Group takes part at most once' },
      ),
    dependsOn: z.array(slugSchema).max(L.listLength).default([]),
    feedsInto: z.array(slugSchema).max(L.listLength).default([]),
    links: z
      .array(
        z
          .object({
            title: z.string().trim().min(1).max(L.titleLength),
            url: httpUrl,
          })
          .strict(),
      )
      .max(L.listLength)
      .default([]),
    tags: z
      .array(z.string().trim().min(1).max(L.tagLength))
      .max(L.listLength)
      .default([]),
    /** よくある質問, in the order the entry page shows them. */
    faq: z
      .array(faqItemSchema)
      .max(L.faqCount)
      .default([])
      .refine(
        items => {
          const ids = items.flatMap(i => (i.id ? [i.id] : []));
          return new Set(ids).size === ids.length;
        },
        { message: 'two FAQ items have the same id' },
      ),
    concernsFiscalYear: z.enum(CONCERNS_FISCAL_YEAR).default('current'),
    /** Regular council sessions are numbered by calendar year (第1回定例会). */
    councilSession: z.number().int().min(1).max(4).optional(),
    timing: timingSchema,
    status: z.enum(ENTRY_STATUSES).default('draft'),
    publishAt: isoDate.optional(),
    /**
     * How many days before the step starts its owner is reminded; the plugin's
     * default (`cityHallYear.reminders.daysBefore`, 14) when left out, none when 0.
     */
    reminderDaysBefore: z
      .number()
      .int()
      .min(0)
      .max(L.maxReminderDays)
      .optional(),
  })
  .strict();

/**
 * What the server keeps with every entry and course it stores.
 *
 * @public
 */
export interface StoredRecord {
  id: string;
  /** Incremented on every change; a write must name the version it was based on. */
  version: number;
  /** Who made it and when (entity ref, ISO time), and who changed it last. */
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/**
 * The fields of an entry that a person writes, as sent to the API.
 *
 * @public
 */
export type EntryInput = z.input<typeof entryInputSchema>;

/**
 * The fields of an entry that a person writes, after defaults are applied.
 *
 * @public
 */
export type EntryFields = z.output<typeof entryInputSchema>;

/**
 * An entry as the API returns it.
 *
 * @public
 */
export interface Entry extends Omit<EntryFields, 'faq'>, StoredRecord {
  /** よくある質問, in order; every stored item has its id. */
  faq: FaqItem[];
  /** The fiscal year for which the owner last confirmed the entry is still right. */
  confirmedFiscalYear?: number;
}

/**
 * Body of `PUT /entries/:id`: every editable field (a full replace) and the version
 * the change was based on. A stale version is refused with 409 and changes nothing.
 *
 * @public
 */
export const entryUpdateSchema = entryInputSchema.extend({
  version: z.number().int().min(1).max(MAX_VERSION),
});

/**
 * Body of `PUT /entries/:id`.
 *
 * @public
 */
export type EntryUpdateInput = z.input<typeof entryUpdateSchema>;

/**
 * Body of the routes that only name the version they act on (delete, undelete,
 * restore, confirm, deleting a course). The version is required: without it a write
 * could not tell that someone else changed the entry first.
 *
 * @public
 */
export const versionBodySchema = z.object({ version: versionSchema }).strict();

/**
 * The editable fields of a stored entry, without what the server sets (id, version,
 * who and when): what a restore brings back, an export writes and an import compares.
 *
 * @public
 */
export function editableFields(entry: Entry): EntryFields {
  return entryInputSchema.parse(
    Object.fromEntries(
      Object.keys(entryInputSchema.shape).map(key => [
        key,
        entry[key as keyof EntryFields],
      ]),
    ),
  );
}
