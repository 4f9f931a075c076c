import { z } from 'zod';
import type { Entry, Participant, ParticipantRole } from './schema';

/**
 * Why a step is in a person's year (あなたの一年), strongest first: they own it through
 * one of their Groups; a Group of theirs is named among its participants; their role
 * (managers, unit chiefs) takes part; every section takes part and they belong to
 * one; everyone on staff takes part; it is a milestone of their first year.
 *
 * @public
 */
export const MY_REASONS = [
  'owner',
  'group',
  'role',
  'section',
  'everyone',
  'firstYear',
] as const;

/**
 * Why a step is in a person's year; see {@link MY_REASONS}.
 *
 * @public
 */
export type MyReason = (typeof MY_REASONS)[number];

/**
 * What a person's part in a step is: the participant that makes it theirs, and its note.
 *
 * @public
 */
export interface MyNote {
  reason: MyReason;
  /** The role that takes part, for a note of a role (`sections`, `unitChiefs` …). */
  role?: ParticipantRole;
  /** The Group that takes part, for a note of a Group. */
  group?: string;
  note: { ja: string; en?: string };
}

/**
 * How a step is the caller's, as `GET /years/:fy?mine=true` gives it per occurrence.
 *
 * @public
 */
export interface MyPart {
  /** Every reason that applies, strongest first. */
  reasons: MyReason[];
  /** The notes of the participants that make it theirs, in the entry's order. */
  notes: MyNote[];
}

/**
 * Who a person is, as far as their year goes: the Groups they own steps through (their
 * own and the ones above them), the Groups they are a member of, their roles, and
 * whether they are a new hire in the fiscal year asked for.
 *
 * @public
 */
export interface PersonalContext {
  /** Ownership claims: the person's Groups and the Groups above them, lower case. */
  claims: string[];
  /** The Groups the person is a member of, lower case; none means no section. */
  groups: string[];
  roles: Array<Extract<ParticipantRole, 'managers' | 'unitChiefs'>>;
  /** Whether the person joined in the fiscal year the view is for. */
  newHire: boolean;
}

/** The reason a participant gives a person, or none when it does not concern them. */
function reasonOf(
  participant: Participant,
  me: PersonalContext,
): MyReason | undefined {
  if ('group' in participant) {
    return me.claims.includes(participant.group) ? 'group' : undefined;
  }
  switch (participant.role) {
    case 'everyone':
      return 'everyone';
    case 'sections':
      return me.groups.length > 0 ? 'section' : undefined;
    case 'concernedSections':
      // Which sections are concerned is not known before the step.
      return undefined;
    case 'managers':
    case 'unitChiefs':
      return me.roles.includes(participant.role) ? 'role' : undefined;
    case 'newHires':
      return me.newHire ? 'firstYear' : undefined;
    default:
      return undefined;
  }
}

/**
 * How a step is a person's in a fiscal year, or `undefined` when it is not: the one
 * rule of the personal view, its home-page widget and its calendar feed.
 *
 * @public
 */
export function partOf(
  entry: Pick<Entry, 'owner' | 'participants'>,
  me: PersonalContext,
): MyPart | undefined {
  const reasons = new Set<MyReason>();
  if (me.claims.includes(entry.owner)) reasons.add('owner');
  const notes: MyNote[] = [];
  for (const participant of entry.participants ?? []) {
    const reason = reasonOf(participant, me);
    if (!reason) continue;
    reasons.add(reason);
    if (participant.note) {
      notes.push({
        reason,
        ...('group' in participant
          ? { group: participant.group }
          : { role: participant.role }),
        note: participant.note,
      });
    }
  }
  if (reasons.size === 0) return undefined;
  return {
    reasons: MY_REASONS.filter(r => reasons.has(r)),
    notes,
  };
}

/**
 * The `mine` query parameter of the year view and the calendar feed: `true` or `false`.
 *
 * @public
 */
export const mineParamSchema = z
  .enum(['true', 'false'], {
    errorMap: () => ({ message: "mine must be 'true' or 'false'" }),
  })
  .transform(v => v === 'true');

/**
 * Query of `GET /years/:fiscalYear`: `mine=true` for the caller's own year.
 *
 * @public
 */
export const yearQuerySchema = z
  .object({ mine: mineParamSchema.optional() })
  .strict();
