// @ts-check

/**
 * Dialogue on entries: questions staff ask the department that owns an entry, the
 * answers and comments on them, "me too" marks, every earlier state of a question or
 * an answer (edits keep their history), and the "still unclear" signal (モヤモヤ).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /**
   * A column naming the entry a row belongs to; the row goes with the entry.
   *
   * @param {import('knex').Knex.CreateTableBuilder} table
   * @param {string} column
   * @param {string} parent
   */
  const belongsTo = (table, column, parent) =>
    table
      .string(column, 36)
      .notNullable()
      .references('id')
      .inTable(parent)
      .onDelete('CASCADE');

  /**
   * The version a write must name, when and by whom the row was last changed, and
   * the soft deletion.
   *
   * @param {import('knex').Knex.CreateTableBuilder} table
   */
  const versioned = table => {
    table.integer('version').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_by', 255).notNullable();
    table.string('updated_at', 32).notNullable();
    table.string('deleted_by', 255).nullable();
    table.string('deleted_at', 32).nullable();
  };

  await knex.schema.createTable('city_hall_year_questions', table => {
    table.comment(
      'Questions asked on an entry, to the department that owns it',
    );
    table.string('id', 36).primary().notNullable();
    belongsTo(table, 'entry_id', 'city_hall_year_entries');
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
    versioned(table);
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
      'Answers (by the owners of the entry or HR) and comments (by other readers) on a question',
    );
    table.string('id', 36).primary().notNullable();
    belongsTo(table, 'question_id', 'city_hall_year_questions');
    table.string('kind', 16).notNullable().comment('answer or comment');
    table.text('body').notNullable();
    table.string('author', 255).notNullable();
    versioned(table);
    table.index(['question_id', 'created_at'], 'city_hall_year_answers_q_idx');
    table.index(['author', 'created_at'], 'city_hall_year_answers_author_idx');
  });

  await knex.schema.createTable('city_hall_year_question_me_too', table => {
    table.comment('"Same question here" marks, one per person and question');
    belongsTo(table, 'question_id', 'city_hall_year_questions');
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
      .comment('question or answer');
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

  // Every answer is kept; a reader's next answer marks the one before superseded, so
  // that "who was still unclear at the end of a month" is one indexed query.
  await knex.schema.createTable('city_hall_year_clarity', table => {
    table.comment(
      'Answers of readers to 「わかった / まだモヤモヤする」, with their history',
    );
    table.increments('id').primary();
    belongsTo(table, 'entry_id', 'city_hall_year_entries');
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
  await knex.schema.dropTable('city_hall_year_dialogue_revisions');
  await knex.schema.dropTable('city_hall_year_question_me_too');
  await knex.schema.dropTable('city_hall_year_answers');
  await knex.schema.dropTable('city_hall_year_questions');
};
