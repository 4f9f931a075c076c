import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import {
  CYCLE_LABELS,
  CYCLES,
  cityHallDate,
  describeTiming,
  fiscalYearLabels,
  monthsOfOccurrence,
  nowAndNext,
  nowAndNextFiscalYears,
  occurrenceLabel,
  resolveFiscalYear,
  type Entry,
  type YearOccurrence,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DateTime } from 'luxon';
import { shortName, type CatalogNames } from '../service/CatalogNames';
import type { YearService } from '../service/YearService';

/** The zod the actions registry hands to each schema (zod 3's API). */
type Zod = Parameters<
  Parameters<ActionsRegistryService['register']>[0]['schema']['input']
>[0];

/** What the actions read the year through. */
export interface YearActionsOptions {
  actionsRegistry: ActionsRegistryService;
  years: Pick<YearService, 'getYear' | 'getEntry' | 'listAll'>;
  names: Pick<CatalogNames, 'namesOf'>;
  /** The app's address, for each step's link (`app.baseUrl`). */
  appBaseUrl: string;
  /** The clock: "now" is read in Asia/Tokyo. Tests set it. */
  now?: () => Date;
}

/** How many entries `find-entries` answers at most. */
const FIND_LIMIT = 100;

/** A bilingual text in one language: Japanese when there is no English. */
const inLanguage = (text: { ja: string; en?: string }, language: 'ja' | 'en') =>
  language === 'en' && text.en ? text.en : text.ja;

/** A fiscal year, as the API's `/years/:fiscalYear` takes it; the current one if left out. */
const fiscalYearInput = (z: Zod) =>
  z.number().int().min(1989).max(2200).optional();

const bilingual = (z: Zod) =>
  z.object({ ja: z.string(), en: z.string().optional() });

/** One step of the year: an occurrence of an entry, with its dates in words. */
const stepSchema = (z: Zod) =>
  z.object({
    slug: z.string().describe('The permalink of the entry'),
    title: bilingual(z),
    cycle: z.enum(CYCLES),
    cycleName: bilingual(z),
    start: z.string().describe('First day, YYYY-MM-DD'),
    end: z.string().describe('Last day, YYYY-MM-DD'),
    when: bilingual(z).describe('The dates in words: 5月31日 / 31 May'),
    department: z.string().describe('The department that owns the step'),
    departmentRef: z.string(),
    summary: bilingual(z),
    url: z.string().describe('The entry in the app'),
  });

/** An entry without dates: held as needed, or found by `find-entries`. */
const entrySummarySchema = (z: Zod) =>
  z.object({
    slug: z.string(),
    title: bilingual(z),
    cycle: z.enum(CYCLES),
    cycleName: bilingual(z),
    department: z.string(),
    departmentRef: z.string(),
    summary: bilingual(z),
    url: z.string(),
  });

/**
 * Registers the year as read-only actions for assistants (the actions registry, which
 * `@backstage/plugin-mcp-actions-backend` offers over MCP): the year or a month of
 * it, entries by text, cycle and department, one entry with its purpose and dates,
 * and what is happening now and next. Each reads with the caller's credentials, so
 * the read permission applies as it does in the app.
 */
