// @ts-check

/**
 * Entries of the city hall's year and their revision history.
 *
 * The editable fields of an entry live in `data` (JSON, validated by the shared
 * schema); the columns beside it are the ones the API filters, sorts, locks and
 * authorizes on.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_entries', table => {
    table.comment('Entries of the city hall year, one per recurring step');
    table.string('id', 36).primary().notNullable();
    table.string('slug', 80).notNullable().unique();
    table.string('cycle', 20).notNullable();
    table
      .string('owner', 255)
      .notNullable()
      .comment('Owning catalog Group ref');
    table.string('status', 20).notNullable();
    table.string('title_ja', 200).notNullable();
    table
      .text('search_text')
      .notNullable()
      .comment('Lower-cased text for the query filter');
    table.text('data').notNullable().comment('JSON of the editable fields');
    table.integer('version').notNullable();
    table.integer('confirmed_fiscal_year').nullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('deleted_at', 32).nullable();
    table.string('deleted_by', 255).nullable();
    table.index(['owner'], 'city_hall_year_entries_owner_idx');
    table.index(['cycle'], 'city_hall_year_entries_cycle_idx');
    table.index(['status', 'deleted_at'], 'city_hall_year_entries_status_idx');
  });

  await knex.schema.createTable('city_hall_year_entry_revisions', table => {
    table.comment(
      'Every saved state of every entry; a restore adds a revision',
    );
    table
      .string('entry_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_entries')
      .onDelete('CASCADE');
    table.integer('revision').notNullable();
    table.string('action', 20).notNullable();
    table
      .text('snapshot')
      .notNullable()
      .comment('JSON of the whole entry after the change');
    table
      .text('changed_fields')
      .notNullable()
      .comment('JSON list of the fields this revision changed');
    table
      .integer('restored_from')
      .nullable()
      .comment('For a restore: the revision brought back');
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['entry_id', 'revision']);
  });

  await knex.schema.createTable('city_hall_year_seeds', table => {
    table.comment(
      'Content sets loaded into an empty database, each exactly once',
    );
    table.string('name', 80).primary().notNullable();
    table.integer('entry_count').notNullable();
    table.string('seeded_at', 32).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('city_hall_year_seeds');
  await knex.schema.dropTable('city_hall_year_entry_revisions');
  await knex.schema.dropTable('city_hall_year_entries');
};
