import { z } from 'zod';
import { IDEA_LIMITS as L, MAX_VERSION } from './limits';
import { groupRefSchema, type EntryFields } from './schema';

/**
 * What an idea says of a step: it could be simpler, done differently, or stopped
 * (簡素化できる・やり方を変えられる・やめられる).
 *
 * @public
 */
export const IDEA_SUGGESTIONS = ['simplify', 'change', 'stop'] as const;

/**
 * What an idea says of a step.
 *
 * @public
 */
export type IdeaSuggestion = (typeof IDEA_SUGGESTIONS)[number];

/**
 * Where an idea stands with the review office: 受付 (received), 検討中 (considering),
 * 採用 (adopted), 見送り (declined).
 *
 * @public
 */
export const IDEA_STATUSES = [
  'received',
  'considering',
  'adopted',
  'declined',
] as const;

/**
 * Where an idea stands.
 *
 * @public
 */
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/**
 * A process-review idea (業務見直しの提案) on an entry: that its step could be simpler,
 * done differently or stopped, and why. It reaches the owner Group and the review
 * office (`cityHallYear.reviewGroups`), which answers it in public.
 *
 * @public
 */
export interface Idea {
  id: string;
  entryId: string;
  entrySlug: string;
  entryTitle: EntryFields['title'];
  /** The entry's owner Group. */
  owner: string;
  suggestion: IdeaSuggestion;
  body: string;
  /** Whether the author asked not to be named to the department and other readers. */
  anonymous: boolean;
  /** Absent when anonymous, except to the author and the review office. */
  author?: string;
  /** Whether the caller wrote it. */
  mine: boolean;
  status: IdeaStatus;
  /** The review office's public answer. */
  answer?: string;
  answeredBy?: string;
  answeredAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  abilities: { answer: boolean };
}

/**
 * The count of each status.
 *
 * @public
 */
export type IdeaCounts = Record<IdeaStatus, number>;

/**
 * A page of ideas, newest first, with the counts of the same scope.
 *
 * @public
 */
export interface IdeaList {
  items: Idea[];
  totalCount: number;
  counts: IdeaCounts;
  /** Per owner Group, the count of each status (`GET /ideas`). */
  byOwner?: Array<{ owner: string; counts: IdeaCounts }>;
  abilities: { submit: boolean; answer: boolean };
}

/**
 * Body of `POST /entries/:idOrSlug/ideas`.
 *
 * @public
 */
export const ideaInputSchema = z
  .object({
    suggestion: z.enum(IDEA_SUGGESTIONS).default('simplify'),
    body: z
      .string({ required_error: 'body is required' })
      .trim()
      .min(1, 'body must not be empty')
      .max(L.bodyLength),
    anonymous: z.boolean().default(false),
  })
  .strict();

/**
 * Body of `POST /entries/:idOrSlug/ideas`.
 *
 * @public
 */
export type IdeaInput = z.input<typeof ideaInputSchema>;

/**
 * Body of `PUT /ideas/:id/status`: the review office's status and public answer (an
 * answer is required beyond 受付), on the idea's version.
 *
 * @public
 */
export const ideaStatusSchema = z
  .object({
    status: z.enum(IDEA_STATUSES),
    answer: z.string().trim().max(L.answerLength).default(''),
    version: z
      .number({ required_error: 'version is required' })
      .int()
      .min(1)
      .max(MAX_VERSION),
  })
  .strict()
  .refine(b => b.status === 'received' || b.answer.length > 0, {
    message: 'an answer is required for this status',
    path: ['answer'],
  });

/**
 * Body of `PUT /ideas/:id/status`.
 *
 * @public
 */
export type IdeaStatusInput = z.input<typeof ideaStatusSchema>;

/**
 * Query of `GET /ideas`: an owner Group, a status, paging, and `format=csv`.
 *
 * @public
 */
export const ideaListQuerySchema = z
  .object({
    owner: groupRefSchema.optional(),
    status: z.enum(IDEA_STATUSES).optional(),
    format: z.enum(['json', 'csv']).default('json'),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(L.maxIdeasPerPage)
      .default(L.ideasPerPage),
  })
  .strict();

/**
 * Query of `GET /ideas`, as the client sends it.
 *
 * @public
 */
export type IdeaListQuery = z.input<typeof ideaListQuerySchema>;

/**
 * Query of `GET /entries/:idOrSlug/ideas`.
 *
 * @public
 */
export const entryIdeaListQuerySchema = ideaListQuerySchema.pick({
  status: true,
  offset: true,
  limit: true,
});
