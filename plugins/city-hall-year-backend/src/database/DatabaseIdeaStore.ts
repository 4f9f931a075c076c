import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  IDEA_STATUSES,
  zeroCounts,
  type IdeaCounts,
  type IdeaStatus,
  type IdeaSuggestion,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { ChangeContext } from './EntryStore';
import { ENTRIES, filteredEntries } from './entryRows';
import type {
  IdeaFields,
  IdeaFilter,
  IdeaStore,
  StoredIdea,
} from './IdeaStore';

const IDEAS = 'city_hall_year_ideas';
const ANSWERS = 'city_hall_year_idea_answers';

interface IdeaRow {
  id: string;
  entry_id: string;
  suggestion: string;
  body: string;
  author: string;
  anonymous: boolean | number;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

function toIdea(row: IdeaRow): StoredIdea {
  return {
    id: row.id,
    entryId: row.entry_id,
    suggestion: row.suggestion as IdeaSuggestion,
    body: row.body,
    author: row.author,
    anonymous: Boolean(row.anonymous),
    status: row.status as IdeaStatus,
    ...(row.answer ? { answer: row.answer } : {}),
    ...(row.answered_by ? { answeredBy: row.answered_by } : {}),
    ...(row.answered_at ? { answeredAt: row.answered_at } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

/** Knex implementation of {@link IdeaStore}, on SQLite or PostgreSQL. */
export class DatabaseIdeaStore implements IdeaStore {
  constructor(private readonly db: Knex) {}

  async create(
    entryId: string,
    fields: IdeaFields,
    change: ChangeContext,
  ): Promise<StoredIdea> {
    const id = randomUUID();
    await this.db<IdeaRow>(IDEAS).insert({
      id,
      entry_id: entryId,
      suggestion: fields.suggestion,
      body: fields.body,
      author: change.actor,
      anonymous: fields.anonymous,
      status: 'received',
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: change.at,
      updated_at: change.at,
      version: 1,
    });
    return (await this.get(id))!;
  }

  async get(id: string): Promise<StoredIdea | undefined> {
    const row = await this.db<IdeaRow>(IDEAS).where({ id }).first();
    return row ? toIdea(row) : undefined;
  }

  /** The ideas of a filter, the entries' own filter applied as a subquery. */
  private scoped(filter: IdeaFilter) {
    const query = this.db<IdeaRow>(IDEAS);
    if (filter.entryId) query.where(`${IDEAS}.entry_id`, filter.entryId);
    if (filter.entries) {
      query.whereIn(
        `${IDEAS}.entry_id`,
        filteredEntries(this.db, filter.entries).select('id'),
      );
    }
    return query;
  }

  async list(filter: IdeaFilter, page: { offset: number; limit: number }) {
    const rows = (await this.scoped(filter)
      .groupBy('status')
      .select('status')
      .count({ n: '*' })) as Array<{ status: string; n: unknown }>;
    const counts = zeroCounts(IDEA_STATUSES);
    for (const row of rows) counts[row.status as IdeaStatus] = Number(row.n);
    const query = this.scoped(filter);
    if (filter.status) query.where('status', filter.status);
    const items = (await query
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .offset(page.offset)
      .limit(page.limit)) as IdeaRow[];
    return {
      items: items.map(toIdea),
      totalCount: filter.status
        ? counts[filter.status]
        : Object.values(counts).reduce((a, b) => a + b, 0),
      counts,
    };
  }

  async countsByOwner(filter: IdeaFilter) {
    const rows = (await this.scoped(filter)
      .join(ENTRIES, `${ENTRIES}.id`, `${IDEAS}.entry_id`)
      .groupBy(`${ENTRIES}.owner`, `${IDEAS}.status`)
      .select({ owner: `${ENTRIES}.owner`, status: `${IDEAS}.status` })
      .count({ n: '*' })) as Array<{
      owner: string;
      status: string;
      n: unknown;
    }>;
    const byOwner = new Map<string, IdeaCounts>();
    for (const row of rows) {
      const counts = byOwner.get(row.owner) ?? zeroCounts(IDEA_STATUSES);
      counts[row.status as IdeaStatus] = Number(row.n);
      byOwner.set(row.owner, counts);
    }
    return [...byOwner]
      .map(([owner, counts]) => ({ owner, counts }))
      .sort((a, b) => a.owner.localeCompare(b.owner));
  }

  async setStatus(
    id: string,
    update: { status: IdeaStatus; answer: string },
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<StoredIdea> {
    await this.db.transaction(async tx => {
      const row = await tx<IdeaRow>(IDEAS).where({ id }).first();
      if (!row) throw new NotFoundError(`No idea '${id}'`);
      const version = Number(row.version);
      if (version !== expectedVersion) {
        throw new ConflictError(
          `Idea '${id}' is at version ${version}, not ${expectedVersion}: it was answered meanwhile`,
        );
      }
      const updated = await tx<IdeaRow>(IDEAS)
        .where({ id, version })
        .update({
          status: update.status,
          answer: update.answer || null,
          answered_by: change.actor,
          answered_at: change.at,
          updated_at: change.at,
          version: version + 1,
        });
      if (updated !== 1) {
        throw new ConflictError(`Idea '${id}' was answered meanwhile`);
      }
      await tx(ANSWERS).insert({
        idea_id: id,
        version: version + 1,
        status: update.status,
        answer: update.answer || null,
        answered_by: change.actor,
        answered_at: change.at,
      });
    });
    return (await this.get(id))!;
  }
}
