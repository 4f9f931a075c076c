// @ts-check

/**
 * The "still unclear" signal (モヤモヤ): each reader's answer per entry and fiscal
 * year. Every answer is kept; the one a reader gave before is marked superseded when
 * they answer again, so that "who was still unclear at the end of a month" is one
 * indexed query and the course of the index over the year can be drawn.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_clarity', table => {
    table.comment(
      "Readers' answers to 「わかった / まだモヤモヤする」, with their history",
    );
    table.increments('id').primary();
    table
      .string('entry_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_entries')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.integer('fiscal_year').notNullable();
    table.boolean('clear').notNullable();
    table
      .text('reasons')
      .notNullable()
      .comment(
        'JSON array of reason codes: terms, timing, relevance, procedure, other',
      );
    table.text('comment').nullable();
    table.string('answered_at', 32).notNullable();
    table
      .string('superseded_at', 32)
      .nullable()
      .comment('When the reader answered again; null for the current answer');
    table.index(
      ['entry_id', 'fiscal_year', 'superseded_at'],
      'city_hall_year_clarity_entry_idx',
    );
    table.index(
      ['user_ref', 'entry_id', 'fiscal_year'],
      'city_hall_year_clarity_user_idx',
    );
    table.index(
      ['fiscal_year', 'answered_at'],
      'city_hall_year_clarity_fy_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('city_hall_year_clarity');
};
