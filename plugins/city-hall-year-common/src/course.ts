import { z } from 'zod';
import { COURSE_LIMITS, ENTRY_LIMITS as L, MAX_VERSION } from './limits';
import { fiscalYearParamSchema } from './query';
import {
  bilingualTextSchema,
  slugSchema,
  type Entry,
  type StoredRecord,
} from './schema';
import type { Occurrence } from './timing';

/**
 * One step of a course: a link to an entry by its permalink (slug), and why the
 * step is in the course. The entry's own text is never copied into the course.
 *
 * @public
 */
export const courseStepSchema = z
  .object({
    entry: slugSchema,
    note: bilingualTextSchema(L.noteLength).optional(),
  })
  .strict();

/**
 * A step of a course.
 *
 * @public
 */
export type CourseStep = z.output<typeof courseStepSchema>;

/**
 * The fields of a course that HR writes: an ordered path through the year.
 *
 * @public
 */
export const courseInputSchema = z
  .object({
    slug: slugSchema,
    title: bilingualTextSchema(L.titleLength),
    /** Who the course is for: 新規採用職員, 新任係長 … */
    audience: bilingualTextSchema(L.summaryLength),
    description: bilingualTextSchema(L.markdownLength).optional(),
    steps: z
      .array(courseStepSchema)
      .min(1)
      .max(COURSE_LIMITS.steps)
      .superRefine((steps, ctx) => {
        const seen = new Set<string>();
        steps.forEach((step, i) => {
          if (seen.has(step.entry)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `entry '${step.entry}' is already step ${
                [...seen].indexOf(step.entry) + 1
              }`,
              path: [i, 'entry'],
            });
          }
          seen.add(step.entry);
        });
      }),
  })
  .strict();

/**
 * The fields of a course, as sent to the API.
 *
 * @public
 */
export type CourseInput = z.input<typeof courseInputSchema>;

/**
 * The fields of a course after defaults.
 *
 * @public
 */
export type CourseFields = z.output<typeof courseInputSchema>;

/**
 * A course as the API returns it.
 *
 * @public
 */
export interface Course extends CourseFields, StoredRecord {}

/**
 * Body of `PUT /courses/:slug`: every field and the version the change was based on.
 *
 * @public
 */
export const courseUpdateSchema = courseInputSchema.extend({
  version: z.number().int().min(1).max(MAX_VERSION),
});

/**
 * Query of `GET /courses/:slug`: the fiscal year whose dates the steps show.
 *
 * @public
 */
export const courseViewQuerySchema = z
  .object({ fy: fiscalYearParamSchema.optional() })
  .strict();

/**
 * A step of a course as a reader sees it, with the linked entry resolved.
 *
 * @public
 */
export interface CourseStepView {
  /** 1 for the first step; the `:step` of the step's permalink. */
  position: number;
  entrySlug: string;
  note?: CourseStep['note'];
  /**
   * The linked entry, when it exists and the reader may read it; otherwise the step
   * is shown as unavailable instead of silently disappearing from the course.
   */
  entry?: Pick<
    Entry,
    'id' | 'slug' | 'cycle' | 'title' | 'summary' | 'owner' | 'timing'
  > & { occurrences: Occurrence[] };
}

/**
 * A course with its steps resolved for one fiscal year.
 *
 * @public
 */
export interface CourseView {
  course: Course;
  fiscalYear: number;
  steps: CourseStepView[];
}

/**
 * The courses that link an entry, for the entry page's "used in" list.
 *
 * @public
 */
export interface CourseBacklink {
  slug: string;
  title: Course['title'];
  position: number;
}
