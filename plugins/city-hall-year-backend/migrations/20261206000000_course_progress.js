// @ts-check

/**
 * Course progress (受講状況): the steps of a course each learner marked
 * 「このステップを終えた」. A mark names the step's entry, so that it follows the step
 * when HR reorders the course; it goes with the course.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_course_progress', table => {
    table.comment('Steps of a course that a learner marked done');
    table
      .string('course_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_curricula')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table
      .string('entry_slug', 80)
      .notNullable()
      .comment('The entry of the step, by its permalink');
    table.string('done_at', 32).notNullable();
    table.primary(['course_id', 'user_ref', 'entry_slug']);
    table.index(['user_ref'], 'city_hall_year_course_progress_user_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('city_hall_year_course_progress');
};
