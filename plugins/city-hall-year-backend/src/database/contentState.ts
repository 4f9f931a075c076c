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
