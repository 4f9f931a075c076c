import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  PROPOSAL_STATUSES,
  zeroCounts,
  type Entry,
  type EntryFields,
  type ProposalEvent,
  type ProposalEventKind,
  type ProposalStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { DatabaseEntryStore } from './DatabaseEntryStore';
import type { ChangeContext, EntryChange } from './EntryStore';
import { filteredEntries } from './entryRows';
import type {
  ProposalFields,
  ProposalFilter,
  ProposalStore,
  ProposalTransition,
  StoredProposal,
} from './ProposalStore';
import { slices } from './slices';

const PROPOSALS = 'city_hall_year_proposals';
const EVENTS = 'city_hall_year_proposal_events';

interface ProposalRow {
  id: string;
  entry_id: string;
  status: string;
  fields: string;
  based_on_version: number;
  reason: string;
  proposed_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  accepted_revision: number | null;
}

interface EventRow {
  proposal_id: string;
  seq: number;
  kind: string;
  actor: string;
  at: string;
  comment: string | null;
  fields: string | null;
}

function toEvent(row: EventRow): ProposalEvent {
  return {
    kind: row.kind as ProposalEventKind,
    actor: row.actor,
    at: row.at,
    ...(row.comment ? { comment: row.comment } : {}),
  };
}

function toProposal(row: ProposalRow, events: EventRow[]): StoredProposal {
  return {
    id: row.id,
    entryId: row.entry_id,
    status: row.status as ProposalStatus,
    fields: JSON.parse(row.fields) as EntryFields,
    basedOnVersion: Number(row.based_on_version),
    reason: row.reason,
    proposedBy: row.proposed_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    ...(row.accepted_revision !== null && row.accepted_revision !== undefined
      ? { acceptedRevision: Number(row.accepted_revision) }
      : {}),
    events: events.sort((a, b) => Number(a.seq) - Number(b.seq)).map(toEvent),
  };
}

/** Knex implementation of {@link ProposalStore}, on SQLite or PostgreSQL. */
export class DatabaseProposalStore implements ProposalStore {
  constructor(private readonly db: Knex) {}

