import { z } from 'zod';
import { COURSE_LIMITS } from './limits';
import { fiscalYearParamSchema } from './query';

/**
 * The fewest people an aggregate of course progress is shown for (by department, by
 * audience, which steps are still unclear): a smaller group would point at a person.
 *
 * @public
 */
export const PROGRESS_MIN_GROUP = 3;

/**
 * Body of `PUT /courses/:slug/progress/:step`: the caller's own mark on a step.
 *
 * @public
 */
export const courseProgressInputSchema = z
  .object({
    done: z.boolean({
      required_error: 'done is required (true or false)',
      invalid_type_error: 'done must be true or false',
    }),
  })
  .strict();

/**
 * Body of `PUT /courses/:slug/progress/:step`.
 *
 * @public
 */
export type CourseProgressInput = z.input<typeof courseProgressInputSchema>;

/**
 * The `:step` of a course path: its position, 1 for the first step.
 *
 * @public
 */
export const courseStepParamSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,2}$/, 'must be a step number (1, 2, 3 …)')
  .transform(Number)
  .refine(n => n <= COURSE_LIMITS.steps, {
    message: `a course has at most ${COURSE_LIMITS.steps} steps`,
  });

/**
 * Query of `GET /courses/:slug/progress/summary`.
 *
 * @public
 */
export const progressSummaryQuerySchema = z
  .object({ fiscalYear: fiscalYearParamSchema.optional() })
  .strict();

/**
 * A step the learner marked 「このステップを終えた」.
 *
 * @public
 */
export interface CourseStepDone {
  position: number;
  entrySlug: string;
  doneAt: string;
}

/**
 * One learner's progress through a course, by the course's steps as they are now: a
 * mark follows the step's entry when HR reorders the course, and a step taken out
 * no longer counts.
 *
 * @public
 */
export interface CourseProgress {
  course: string;
  title: { ja: string; en?: string };
  /** How many steps the course has. */
  steps: number;
  /** The steps done, in course order. */
  done: CourseStepDone[];
  finished: boolean;
  /** Where to continue: the first step not done yet; absent once finished. */
  next?: {
    position: number;
    entrySlug: string;
    /** The step's entry title, when the learner may read the entry. */
    title?: { ja: string; en?: string };
  };
  /** The first and the latest mark that still counts. */
  startedAt?: string;
  lastDoneAt?: string;
}

/**
 * Answer of `GET /course-progress`: the courses the caller has started.
 *
 * @public
 */
export interface MyCourseProgress {
  /** Unfinished courses first, the most recently followed first. */
  items: CourseProgress[];
}

/**
 * How many learners started a course, and how many of them finished it.
 *
 * @public
 */
export interface ProgressCounts {
  started: number;
  finished: number;
}

/**
 * A step of a course in HR's summary.
 *
 * @public
 */
export interface ProgressStepSummary {
  position: number;
  entrySlug: string;
  title?: { ja: string; en?: string };
  /** Learners who marked the step done. */
  done: number;
  /**
   * Learners whose current 「わかった / まだモヤモヤする」 answer on the step's entry (for
   * the fiscal year) is still unclear; absent while fewer than
   * {@link PROGRESS_MIN_GROUP} learners started.
   */
  unclear?: number;
}

/**
 * One learner in HR's summary.
 *
 * @public
 */
export interface ProgressLearner {
  user: string;
  /** The learner's Groups in the catalog. */
  departments: string[];
  done: number;
  finished: boolean;
  startedAt: string;
  lastDoneAt: string;
}

/**
 * Answer of `GET /courses/:slug/progress/summary` (HR): the cohort of learners who
 * started the course in a fiscal year, counted by step, department and audience.
 *
 * @public
 */
export interface CourseProgressSummary {
  course: string;
  title: { ja: string; en?: string };
  fiscalYear: number;
  steps: number;
  /** Groups smaller than this are not shown (see {@link PROGRESS_MIN_GROUP}). */
  minGroupSize: number;
  total: ProgressCounts;
  /** In course order. */
  bySteps: ProgressStepSummary[];
  /** The departments with at least `minGroupSize` learners, most learners first. */
  departments: Array<ProgressCounts & { group: string }>;
  /** How many departments had learners but too few to be shown. */
  hiddenDepartments: number;
  /** The audiences named in config; `counts` is absent for a group too small to show. */
  audiences: Array<{
    id: string;
    title: { ja: string; en?: string };
    counts?: ProgressCounts;
  }>;
  /** Each learner's progress; HR editors see individuals, others never. */
  learners: ProgressLearner[];
}
