// @ts-check

/**
 * What each versioned content update did: the seeds table also records updates of
 * the shipped starting content, each applied once per database, with a report of
 * the entries and courses it created, corrected and left alone because a
 * department had edited them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('city_hall_year_seeds', table => {
    table
      .text('report')
      .nullable()
      .comment(
        'JSON report of a content update: created, updated and skipped entries and courses',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('city_hall_year_seeds', table => {
    table.dropColumn('report');
  });
};
