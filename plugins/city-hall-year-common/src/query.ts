import { z } from 'zod';
import { PAGE_LIMITS } from './limits';
import { CYCLES, ENTRY_STATUSES } from './schema';
import { IMPORT_EXPORT_FORMATS } from './api';

const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform(v =>
      (Array.isArray(v) ? v : v.split(',')).map(s => s.trim()).filter(Boolean),
    )
    .pipe(z.array(item).max(50));

/**
 * A fiscal year as it appears in paths and queries.
 *
 * @public
 */
export const fiscalYearParamSchema = z.coerce
  .number({ invalid_type_error: 'must be a year such as 2026' })
  .int()
  .min(1989)
  .max(2200);

/**
 * Query of `GET /entries`. Lists accept repeated keys or comma-separated values.
 *
 * @public
 */
export const entryListQuerySchema = z
  .object({
    cycle: listOf(z.enum(CYCLES)).optional(),
    owner: listOf(z.string().min(1).max(255)).optional(),
    status: listOf(z.enum(ENTRY_STATUSES)).optional(),
    q: z.string().trim().max(200).optional(),
    /** Only entries with an occurrence in this fiscal year. */
    fiscalYear: fiscalYearParamSchema.optional(),
    /** Only entries with an occurrence in this calendar month (1–12) of the fiscal year. */
    month: z.coerce.number().int().min(1).max(12).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(PAGE_LIMITS.maxLimit)
      .default(PAGE_LIMITS.defaultLimit),
  })
  .strict()
  .refine(v => v.month === undefined || v.fiscalYear !== undefined, {
    message: 'month needs fiscalYear',
    path: ['month'],
  });

/**
 * Parsed query of `GET /entries`.
 *
 * @public
 */
export type EntryListQuery = z.output<typeof entryListQuerySchema>;

/**
 * How the CSV export names its columns: in Japanese for people, by key for scripts.
 *
 * @public
 */
export const CSV_HEADER_STYLES = ['ja', 'keys'] as const;

/**
 * A style of {@link CSV_HEADER_STYLES}.
 *
 * @public
 */
export type CsvHeaderStyle = (typeof CSV_HEADER_STYLES)[number];

/**
 * Query of `GET /export`: the filters of `GET /entries` (no paging) and the format.
 *
 * @public
 */
export const exportQuerySchema = z
  .object({
    format: z.enum(IMPORT_EXPORT_FORMATS).default('yaml'),
    /**
     * CSV only: Japanese headers and values (サイクル 決算) with the owner's name beside
     * its reference, for people and spreadsheets (the default); or the column keys and
     * codes (`cycle` `settlement`), for scripts. Both import back.
     */
    headers: z.enum(CSV_HEADER_STYLES).default('ja'),
    cycle: listOf(z.enum(CYCLES)).optional(),
    owner: listOf(z.string().min(1).max(255)).optional(),
    status: listOf(z.enum(ENTRY_STATUSES)).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict();

/**
 * Query of `POST /import`. The body is the file itself (YAML or CSV text).
 *
 * @public
 */
export const importQuerySchema = z
  .object({
    format: z.enum(IMPORT_EXPORT_FORMATS),
    dryRun: z
      .enum(['true', 'false'])
      .default('true')
      .transform(v => v === 'true'),
  })
  .strict();

/**
 * The count of each status of a list, all zero: what an empty list counts.
 *
 * @public
 */
export function zeroCounts<S extends string>(
  statuses: readonly S[],
): Record<S, number> {
  return Object.fromEntries(statuses.map(s => [s, 0])) as Record<S, number>;
}
