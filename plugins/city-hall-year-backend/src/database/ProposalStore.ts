import type {
  EntryFields,
  Entry,
  ProposalEvent,
  ProposalEventKind,
  ProposalStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ChangeContext, EntryChange, EntryFilter } from './EntryStore';

/** A change proposal as stored: what the API shows, before the service adds the entry's view. */
export interface StoredProposal {
  id: string;
  entryId: string;
  status: ProposalStatus;
  fields: EntryFields;
  basedOnVersion: number;
  reason: string;
  proposedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  acceptedRevision?: number;
  /** Oldest first. */
  events: ProposalEvent[];
}

/** What a proposer writes. */
export interface ProposalFields {
  fields: EntryFields;
  basedOnVersion: number;
  reason: string;
}

/** Which proposals a list shows. */
export interface ProposalFilter {
  entryId?: string;
  /** Only proposals on the live entries this filter selects (owner, permission criteria). */
  entries?: EntryFilter;
  proposedBy?: string;
  status?: ProposalStatus;
}

/** A step of a proposal: its new status, and what the actor said. */
export interface ProposalTransition {
  /** The proposal's version the step was based on; any when absent (a reviewer's empty accept). */
  expectedVersion?: number;
  /** Statuses the proposal must be in for the step. */
  from: ProposalStatus[];
  status: ProposalStatus;
  kind: ProposalEventKind;
  comment?: string;
  /** A revision by the proposer. */
  revised?: ProposalFields;
}

/**
 * Storage of change proposals. Every step is checked against the version and status
 * the caller saw, in one transaction with its event; accepting writes the entry's
 * new revision in the same transaction.
 */
export interface ProposalStore {
  create(
    entryId: string,
    fields: ProposalFields,
    change: ChangeContext,
  ): Promise<StoredProposal>;

  get(id: string): Promise<StoredProposal | undefined>;

  list(
    filter: ProposalFilter,
    page: { offset: number; limit: number },
  ): Promise<{
    items: StoredProposal[];
    totalCount: number;
    counts: Record<ProposalStatus, number>;
  }>;

  /** Moves a proposal on; a 409 when it moved meanwhile, a 400 from a wrong status. */
  transition(
    id: string,
    step: ProposalTransition,
    change: ChangeContext,
  ): Promise<StoredProposal>;

  /** Accepts a proposal: the entry's change and the proposal's step, together. */
  accept(
    id: string,
    step: Omit<ProposalTransition, 'status' | 'kind' | 'revised'>,
    entryChange: { entryId: string; fields: EntryFields; change: EntryChange },
  ): Promise<{ proposal: StoredProposal; entry: Entry }>;
}
