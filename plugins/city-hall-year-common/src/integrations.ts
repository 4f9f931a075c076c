import { mineParamSchema } from './participation';
import { z } from 'zod';
import { FEED_TOKEN_LIMITS, MAX_VERSION } from './limits';
import { fiscalYearParamSchema } from './query';
import {
  CYCLES,
  slugSchema,
  type Cycle,
  type Entry,
  type EntryFields,
} from './schema';
import type { RevisionAction } from './api';

/**
 * A calendar feed token of the signed-in user, as listed; the secret is never shown again.
 *
 * @public
 */
export interface FeedToken {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt?: string;
}

/**
 * A newly created feed token: the only time its secret is returned.
 *
 * @public
 */
export interface CreatedFeedToken extends FeedToken {
  token: string;
}

/**
 * Body of `POST /feed-tokens`.
 *
 * @public
 */
export const feedTokenInputSchema = z
  .object({
    label: z.string().trim().min(1).max(FEED_TOKEN_LIMITS.labelLength),
  })
  .strict();

/**
 * Query of `GET /feeds/calendar.ics`. The feed token authenticates (calendar apps
 * cannot send Backstage tokens); the other keys choose what the feed holds: everything
 * published, one department, one cycle, one course or one entry.
 *
 * @public
 */
export const feedQuerySchema = z
  .object({
    /** Checked by the server; a missing or wrong token is answered with 401. */
    token: z.string().max(200).optional(),
    owner: z.string().min(1).max(255).optional(),
    cycle: z.enum(CYCLES).optional(),
    course: slugSchema.optional(),
    /** The old name of `course`, kept so that subscribed calendars keep working. */
    curriculum: slugSchema.optional(),
    entry: slugSchema.optional(),
    /** The first fiscal year; the feed holds it and the next one. */
    fy: fiscalYearParamSchema.optional(),
    /** Only the steps of the token holder's own year (あなたの一年), as the year view's `mine`. */
    mine: mineParamSchema.optional(),
  })
  .strict()
  .refine(q => !(q.course && q.curriculum), {
    message: 'give the course as `course` only (`curriculum` is its old name)',
    path: ['curriculum'],
  })
  .transform(({ curriculum, ...query }) => ({
    ...query,
    course: query.course ?? curriculum,
  }));

/**
 * Parsed query of the calendar feed.
 *
 * @public
 */
export type FeedQuery = z.output<typeof feedQuerySchema>;

/**
 * What changed in one entry since the reader last looked.
 *
 * @public
 */
export interface EntryChangeSince {
  entryId: string;
  slug: string;
  title: Entry['title'];
  cycle: Cycle;
  /** The department that owns the entry (and made or received the change). */
  owner: string;
  actions: RevisionAction[];
  changedFields: string[];
  changedBy: string[];
  lastChangedAt: string;
}

/**
 * Answer of `GET /changes`: what changed since the reader's last look.
 *
 * @public
 */
export interface ChangesSince {
  /** When the reader last marked the year as seen; absent on a first visit. */
  lastSeenAt?: string;
  changes: EntryChangeSince[];
}

/**
 * Body of `POST /last-seen`: the moment the reader saw (defaults to now; never in the future).
 *
 * @public
 */
export const lastSeenInputSchema = z
  .object({ at: z.string().datetime().optional() })
  .strict();

/**
 * An entry whose owner Group is no longer in the catalog.
 *
 * @public
 */
export interface OrphanedEntry {
  id: string;
  slug: string;
  title: Entry['title'];
  cycle: Cycle;
  owner: string;
  version: number;
}

/**
 * Answer of `GET /handover`: orphaned entries grouped by the vanished owner.
 *
 * @public
 */
export interface HandoverReport {
  checkedAt: string;
  orphans: Array<{ owner: string; entries: OrphanedEntry[] }>;
}

/**
 * Body of `POST /handover`: each orphaned entry to its new owner, all or nothing.
 *
 * @public
 */
export const handoverInputSchema = z
  .object({
    moves: z
      .array(
        z
          .object({
            entry: z.string().min(1).max(80),
            version: z.number().int().min(1).max(MAX_VERSION),
            owner: z.string().min(1).max(255),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();

/**
 * Confirmation of one department's entries for a fiscal year, for HR's overview.
 *
 * @public
 */
export interface DepartmentConfirmation {
  owner: string;
  total: number;
  confirmed: number;
  unconfirmed: Array<Pick<Entry, 'id' | 'slug' | 'title' | 'cycle'>>;
}

/**
 * Answer of `GET /confirmations/:fy`.
 *
 * @public
 */
export interface ConfirmationOverview {
  fiscalYear: number;
  departments: DepartmentConfirmation[];
}

/**
 * Why a versioned content update left an entry or a course as it is: a person
 * edited it since it was loaded, its owners confirmed it as it stands, it was
 * deleted, its slug is taken by something else, or it changed while the update ran.
 *
 * @public
 */
export type ContentUpdateSkipReason =
  | 'edited'
  | 'confirmed'
  | 'deleted'
  | 'slugTaken'
  | 'changedMeanwhile';

/**
 * An entry or course a content update wrote.
 *
 * @public
 */
export interface ContentUpdateItem {
  slug: string;
  title: { ja: string; en?: string };
  /** The fields that changed; every field for a new one. */
  changedFields: string[];
}

/**
 * An entry or course a content update did not touch, and what it would have written.
 *
 * @public
 */
export interface ContentUpdateSkip extends ContentUpdateItem {
  reason: ContentUpdateSkipReason;
  /** Who last changed it, and when (absent when nobody did, e.g. a taken slug). */
  lastChangedBy?: string;
  lastChangedAt?: string;
  /** The shipped fields of an entry, for comparing with what the department wrote. */
  shipped?: EntryFields;
}

/**
 * What one versioned content update did to this database, once.
 *
 * @public
 */
export interface ContentUpdateReport {
  name: string;
  appliedAt: string;
  entries: {
    created: ContentUpdateItem[];
    updated: ContentUpdateItem[];
    skipped: ContentUpdateSkip[];
  };
  courses: {
    created: ContentUpdateItem[];
    updated: ContentUpdateItem[];
    skipped: ContentUpdateSkip[];
  };
}

/**
 * Answer of `GET /content-updates`: the updates applied here, newest first.
 *
 * @public
 */
export interface ContentUpdateList {
  items: ContentUpdateReport[];
}
