// @ts-check

/**
 * Dialogue on entries: questions staff ask the department that owns an entry, the
 * answers and comments on them, "me too" marks, and every earlier state of a question
 * or an answer (edits keep their history).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_questions', table => {
    table.comment(
      'Questions asked on an entry, to the department that owns it',
    );
    table.string('id', 36).primary().notNullable();
    table
      .string('entry_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_entries')
      .onDelete('CASCADE');
    table.string('title', 200).notNullable();
    table.text('body').notNullable();
    table
      .string('asked_by', 255)
      .notNullable()
      .comment('Always kept; hidden in answers to others when anonymous');
    table.boolean('anonymous').notNullable().defaultTo(false);
    table.string('resolved_answer_id', 36).nullable();
    table.string('resolved_by', 255).nullable();
    table.string('resolved_at', 32).nullable();
    table.integer('version').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('deleted_by', 255).nullable();
    table.string('deleted_at', 32).nullable();
    table.index(
      ['entry_id', 'created_at'],
      'city_hall_year_questions_entry_idx',
    );
    table.index(
      ['asked_by', 'created_at'],
      'city_hall_year_questions_asker_idx',
    );
  });

  await knex.schema.createTable('city_hall_year_answers', table => {
    table.comment(
      "Answers (by the entry's owners or HR) and comments (by other readers) on a question",
    );
    table.string('id', 36).primary().notNullable();
    table
      .string('question_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_questions')
      .onDelete('CASCADE');
    table.string('kind', 16).notNullable().comment("'answer' or 'comment'");
    table.text('body').notNullable();
    table.string('author', 255).notNullable();
    table.integer('version').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('deleted_by', 255).nullable();
    table.string('deleted_at', 32).nullable();
    table.index(['question_id', 'created_at'], 'city_hall_year_answers_q_idx');
    table.index(['author', 'created_at'], 'city_hall_year_answers_author_idx');
  });

  await knex.schema.createTable('city_hall_year_question_me_too', table => {
    table.comment('"Same question here" marks, one per person and question');
    table
      .string('question_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_questions')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.primary(['question_id', 'user_ref']);
  });

  await knex.schema.createTable('city_hall_year_dialogue_revisions', table => {
    table.comment('Every earlier state of a question or an answer');
    table.increments('id').primary();
    table
      .string('subject_kind', 16)
      .notNullable()
      .comment("'question' or 'answer'");
    table.string('subject_id', 36).notNullable();
    table.integer('version').notNullable();
    table.string('action', 16).notNullable();
    table
      .text('data')
      .notNullable()
      .comment('JSON of the state after the action');
    table.string('actor', 255).notNullable();
    table.string('at', 32).notNullable();
    table.unique(['subject_kind', 'subject_id', 'version']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('city_hall_year_dialogue_revisions');
  await knex.schema.dropTable('city_hall_year_question_me_too');
  await knex.schema.dropTable('city_hall_year_answers');
  await knex.schema.dropTable('city_hall_year_questions');
};
