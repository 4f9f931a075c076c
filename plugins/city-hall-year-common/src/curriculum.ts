import { z } from 'zod';
import { CURRICULUM_LIMITS, ENTRY_LIMITS as L, MAX_VERSION } from './limits';
import { fiscalYearParamSchema } from './query';
import { bilingualTextSchema, slugSchema, type Entry } from './schema';
import type { Occurrence } from './timing';

/**
 * One step of a curriculum: a link to an entry by its permalink (slug), and why the
 * step is in the course. The entry's own text is never copied into the curriculum.
 */
export const curriculumStepSchema = z
  .object({
    entry: slugSchema,
    note: bilingualTextSchema(L.noteLength).optional(),
  })
  .strict();

/** A step of a curriculum. */
export type CurriculumStep = z.output<typeof curriculumStepSchema>;

/** The fields of a curriculum that HR writes: an ordered path through the year. */
export const curriculumInputSchema = z
  .object({
    slug: slugSchema,
    title: bilingualTextSchema(L.titleLength),
    /** Who the course is for: 新規採用職員, 新任係長 … */
    audience: bilingualTextSchema(L.summaryLength),
    description: bilingualTextSchema(L.markdownLength).optional(),
    steps: z
      .array(curriculumStepSchema)
      .min(1)
      .max(CURRICULUM_LIMITS.steps)
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

/** The fields of a curriculum, as sent to the API. */
export type CurriculumInput = z.input<typeof curriculumInputSchema>;

/** The fields of a curriculum after defaults. */
export type CurriculumFields = z.output<typeof curriculumInputSchema>;

/** A curriculum as the API returns it. */
export interface Curriculum extends CurriculumFields {
  id: string;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** Body of `PUT /curricula/:slug`: every field and the version the change was based on. */
export const curriculumUpdateSchema = curriculumInputSchema.extend({
  version: z.number().int().min(1).max(MAX_VERSION),
});

/** Query of `GET /curricula/:slug`: the fiscal year whose dates the steps show. */
export const curriculumViewQuerySchema = z
  .object({ fy: fiscalYearParamSchema.optional() })
  .strict();

/** A step of a curriculum as a reader sees it, with the linked entry resolved. */
export interface CurriculumStepView {
  /** 1 for the first step; the `:step` of the step's permalink. */
  position: number;
  entrySlug: string;
  note?: CurriculumStep['note'];
  /**
   * The linked entry, when it exists and the reader may read it; otherwise the step
   * is shown as unavailable instead of silently disappearing from the course.
   */
  entry?: Pick<
    Entry,
    'id' | 'slug' | 'cycle' | 'title' | 'summary' | 'owner' | 'timing'
  > & { occurrences: Occurrence[] };
}

/** A curriculum with its steps resolved for one fiscal year. */
export interface CurriculumView {
  curriculum: Curriculum;
  fiscalYear: number;
  steps: CurriculumStepView[];
}

/** The curricula that link an entry, for the entry page's "used in" list. */
export interface CurriculumBacklink {
  slug: string;
  title: Curriculum['title'];
  position: number;
}
