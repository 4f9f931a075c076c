import { z } from 'zod';
import { MAX_VERSION, PROPOSAL_LIMITS as L } from './limits';
import { entryInputSchema, groupRefSchema, type EntryFields } from './schema';

const version = z
  .number({ required_error: 'version is required' })
  .int()
  .min(1)
  .max(MAX_VERSION);

const text = (name: string) =>
  z
    .string({ required_error: `${name} is required` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(L.reasonLength);

/**
 * Where a change proposal stands: `open` waits for the owning department;
 * `changesRequested` waits for the proposer to revise it; `accepted`, `declined` and
 * `withdrawn` are settled.
 *
 * @public
 */
export const PROPOSAL_STATUSES = [
  'open',
  'changesRequested',
  'accepted',
  'declined',
  'withdrawn',
] as const;

/**
 * Where a change proposal stands.
 *
 * @public
 */
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * What happened to a proposal, oldest first.
 *
 * @public
 */
export type ProposalEventKind =
  | 'proposed'
  | 'revised'
  | 'changesRequested'
  | 'accepted'
  | 'declined'
  | 'withdrawn';

/**
 * One step of a proposal's life: who did what, when, and what they said.
 *
 * @public
 */
export interface ProposalEvent {
  kind: ProposalEventKind;
  actor: string;
  at: string;
  /** The reason (proposed, revised), the reviewer's comment or reason to decline. */
  comment?: string;
}

/**
 * A proposed change to an entry (変更の提案): the whole set of editable fields as the
 * proposer would have them, the version of the entry they started from, and a reason.
 * The department that owns the entry accepts it (a new revision crediting the
 * proposer), asks for changes or declines it with a reason.
 *
 * @public
 */
export interface Proposal {
  id: string;
  entryId: string;
  entrySlug: string;
  entryTitle: EntryFields['title'];
  /** The entry's owner Group now: who reviews the proposal. */
  owner: string;
  status: ProposalStatus;
  fields: EntryFields;
  /** The entry's version the proposal started from. */
  basedOnVersion: number;
  /** The entry's fields at that version: what the proposal changes from. */
  base: EntryFields;
  /** Fields the proposal changes, against {@link Proposal.base}. */
  changedFields: Array<keyof EntryFields & string>;
  /** The entry's version now. */
  entryVersion: number;
  /**
   * Fields the proposal changes that the department also changed meanwhile, to
   * something else: accepting asks which to keep. Empty once settled.
   */
  conflicts: Array<keyof EntryFields & string>;
  reason: string;
  proposedBy: string;
  createdAt: string;
  updatedAt: string;
  /** Of the proposal itself; every change of it names the version it was based on. */
  version: number;
  /** Set once accepted: the entry revision the proposal became. */
  acceptedRevision?: number;
  events: ProposalEvent[];
  /** What the caller may do with it now. */
  abilities: { review: boolean; revise: boolean };
}

/**
 * A page of proposals, newest first, with the count of each status in the same scope.
 *
 * @public
 */
export interface ProposalList {
  items: Proposal[];
  totalCount: number;
  counts: Record<ProposalStatus, number>;
  /** Whether the caller may propose a change (only on `GET /entries/:id/proposals`). */
  abilities?: { propose: boolean; review: boolean };
}

/**
 * Body of `POST /entries/:idOrSlug/proposals`: the editable fields as
 * `PUT /entries/:id` takes them, the entry's version they started from, and why.
 *
 * @public
 */
export const proposalInputSchema = z
  .object({
    fields: entryInputSchema,
    basedOnVersion: version,
    reason: text('reason'),
  })
  .strict();

/**
 * Body of `POST /entries/:idOrSlug/proposals`.
 *
 * @public
 */
export type ProposalInput = z.input<typeof proposalInputSchema>;

/**
 * Body of `PUT /proposals/:id`: the proposer revises an open proposal or one the
 * department asked to change; `version` is the proposal's.
 *
 * @public
 */
export const proposalReviseSchema = proposalInputSchema
  .extend({ version })
  .strict();

/**
 * Body of `PUT /proposals/:id`.
 *
 * @public
 */
export type ProposalReviseInput = z.input<typeof proposalReviseSchema>;

/**
 * Body of `POST /proposals/:id/accept`. Empty accepts the proposal as proposed (its
 * fields over the entry's current ones); with `fields`, the merge the reviewer chose
 * when both sides changed a field, over the entry at `entryVersion`.
 *
 * @public
 */
export const proposalAcceptSchema = z
  .object({
    version: version.optional(),
    fields: entryInputSchema.optional(),
    entryVersion: version.optional(),
  })
  .strict()
  .refine(body => !body.fields || body.entryVersion !== undefined, {
    message: 'entryVersion is required with fields',
    path: ['entryVersion'],
  });

/**
 * Body of `POST /proposals/:id/accept`.
 *
 * @public
 */
export type ProposalAcceptInput = z.input<typeof proposalAcceptSchema>;

/**
 * Body of `POST /proposals/:id/decline` and `/request-changes`: what the proposer reads.
 *
 * @public
 */
export const proposalCommentSchema = z
  .object({ comment: text('comment'), version: version.optional() })
  .strict();

/**
 * Body of `POST /proposals/:id/decline` and `/request-changes`.
 *
 * @public
 */
export type ProposalCommentInput = z.input<typeof proposalCommentSchema>;

const flag = z
  .enum(['true', 'false'])
  .transform(value => value === 'true')
  .optional();

/**
 * Query of `GET /proposals`: `owner` (a Group: the proposals its entries received),
 * `status`, `mine=true` (the caller's own proposals), paging.
 *
 * @public
 */
export const proposalListQuerySchema = z
  .object({
    owner: groupRefSchema.optional(),
    status: z.enum(PROPOSAL_STATUSES).optional(),
    mine: flag,
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(L.maxProposalsPerPage)
      .default(L.proposalsPerPage),
  })
  .strict();

/**
 * Query of `GET /proposals`, as the client sends it.
 *
 * @public
 */
export type ProposalListQuery = z.input<typeof proposalListQuerySchema>;

/**
 * Query of `GET /entries/:idOrSlug/proposals`.
 *
 * @public
 */
export const entryProposalListQuerySchema = proposalListQuerySchema.pick({
  status: true,
  offset: true,
  limit: true,
});

/**
 * Whether a proposal still waits for someone (the department or the proposer).
 *
 * @public
 */
export function isProposalPending(status: ProposalStatus): boolean {
  return status === 'open' || status === 'changesRequested';
}
