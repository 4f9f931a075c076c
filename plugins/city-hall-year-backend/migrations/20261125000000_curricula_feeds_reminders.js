// @ts-check

/**
 * Curricula, calendar feed tokens, the reminder log and each reader's last look.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_curricula', table => {
    table.comment('Ordered courses through the year, linking entries by slug');
    table.string('id', 36).primary().notNullable();
    table.string('slug', 80).notNullable().unique();
    table.string('title_ja', 200).notNullable();
    table
      .text('data')
      .notNullable()
      .comment('JSON of the editable fields; steps name entries by slug');
    table.integer('version').notNullable();
    table.string('created_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
  });

  await knex.schema.createTable('city_hall_year_feed_tokens', table => {
    table.comment(
      'Per-user tokens that only grant reading calendar feeds; only a hash is kept',
    );
    table.string('id', 36).primary().notNullable();
    table.string('user_ref', 255).notNullable();
    table.string('token_hash', 64).notNullable().unique();
    table.string('label', 80).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('last_used_at', 32).nullable();
    table.string('revoked_at', 32).nullable();
    table.index(['user_ref'], 'city_hall_year_feed_tokens_user_idx');
  });

  await knex.schema.createTable('city_hall_year_reminders', table => {
    table.comment(
      'Reminders sent, one row per reminder: the key makes each go out once across replicas',
    );
    table.string('reminder_key', 400).primary().notNullable();
    table.string('recipient', 255).notNullable();
    table.string('sent_at', 32).notNullable();
  });

  await knex.schema.createTable('city_hall_year_last_seen', table => {
    table.comment('When each reader last marked the year as seen');
    table.string('user_ref', 255).primary().notNullable();
    table.string('seen_at', 32).notNullable();
  });

  await knex.schema.alterTable('city_hall_year_entry_revisions', table => {
    table.index(['created_at'], 'city_hall_year_entry_revisions_created_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('city_hall_year_entry_revisions', table => {
    table.dropIndex(
      ['created_at'],
      'city_hall_year_entry_revisions_created_idx',
    );
  });
  await knex.schema.dropTable('city_hall_year_last_seen');
  await knex.schema.dropTable('city_hall_year_reminders');
  await knex.schema.dropTable('city_hall_year_feed_tokens');
  await knex.schema.dropTable('city_hall_year_curricula');
};
