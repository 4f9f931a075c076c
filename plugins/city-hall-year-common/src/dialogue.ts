import { z } from 'zod';
import { DIALOGUE_LIMITS as L, MAX_VERSION } from './limits';

const version = z
  .number({ required_error: 'version is required' })
  .int()
  .min(1)
  .max(MAX_VERSION);

const body = (required: boolean) =>
  required
    ? z.string().trim().min(1).max(L.bodyLength)
    : z.string().trim().max(L.bodyLength);

/**
 * Body of `POST /entries/:idOrSlug/questions`: a short title and a Markdown body.
 * `anonymous` asks without showing one's name to the department and other readers;
 * the asker still sees and edits the question, and HR editors can see who asked.
 *
 * @public
 */
export const questionInputSchema = z
  .object({
    title: z.string().trim().min(1).max(L.titleLength),
    body: body(false).default(''),
    anonymous: z.boolean().default(false),
  })
  .strict();

/**
 * Body of `POST /entries/:idOrSlug/questions`.
 *
 * @public
 */
export type QuestionInput = z.input<typeof questionInputSchema>;

/**
 * Body of `PUT /questions/:id`: the asker rewords the question, a full replace with
 * nothing left to defaults (a left-out `anonymous` must not name the asker again),
 * and the version it was based on.
 *
 * @public
 */
export const questionUpdateSchema = z
  .object({
    title: questionInputSchema.shape.title,
    body: body(false),
    anonymous: z.boolean({ required_error: 'anonymous is required' }),
    version,
  })
  .strict();

/**
 * Body of `PUT /questions/:id`.
 *
 * @public
 */
export type QuestionUpdateInput = z.input<typeof questionUpdateSchema>;

/**
 * Body of `POST /questions/:id/answers` and `/comments`: Markdown text.
 *
 * @public
 */
export const answerInputSchema = z.object({ body: body(true) }).strict();

/**
 * Body of `POST /questions/:id/answers` and `/comments`.
 *
 * @public
 */
export type AnswerInput = z.input<typeof answerInputSchema>;

/**
 * Body of `PUT /answers/:id`: the new text and the version it was based on.
 *
 * @public
 */
export const answerUpdateSchema = answerInputSchema.extend({ version });

/**
 * Body of `POST /questions/:id/resolve`: the answer that settled the question.
 *
 * @public
 */
export const resolveQuestionSchema = z
  .object({ answerId: z.string().uuid('must be the id of an answer') })
  .strict();

/**
 * An answer by the entry's owners or HR (`answer`), or a comment by another reader
 * (`comment`): only answers can settle a question.
 *
 * @public
 */
export const ANSWER_KINDS = ['answer', 'comment'] as const;

/**
 * Whether a reply is an answer or a comment.
 *
 * @public
 */
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/**
 * A reply to a question, as the API returns it.
 *
 * @public
 */
export interface Answer {
  id: string;
  questionId: string;
  kind: AnswerKind;
  body: string;
  /**
   * The user who wrote it (entity ref; the UI shows the display name). Absent when the
   * asker of an anonymous question wrote it and the caller may not know who that is.
   */
  author?: string;
  /** Written by the question's asker. */
  byAsker: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set when HR hid it; only moderators see hidden replies. */
  deletedAt?: string;
}

/**
 * A question on an entry, as the API returns it to one caller.
 *
 * @public
 */
export interface Question {
  id: string;
  entryId: string;
  entrySlug: string;
  title: string;
  body: string;
  /** Asked without showing the asker's name to the department and other readers. */
  anonymous: boolean;
  /**
   * Who asked (entity ref). Absent when the question is anonymous and the caller is
   * neither the asker nor a moderator: nothing in the answer then names the asker.
   */
  askedBy?: string;
  /** Whether the caller asked it. */
  mine: boolean;
  status: QuestionStatus;
  /** The answer that settled it, when resolved. */
  resolvedAnswerId?: string;
  resolvedBy?: string;
  resolvedAt?: string;
  /** The item of the entry's FAQ that was made from this question, if any. */
  faqId?: string;
  /** How many marked 「同じ疑問」, and whether the caller did. */
  meToo: { count: number; mine: boolean };
  answers: Answer[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set when deleted; only moderators see deleted questions. */
  deletedAt?: string;
}

/**
 * What the caller may do with the questions of an entry (the UI hides the rest).
 *
 * @public
 */
export interface QuestionAbilities {
  ask: boolean;
  answer: boolean;
  moderate: boolean;
}

/**
 * Whether a question is still waiting for the answer that settles it.
 *
 * @public
 */
export const QUESTION_STATUSES = ['open', 'resolved'] as const;

/**
 * A status of {@link QUESTION_STATUSES}.
 *
 * @public
 */
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/**
 * Query of `GET /entries/:idOrSlug/questions`: a page of the questions, newest first,
 * all or only the open or the resolved ones.
 *
 * @public
 */
export const questionListQuerySchema = z
  .object({
    status: z.enum(QUESTION_STATUSES).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(L.maxQuestionsPerPage)
      .default(L.questionsPerPage),
  })
  .strict();

/**
 * Query of `GET /entries/:idOrSlug/questions`, as the client sends it.
 *
 * @public
 */
export type QuestionListQuery = z.input<typeof questionListQuerySchema>;

/**
 * Answer of `GET /entries/:idOrSlug/questions`.
 *
 * @public
 */
export interface QuestionList {
  /** The page asked for, newest first. */
  items: Question[];
  /** The questions the list holds over all pages (of the status asked for). */
  totalCount: number;
  /** Open and resolved questions of the entry, whatever the status asked for. */
  counts: Record<QuestionStatus, number>;
  abilities: QuestionAbilities;
}

/**
 * The signals channel on which an entry's open pages hear that its questions, answers
 * or FAQ changed (`{ entryId, event }`; the page then reads them again).
 *
 * @public
 */
export function dialogueChannel(entryId: string): string {
  return `city-hall-year:dialogue:${entryId}`;
}