  async create(
    entryId: string,
    input: ProposalFields,
    change: ChangeContext,
  ): Promise<StoredProposal> {
    const id = randomUUID();
    await this.db.transaction(async tx => {
      await tx<ProposalRow>(PROPOSALS).insert({
        id,
        entry_id: entryId,
        status: 'open',
        fields: JSON.stringify(input.fields),
        based_on_version: input.basedOnVersion,
        reason: input.reason,
        proposed_by: change.actor,
        created_at: change.at,
        updated_at: change.at,
        version: 1,
        accepted_revision: null,
      });
      await this.insertEvent(tx, id, 1, 'proposed', change, {
        comment: input.reason,
        fields: input.fields,
      });
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<StoredProposal | undefined> {
    return this.getIn(this.db, id);
  }

  async list(filter: ProposalFilter, page: { offset: number; limit: number }) {
    const scoped = () => {
      const query = this.db<ProposalRow>(PROPOSALS);
      if (filter.entryId) query.where('entry_id', filter.entryId);
      if (filter.proposedBy) query.where('proposed_by', filter.proposedBy);
      if (filter.entries) {
        // The entries' own filter, the caller's read criteria included, as a subquery.
        query.whereIn(
          'entry_id',
          filteredEntries(this.db, filter.entries).select('id'),
        );
      }
      return query;
    };
    const countRows = (await scoped()
      .groupBy('status')
      .select('status')
      .count({ n: '*' })) as Array<{ status: string; n: unknown }>;
    const counts = zeroCounts(PROPOSAL_STATUSES);
    for (const row of countRows) {
      counts[row.status as ProposalStatus] = Number(row.n);
    }
    const query = scoped();
    if (filter.status) query.where('status', filter.status);
    const rows = (await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .offset(page.offset)
      .limit(page.limit)) as ProposalRow[];
    const events = await this.eventsOf(
      this.db,
      rows.map(r => r.id),
    );
    return {
      items: rows.map(r => toProposal(r, events.get(r.id) ?? [])),
      totalCount: filter.status
        ? counts[filter.status]
        : Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
    };
  }

  async transition(
    id: string,
    step: ProposalTransition,
    change: ChangeContext,
  ): Promise<StoredProposal> {
    return this.db.transaction(tx => this.transitionIn(tx, id, step, change));
  }

  async accept(
    id: string,
    step: Omit<ProposalTransition, 'status' | 'kind' | 'revised'>,
    entryChange: { entryId: string; fields: EntryFields; change: EntryChange },
  ): Promise<{ proposal: StoredProposal; entry: Entry }> {
    return this.db.transaction(async tx => {
      // Checked first, so that a proposal settled meanwhile changes no entry.
      await this.current(tx, id, step);
      const entry = await DatabaseEntryStore.inTransaction(tx).updateEntry(
        entryChange.entryId,
        entryChange.fields,
        { ...entryChange.change, proposalId: id },
      );
      const proposal = await this.transitionIn(
        tx,
        id,
        { ...step, status: 'accepted', kind: 'accepted' },
        entryChange.change,
        entry.version,
      );
      return { proposal, entry };
    });
  }

  private async current(
    tx: Knex.Transaction,
    id: string,
    step: Pick<ProposalTransition, 'expectedVersion' | 'from'>,
  ): Promise<ProposalRow> {
    const row = await tx<ProposalRow>(PROPOSALS).where({ id }).first();
    if (!row) throw new NotFoundError(`No proposal '${id}'`);
    const version = Number(row.version);
    if (
      step.expectedVersion !== undefined &&
      step.expectedVersion !== version
    ) {
      throw new ConflictError(
        `Proposal '${id}' is at version ${version}, not ${step.expectedVersion}: it was changed meanwhile`,
      );
    }
    if (!step.from.includes(row.status as ProposalStatus)) {
      throw new ConflictError(`Proposal '${id}' is already ${row.status}`);
    }
    return row;
  }

  private async transitionIn(
    tx: Knex.Transaction,
    id: string,
    step: ProposalTransition,
    change: ChangeContext,
    acceptedRevision?: number,
  ): Promise<StoredProposal> {
    const row = await this.current(tx, id, step);
    const version = Number(row.version);
    const updated = await tx<ProposalRow>(PROPOSALS)
      .where({ id, version })
      .update({
        status: step.status,
        updated_at: change.at,
        version: version + 1,
        ...(step.revised
          ? {
              fields: JSON.stringify(step.revised.fields),
              based_on_version: step.revised.basedOnVersion,
              reason: step.revised.reason,
            }
          : {}),
        ...(acceptedRevision !== undefined
          ? { accepted_revision: acceptedRevision }
          : {}),
      });
    if (updated !== 1) {
      throw new ConflictError(`Proposal '${id}' was changed meanwhile`);
    }
    const [{ last }] = (await tx<EventRow>(EVENTS)
      .where({ proposal_id: id })
      .max({ last: 'seq' })) as Array<{ last: unknown }>;
    await this.insertEvent(tx, id, Number(last ?? 0) + 1, step.kind, change, {
      comment: step.revised?.reason ?? step.comment,
      fields: step.revised?.fields,
    });
    return (await this.getIn(tx, id))!;
  }

  private async insertEvent(
    tx: Knex.Transaction,
    proposalId: string,
    seq: number,
    kind: ProposalEventKind,
    change: ChangeContext,
    extra: { comment?: string; fields?: EntryFields },
  ) {
    await tx<EventRow>(EVENTS).insert({
      proposal_id: proposalId,
      seq,
      kind,
      actor: change.actor,
      at: change.at,
      comment: extra.comment ?? null,
      fields: extra.fields ? JSON.stringify(extra.fields) : null,
    });
  }

  private async getIn(
    db: Knex,
    id: string,
  ): Promise<StoredProposal | undefined> {
    const row = await db<ProposalRow>(PROPOSALS).where({ id }).first();
    if (!row) return undefined;
    const events = await this.eventsOf(db, [id]);
    return toProposal(row, events.get(id) ?? []);
  }

  private async eventsOf(
    db: Knex,
    ids: string[],
  ): Promise<Map<string, EventRow[]>> {
    const result = new Map<string, EventRow[]>();
    for (const slice of slices(ids)) {
      const rows = (await db<EventRow>(EVENTS)
        .whereIn('proposal_id', slice)
        .select(
          'proposal_id',
          'seq',
          'kind',
          'actor',
          'at',
          'comment',
        )) as EventRow[];
      for (const row of rows) {
        result.set(row.proposal_id, [
          ...(result.get(row.proposal_id) ?? []),
          row,
        ]);
      }
    }
    return result;
  }
}
