import type { Knex } from 'knex';

/**
 * The rows a refused request must leave as they were, in a fixed order: entries, their
 * revisions and courses with all columns, feed tokens by id and label. Compare two
 * with `toEqual`, so that a failure shows what was written.
 */
export async function snapshotDatabase(knex: Knex) {
  return {
    entries: await knex('city_hall_year_entries').select().orderBy('id'),
    revisions: await knex('city_hall_year_entry_revisions')
      .select()
      .orderBy([
        { column: 'entry_id', order: 'asc' },
        { column: 'revision', order: 'asc' },
      ]),
    courses: await knex('city_hall_year_curricula').select().orderBy('id'),
    feedTokens: await knex('city_hall_year_feed_tokens')
      .select('id', 'label')
      .orderBy('id'),
  };
}
