import type { Knex } from 'knex';

const SEEDS = 'city_hall_year_seeds';
const STATE = 'city_hall_year_state';

/**
 * Raises the content generation inside a write's transaction. Every cached answer of
 * the year view and the calendar feeds is keyed on the generation, so every write of
 * published content must call this in the transaction of the write (see
 * docs/architecture.md, "The content generation").
 */
export async function bumpGeneration(tx: Knex.Transaction): Promise<void> {
  await tx(STATE).where({ name: 'content' }).increment('value', 1);
}

/** The content generation: raised by every write, in the write's transaction. */
export async function readGeneration(db: Knex): Promise<number> {
  const row = await db(STATE).where({ name: 'content' }).first('value');
  return Number(row?.value ?? 0);
}

/** Whether the named set of starting content was loaded into this database. */
export async function isSeeded(db: Knex, name: string): Promise<boolean> {
  return Boolean(await db(SEEDS).where({ name }).first());
}

/**
 * Loads a named set of starting content once per database, even when several replicas
 * start together: the marker row goes first, so a second replica blocks on it
 * (PostgreSQL) or on the write lock (SQLite), then fails on the primary key and loads
 * nothing. Answers whether this call loaded it.
 */
export async function seedOnce(
  db: Knex,
  seed: { name: string; count: number; at: string },
  load: (tx: Knex.Transaction) => Promise<void>,
): Promise<boolean> {
  try {
    return await db.transaction(async tx => {
      await tx(SEEDS).insert({
        name: seed.name,
        entry_count: seed.count,
        seeded_at: seed.at,
      });
      await load(tx);
      return true;
    });
  } catch (error) {
    if (await isSeeded(db, seed.name)) return false;
    throw error;
  }
}

/**
 * Applies a named, versioned content update once per database, in one transaction,
 * the same way {@link seedOnce} loads content: the marker row goes first, so a second
 * replica waits for it and then does nothing. The work's report is kept on the
 * marker row. Answers the report when this call applied the update.
 */
export async function updateOnce<R>(
  db: Knex,
  update: { name: string; at: string; changes: (report: R) => number },
  work: (tx: Knex.Transaction) => Promise<R>,
): Promise<R | undefined> {
  try {
    return await db.transaction(async tx => {
      await tx(SEEDS).insert({
        name: update.name,
        entry_count: 0,
        seeded_at: update.at,
      });
      const report = await work(tx);
      await tx(SEEDS)
        .where({ name: update.name })
        .update({
          entry_count: update.changes(report),
          report: JSON.stringify(report),
        });
      return report;
    });
  } catch (error) {
    if (await isSeeded(db, update.name)) return undefined;
    throw error;
  }
}

/** The reports of the content updates applied to this database, newest first. */
export async function listUpdateReports<R>(db: Knex): Promise<R[]> {
  const rows = await db(SEEDS)
    .whereNotNull('report')
    .orderBy([
      { column: 'seeded_at', order: 'desc' },
      { column: 'name', order: 'desc' },
    ])
    .select('report');
  return rows.map(row => JSON.parse(row.report) as R);
}