export function registerYearActions(options: YearActionsOptions): void {
  const { actionsRegistry, years, names, appBaseUrl } = options;
  const now = options.now ?? (() => new Date());
  const entryUrl = (slug: string) =>
    `${appBaseUrl}/city-hall-year/entries/${encodeURIComponent(slug)}`;
  const namesOf = async (refs: string[]) => {
    const found = await names.namesOf(refs);
    return (ref: string) => found.get(ref) ?? shortName(ref);
  };
  const summaryOf = (
    o: Pick<Entry, 'slug' | 'title' | 'cycle' | 'owner' | 'summary'>,
    nameOf: (ref: string) => string,
  ) => ({
    slug: o.slug,
    title: o.title,
    cycle: o.cycle,
    cycleName: CYCLE_LABELS[o.cycle],
    department: nameOf(o.owner),
    departmentRef: o.owner,
    summary: o.summary,
    url: entryUrl(o.slug),
  });
  const stepOf = (o: YearOccurrence, nameOf: (ref: string) => string) => ({
    ...summaryOf(o, nameOf),
    start: o.start,
    end: o.end,
    when: { ja: occurrenceLabel(o, 'ja'), en: occurrenceLabel(o, 'en') },
  });
  const yearsOf = async (
    fiscalYears: number[],
    credentials: BackstageCredentials,
  ) => Promise.all(fiscalYears.map(fy => years.getYear(fy, credentials)));

  actionsRegistry.register({
    name: 'get-year',
    title: '市役所の一年 / The city hall year',
    description:
      "The steps of the city hall's fiscal year (年度, 1 April – 31 March), in date order: council sessions, budget, settlement, planning and personnel, each with its dates, the department that owns it and a link. Give a month (1–12) for that month only, e.g. 5 for what happens in May. The fiscal year defaults to the current one.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          fiscalYear: fiscalYearInput(z).describe(
            'The fiscal year by the calendar year it starts in: 2026 is 令和8年度, April 2026 – March 2027',
          ),
          month: z
            .number()
            .int()
            .min(1)
            .max(12)
            .optional()
            .describe('Only the steps that fall in this calendar month (1–12)'),
        }),
      output: z =>
        z.object({
          fiscalYear: z.number(),
          label: bilingual(z).describe('令和8年度 / FY2026'),
          month: z.number().optional(),
          steps: z.array(stepSchema(z)),
          asNeeded: z
            .array(entrySummarySchema(z))
            .describe('Steps held as needed, without fixed dates'),
        }),
    },
    action: async ({ input, credentials }) => {
      const fiscalYear = input.fiscalYear ?? resolveFiscalYear(now());
      const [view] = await yearsOf([fiscalYear], credentials);
      const steps =
        input.month === undefined
          ? view.occurrences
          : view.occurrences.filter(o =>
              monthsOfOccurrence(o).includes(input.month!),
            );
      const nameOf = await namesOf([
        ...steps.map(o => o.owner),
        ...view.asNeeded.map(o => o.owner),
      ]);
      return {
        output: {
          fiscalYear,
          label: fiscalYearLabels(fiscalYear),
          ...(input.month === undefined ? {} : { month: input.month }),
          steps: steps.map(o => stepOf(o, nameOf)),
          asNeeded:
            input.month === undefined
              ? view.asNeeded.map(o => summaryOf(o, nameOf))
              : [],
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'find-entries',
    title: '項目をさがす / Find entries',
    description:
      'Finds published entries of the city hall year by text (Japanese or English, e.g. 出納閉鎖 or budget), cycle and the department that owns them (its name, e.g. 会計課, or its catalog reference). Answers each with its summary and link; read one with get-entry.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          text: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .optional()
            .describe('Words in the title, summary or text'),
          cycle: z.enum(CYCLES).optional(),
          department: z
            .string()
            .trim()
            .min(1)
            .max(255)
            .optional()
            .describe('会計課, or group:default/kaikei-ka'),
          limit: z.number().int().min(1).max(FIND_LIMIT).optional(),
        }),
      output: z =>
        z.object({
          entries: z.array(entrySummarySchema(z)),
          totalCount: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entries = await years.listAll(
        {
          ...(input.cycle ? { cycle: [input.cycle] } : {}),
          ...(input.text ? { q: input.text } : {}),
        },
        credentials,
      );
      const nameOf = await namesOf(entries.map(e => e.owner));
      const wanted = input.department?.toLocaleLowerCase('en-US');
      const matching = wanted
        ? entries.filter(e =>
            [e.owner, shortName(e.owner), nameOf(e.owner)].some(
              n => n.toLocaleLowerCase('en-US') === wanted,
            ),
          )
        : entries;
      return {
        output: {
          entries: matching
            .slice(0, input.limit ?? 20)
            .map(e => summaryOf(e, nameOf)),
          totalCount: matching.length,
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-entry',
    title: '項目を読む / Read an entry',
    description:
      'One entry of the city hall year: why it exists (何のために), what happens, what it means for someone new to the work, its legal basis, what it depends on and feeds into, who owns it and who takes part, its dates in a fiscal year, and its FAQ. Name it by its slug (from get-year or find-entries).',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          slug: z
            .string()
            .trim()
            .min(1)
            .max(255)
            .describe('e.g. shutsuno-heisa'),
          fiscalYear: fiscalYearInput(z).describe(
            'Whose dates to give; the current fiscal year by default',
          ),
        }),
      output: z =>
        z.object({
          slug: z.string(),
          title: bilingual(z),
          cycle: z.enum(CYCLES),
          cycleName: bilingual(z),
          summary: bilingual(z),
          purpose: bilingual(z).describe('何のために: why the step exists'),
          whatHappens: bilingual(z),
          forNewStaff: bilingual(z),
          legalBasis: z.array(
            z.object({
              law: z.string(),
              article: z.string().optional(),
              note: z.string().optional(),
            }),
          ),
          department: z.string(),
          departmentRef: z.string(),
          relatedDepartments: z.array(z.string()),
          dependsOn: z.array(
            z.object({ slug: z.string(), title: bilingual(z) }),
          ),
          feedsInto: z.array(
            z.object({ slug: z.string(), title: bilingual(z) }),
          ),
          fiscalYear: z.number(),
          dates: z.array(
            z.object({
              start: z.string(),
              end: z.string(),
              when: bilingual(z),
            }),
          ),
          timing: bilingual(z).describe('How the dates come about, in words'),
          asNeeded: z.boolean(),
          faq: z.array(z.object({ question: z.string(), answer: z.string() })),
          url: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entry = await years.getEntry(input.slug, credentials);
      const fiscalYear = input.fiscalYear ?? resolveFiscalYear(now());
      const [view] = await yearsOf([fiscalYear], credentials);
      const linked = async (slugs: string[]) => {
        const found = await Promise.all(
          slugs.map(slug =>
            years.getEntry(slug, credentials).catch(error => {
              // A step the caller may not read is left out, as in the app.
              if (error instanceof NotFoundError) return undefined;
              throw error;
            }),
          ),
        );
        return found.flatMap(e =>
          e ? [{ slug: e.slug, title: e.title }] : [],
        );
      };
      const [dependsOn, feedsInto, nameOf] = await Promise.all([
        linked(entry.dependsOn),
        linked(entry.feedsInto),
        namesOf([entry.owner, ...entry.relatedGroups]),
      ]);
      const known = [...view.occurrences, ...view.asNeeded];
      const timingIn = (language: 'ja' | 'en') =>
        [
          describeTiming(entry.timing, language, slug => {
            const title = known.find(o => o.slug === slug)?.title;
            return title ? inLanguage(title, language) : slug;
          }),
          entry.timing.note && inLanguage(entry.timing.note, language),
        ]
          .filter(Boolean)
          .join('\n');
      return {
        output: {
          slug: entry.slug,
          title: entry.title,
          cycle: entry.cycle,
          cycleName: CYCLE_LABELS[entry.cycle],
          summary: entry.summary,
          purpose: entry.purpose,
          whatHappens: entry.whatHappens,
          forNewStaff: entry.forNewStaff,
          legalBasis: entry.legalBasis,
          department: nameOf(entry.owner),
          departmentRef: entry.owner,
          relatedDepartments: entry.relatedGroups.map(nameOf),
          dependsOn,
          feedsInto,
          fiscalYear,
          dates: view.occurrences
            .filter(o => o.slug === entry.slug)
            .map(o => ({
              start: o.start,
              end: o.end,
              when: {
                ja: occurrenceLabel(o, 'ja'),
                en: occurrenceLabel(o, 'en'),
              },
            })),
          timing: { ja: timingIn('ja'), en: timingIn('en') },
          asNeeded: entry.timing.asNeeded,
          faq: entry.faq.map(f => ({ question: f.question, answer: f.answer })),
          url: entryUrl(entry.slug),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'now-and-next',
    title: 'いまとこれから / Now and next',
    description:
      "What is happening at the city hall this month (still running or still to come), and what starts in the next 30 days, as the year page's now-and-next panel shows it. The day defaults to today in Japan.",
    attributes: { readOnly: true, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
            .refine(d => DateTime.fromISO(d).isValid, 'not a calendar date')
            .optional()
            .describe('The day to look from, YYYY-MM-DD; today by default'),
        }),
      output: z =>
        z.object({
          today: z.string(),
          fiscalYear: z.number(),
          thisMonth: z.array(stepSchema(z)),
          next: z.array(stepSchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const today = input.date ?? cityHallDate(now());
      const fiscalYears = nowAndNextFiscalYears(today);
      const views = await yearsOf(fiscalYears, credentials);
      const { thisMonth, next } = nowAndNext(
        views.flatMap(v => v.occurrences),
        today,
      );
      const nameOf = await namesOf([...thisMonth, ...next].map(o => o.owner));
      return {
        output: {
          today,
          fiscalYear: fiscalYears[0],
          thisMonth: thisMonth.map(o => stepOf(o, nameOf)),
          next: next.map(o => stepOf(o, nameOf)),
        },
      };
    },
  });
}
