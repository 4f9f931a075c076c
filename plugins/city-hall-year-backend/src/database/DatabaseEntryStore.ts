import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { Entry, EntryFields } from '@internal/plugin-city-hall-year-common';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  ChangeContext,
  EntryFilter,
  EntryListResult,
  EntryStore,
} from './EntryStore';

const ENTRIES = 'city_hall_year_entries';
const REVISIONS = 'city_hall_year_entry_revisions';
const SEEDS = 'city_hall_year_seeds';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-city-hall-year-backend',
  'migrations',
);

/** A row of the entries table. */
interface EntryRow {
  id: string;
  slug: string;
  cycle: string;
  owner: string;
  status: string;
  title_ja: string;
  search_text: string;
  data: string;
  version: number;
  confirmed_fiscal_year: number | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** Text the query filter searches: what a person would look for an entry by. */
export function entrySearchText(fields: EntryFields): string {
  return [
    fields.slug,
    fields.title.ja,
    fields.title.en,
    fields.summary.ja,
    fields.summary.en,
    fields.purpose.ja,
    fields.purpose.en,
    ...fields.legalBasis.flatMap(b => [b.law, b.article]),
    ...fields.tags,
  ]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase('ja-JP');
}

function rowToEntry(row: EntryRow): Entry {
  const fields = JSON.parse(row.data) as EntryFields;
  return {
    ...fields,
    id: row.id,
    slug: row.slug,
    version: Number(row.version),
    ...(row.confirmed_fiscal_year !== null && row.confirmed_fiscal_year !== undefined
      ? { confirmedFiscalYear: Number(row.confirmed_fiscal_year) }
      : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, c => `\\${c}`);
}

/** Knex implementation of {@link EntryStore}, on SQLite or PostgreSQL. */
export class DatabaseEntryStore implements EntryStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseEntryStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseEntryStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async listEntries(options: {
    filter: EntryFilter;
    offset: number;
    limit: number;
  }): Promise<EntryListResult> {
    const base = this.filtered(options.filter);
    const [{ count }] = await base.clone().count({ count: '*' });
    const rows = await base
      .clone()
      .select('*')
      .orderBy([{ column: 'title_ja' }, { column: 'slug' }])
      .offset(options.offset)
      .limit(options.limit);
    return { items: rows.map(rowToEntry), totalCount: Number(count) };
  }

  async listAllEntries(filter: EntryFilter): Promise<Entry[]> {
    const rows = await this.filtered(filter).select('*').orderBy('slug');
    return rows.map(rowToEntry);
  }

  async getEntry(idOrSlug: string): Promise<Entry | undefined> {
    const row = await this.db<EntryRow>(ENTRIES)
      .whereNull('deleted_at')
      .andWhere(q => q.where('id', idOrSlug).orWhere('slug', idOrSlug))
      .first();
    return row ? rowToEntry(row) : undefined;
  }

  async createEntry(fields: EntryFields, change: ChangeContext): Promise<Entry> {
    return this.db.transaction(tx => this.insertEntry(tx, fields, change));
  }

  async seedOnce(
    name: string,
    entries: EntryFields[],
    change: ChangeContext,
  ): Promise<boolean> {
    try {
      return await this.db.transaction(async tx => {
        // The marker row goes first: a second replica blocks on it (PostgreSQL) or on
        // the write lock (SQLite), then fails on the primary key and loads nothing.
        await tx(SEEDS).insert({
          name,
          entry_count: entries.length,
          seeded_at: change.at,
        });
        for (const fields of entries) {
          await this.insertEntry(tx, fields, change);
        }
        return true;
      });
    } catch (error) {
      if (await this.isSeeded(name)) {
        return false;
      }
      throw error;
    }
  }

  private async isSeeded(name: string): Promise<boolean> {
    const row = await this.db(SEEDS).where({ name }).first();
    return Boolean(row);
  }

  private async insertEntry(
    tx: Knex.Transaction,
    fields: EntryFields,
    change: ChangeContext,
  ): Promise<Entry> {
    const existing = await tx(ENTRIES).where({ slug: fields.slug }).first();
    if (existing) {
      throw new ConflictError(`An entry with slug '${fields.slug}' already exists`);
    }
    const row: EntryRow = {
      id: randomUUID(),
      slug: fields.slug,
      cycle: fields.cycle,
      owner: fields.owner,
      status: fields.status,
      title_ja: fields.title.ja,
      search_text: entrySearchText(fields),
      data: JSON.stringify(fields),
      version: 1,
      confirmed_fiscal_year: null,
      created_by: change.actor,
      created_at: change.at,
      updated_by: change.actor,
      updated_at: change.at,
      deleted_at: null,
      deleted_by: null,
    };
    await tx(ENTRIES).insert(row);
    const entry = rowToEntry(row);
    await tx(REVISIONS).insert({
      entry_id: row.id,
      revision: 1,
      action: 'create',
      snapshot: JSON.stringify(entry),
      created_by: change.actor,
      created_at: change.at,
    });
    return entry;
  }

  private filtered(filter: EntryFilter): Knex.QueryBuilder<EntryRow, EntryRow[]> {
    const query = this.db<EntryRow>(ENTRIES).whereNull('deleted_at');
    if (filter.cycles?.length) {
      query.whereIn('cycle', filter.cycles);
    }
    if (filter.owners?.length) {
      query.whereIn('owner', filter.owners);
    }
    if (filter.statuses?.length) {
      query.whereIn('status', filter.statuses);
    }
    if (filter.query) {
      query.whereRaw("search_text LIKE ? ESCAPE '\\'", [
        `%${escapeLike(filter.query.toLocaleLowerCase('ja-JP'))}%`,
      ]);
    }
    return query;
  }
}
