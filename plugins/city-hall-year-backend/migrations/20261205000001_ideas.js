// @ts-check

/**
 * Process-review ideas (業務見直しの提案): a reader says a step could be simpler, done
 * differently or stopped, and why; the review office gives each a status and a public
 * answer, and every answer it gave is kept.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_ideas', table => {
    table.comment(
      'Ideas that a step could be simpler, done differently or stopped',
    );
    table.string('id', 36).primary().notNullable();
    table
      .string('entry_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_entries')
      .onDelete('CASCADE');
    table
      .string('suggestion', 20)
      .notNullable()
      .comment('simplify, change or stop');
    table.text('body').notNullable();
    table
      .string('author', 255)
      .notNullable()
      .comment('Always kept; hidden from the department when anonymous');
    table.boolean('anonymous').notNullable().defaultTo(false);
    table
      .string('status', 20)
      .notNullable()
      .comment('received, considering, adopted or declined');
    table.text('answer').nullable();
    table.string('answered_by', 255).nullable();
    table.string('answered_at', 32).nullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.integer('version').notNullable();
    table.index(['entry_id', 'created_at'], 'city_hall_year_ideas_entry_idx');
    table.index(['status', 'created_at'], 'city_hall_year_ideas_status_idx');
  });
  await knex.schema.createTable('city_hall_year_idea_answers', table => {
    table.comment('Every status and answer the review office gave an idea');
    table
      .string('idea_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_ideas')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('status', 20).notNullable();
    table.text('answer').nullable();
    table.string('answered_by', 255).notNullable();
    table.string('answered_at', 32).notNullable();
    table.primary(['idea_id', 'version']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('city_hall_year_idea_answers');
  await knex.schema.dropTable('city_hall_year_ideas');
};
