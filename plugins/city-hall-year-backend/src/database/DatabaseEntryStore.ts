import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  changedFields,
  type ContentUpdateReport,
  type Entry,
  type EntryFields,
  type EntryRevision,
  type EntryRevisionSummary,
  type RevisionAction,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import {
  bumpGeneration,
  isSeeded,
  listUpdateReports,
  readGeneration,
  seedOnce,
  updateOnce,
} from './contentState';
import type { CourseStore } from './CourseStore';
import { DatabaseCourseStore } from './DatabaseCourseStore';
import type {
  ChangeContext,
  EntryChange,
  EntryFilter,
  EntryListResult,
  EntryStore,
  ImportPlan,
} from './EntryStore';
import {
  ENTRIES,
  fieldColumns,
  fieldsOf,
  filteredEntries,
  insertRevision,
  inState,
  rowToEntry,
  type EntryRow,
} from './entryRows';
import {
  revisionOf,
  revisionSummaries,
  revisionSummariesSince,
} from './revisionQueries';

const migrationsDir = resolvePackagePath(
  '@city-hall-year/backstage-plugin-city-hall-year-backend',
  'migrations',
);

/** What a change does to the current row: the columns it sets and the fields it changes. */
type RowChange = (current: EntryRow) => {
  columns: Partial<EntryRow>;
  changed: string[];
};

/** How many entries and courses a content update wrote. */
function contentUpdateChanges(report: ContentUpdateReport): number {
  return [report.entries, report.courses].reduce(
    (sum, part) => sum + part.created.length + part.updated.length,
    0,
  );
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

  /**
   * The store inside a transaction of another store's, so that an entry's change and
   * what caused it (an accepted proposal) are written together or not at all.
   */
  static inTransaction(tx: Knex.Transaction): DatabaseEntryStore {
    return new DatabaseEntryStore(tx);
  }

  /** The database client, for the plugin's other stores (whose tables these migrations make). */
  get client(): Knex {
    return this.db;
  }

  async generation(): Promise<number> {
    return readGeneration(this.db);
  }

  async listEntries(options: {
    filter: EntryFilter;
    offset: number;
    limit: number;
  }): Promise<EntryListResult> {
    const base = filteredEntries(this.db, options.filter);
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
    const rows = await filteredEntries(this.db, filter)
      .select('*')
      .orderBy('slug');
    return rows.map(rowToEntry);
  }

  async listEntryIds(filter: EntryFilter): Promise<Set<string>> {
    const ids: string[] = await filteredEntries(this.db, filter).pluck('id');
    return new Set(ids);
  }

  async getEntry(idOrSlug: string): Promise<Entry | undefined> {
    const row = await this.db<EntryRow>(ENTRIES)
      .whereNull('deleted_at')
      .andWhere(q => q.where('id', idOrSlug).orWhere('slug', idOrSlug))
      .first();
    return row ? rowToEntry(row) : undefined;
  }

  async getEntriesByIds(
    ids: string[],
    options: { includeDeleted?: boolean } = {},
  ): Promise<Array<Entry | undefined>> {
    const query = this.db<EntryRow>(ENTRIES).whereIn('id', ids);
    if (!options.includeDeleted) {
      query.whereNull('deleted_at');
    }
    const rows = await query;
    const byId = new Map(rows.map(row => [row.id, rowToEntry(row)]));
    return ids.map(id => byId.get(id));
  }

  async getDeletedEntry(id: string): Promise<Entry | undefined> {
    const row = await this.db<EntryRow>(ENTRIES)
      .where({ id })
      .whereNotNull('deleted_at')
      .first();
    return row ? rowToEntry(row) : undefined;
  }

  async existingSlugs(slugs: string[]): Promise<string[]> {
    if (slugs.length === 0) return [];
    const rows = await this.db<EntryRow>(ENTRIES)
      .whereIn('slug', slugs)
      .select('slug');
    return rows.map(r => r.slug);
  }

  async createEntry(
    fields: EntryFields,
    change: ChangeContext,
  ): Promise<Entry> {
    return this.db.transaction(tx =>
      this.insertEntry(tx, fields, change, 'create'),
    );
  }

  async applyImport(plan: ImportPlan, change: ChangeContext): Promise<Entry[]> {
    return this.db.transaction(async tx => {
      const written: Entry[] = [];
      for (const fields of plan.creates) {
        written.push(await this.insertEntry(tx, fields, change, 'import'));
      }
      for (const update of plan.updates) {
        written.push(
          await this.mutateIn(
            tx,
            update.id,
            {
              ...change,
              expectedVersion: update.expectedVersion,
              action: 'import',
            },
            { deleted: false },
            current => ({
              columns: fieldColumns(update.fields),
              changed: changedFields(fieldsOf(current), update.fields),
            }),
          ),
        );
      }
      return written;
    });
  }

  async reassignEntries(
    moves: Array<{ id: string; expectedVersion: number; owner: string }>,
    change: ChangeContext,
  ): Promise<Entry[]> {
    return this.db.transaction(async tx => {
      const written: Entry[] = [];
      for (const move of moves) {
        written.push(
          await this.mutateIn(
            tx,
            move.id,
            {
              ...change,
              expectedVersion: move.expectedVersion,
              action: 'reassign',
            },
            { deleted: false },
            current => {
              const fields = { ...fieldsOf(current), owner: move.owner };
              return {
                columns: fieldColumns(fields),
                changed: changedFields(fieldsOf(current), fields),
              };
            },
          ),
        );
      }
      return written;
    });
  }

  async updateEntry(
    id: string,
    fields: EntryFields,
    change: EntryChange,
  ): Promise<Entry> {
    return this.mutate(id, change, { deleted: false }, current => ({
      columns: fieldColumns(fields),
      changed: changedFields(fieldsOf(current), fields),
    }));
  }

  async confirmEntry(
    id: string,
    fiscalYear: number,
    change: EntryChange,
  ): Promise<Entry> {
    return this.mutate(id, change, { deleted: false }, () => ({
      columns: { confirmed_fiscal_year: fiscalYear },
      changed: ['confirmedFiscalYear'],
    }));
  }

  async deleteEntry(id: string, change: EntryChange): Promise<Entry> {
    return this.mutate(id, change, { deleted: false }, () => ({
      columns: { deleted_at: change.at, deleted_by: change.actor },
      changed: ['deleted'],
    }));
  }

  async undeleteEntry(id: string, change: EntryChange): Promise<Entry> {
    return this.mutate(id, change, { deleted: true }, () => ({
      columns: { deleted_at: null, deleted_by: null },
      changed: ['deleted'],
    }));
  }

  listRevisions(id: string): Promise<EntryRevisionSummary[]> {
    return revisionSummaries(this.db, id);
  }

  getRevision(
    id: string,
    revision: number,
  ): Promise<EntryRevision | undefined> {
    return revisionOf(this.db, id, revision);
  }

  listRevisionsSince(
    since: string,
    options: { excludeActor?: string; limit: number },
  ): Promise<EntryRevisionSummary[]> {
    return revisionSummariesSince(this.db, since, options);
  }

  async seedOnce(
    name: string,
    entries: EntryFields[],
    change: ChangeContext,
  ): Promise<boolean> {
    return seedOnce(
      this.db,
      { name, count: entries.length, at: change.at },
      async tx => {
        for (const fields of entries) {
          await this.insertEntry(tx, fields, change, 'create');
        }
      },
    );
  }

  async isSeeded(name: string): Promise<boolean> {
    return isSeeded(this.db, name);
  }

  async contentUpdateOnce(
    name: string,
    at: string,
    work: (stores: {
      entries: EntryStore;
      courses: CourseStore;
    }) => Promise<ContentUpdateReport>,
  ): Promise<ContentUpdateReport | undefined> {
    return updateOnce(
      this.db,
      { name, at, changes: contentUpdateChanges },
      // Each write inside opens a savepoint of this transaction, so one entry's
      // conflict undoes only that entry's write.
      tx =>
        work({
          entries: new DatabaseEntryStore(tx),
          courses: new DatabaseCourseStore(tx),
        }),
    );
  }

  listContentUpdates(): Promise<ContentUpdateReport[]> {
    return listUpdateReports<ContentUpdateReport>(this.db);
  }

  private async insertEntry(
    tx: Knex.Transaction,
    fields: EntryFields,
    change: ChangeContext,
    action: RevisionAction,
  ): Promise<Entry> {
    const existing = await tx(ENTRIES).where({ slug: fields.slug }).first();
    if (existing) {
      throw new ConflictError(
        `An entry with slug '${fields.slug}' already exists`,
      );
    }
    const row: EntryRow = {
      id: randomUUID(),
      slug: fields.slug,
      ...fieldColumns(fields),
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
    await bumpGeneration(tx);
    const entry = rowToEntry(row);
    await insertRevision(tx, entry, {
      ...change,
      action,
      changed: changedFields(undefined, fields),
    });
    return entry;
  }

  /**
   * The one way an existing entry changes: in a transaction, only if it is still at the
   * version the caller saw, bumping the version and writing the revision beside it.
   * The version condition in the UPDATE makes concurrent writers from the same version
   * fail with a conflict instead of overwriting each other.
   */
  private async mutate(
    id: string,
    change: EntryChange,
    state: { deleted: boolean },
    apply: RowChange,
  ): Promise<Entry> {
    return this.db.transaction(tx =>
      this.mutateIn(tx, id, change, state, apply),
    );
  }

  private async mutateIn(
    tx: Knex.Transaction,
    id: string,
    change: EntryChange,
    state: { deleted: boolean },
    apply: RowChange,
  ): Promise<Entry> {
    const current = await this.rowInState(tx, id, state.deleted);
    if (!current) {
      throw new NotFoundError(
        `No ${state.deleted ? 'deleted ' : ''}entry '${id}'`,
      );
    }
    const version = Number(current.version);
    if (change.expectedVersion !== version) {
      throw new ConflictError(
        `Entry '${current.slug}' is at version ${version}, not ${change.expectedVersion}: it was changed meanwhile`,
      );
    }
    const { columns, changed } = apply(current);
    const updated = await inState(
      tx(ENTRIES).where({ id, version }),
      state.deleted,
    ).update({
      ...columns,
      version: version + 1,
      updated_by: change.actor,
      updated_at: change.at,
    });
    if (updated !== 1) {
      throw new ConflictError(`Entry '${current.slug}' was changed meanwhile`);
    }
    await bumpGeneration(tx);
    const row = (await tx<EntryRow>(ENTRIES).where({ id }).first())!;
    const entry = rowToEntry(row);
    await insertRevision(tx, entry, { ...change, changed });
    return entry;
  }

  private rowInState(
    tx: Knex.Transaction,
    id: string,
    deleted: boolean,
  ): Promise<EntryRow | undefined> {
    return inState(tx<EntryRow>(ENTRIES).where({ id }), deleted).first();
  }
}
