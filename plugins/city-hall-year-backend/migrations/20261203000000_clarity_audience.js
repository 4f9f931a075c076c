// @ts-check

/**
 * Who gave a 「わかった / まだモヤモヤする」 answer: whether the reader had joined the
 * city hall in that fiscal year (new staff) when they answered, so that HR can draw
 * the new hires' course beside everyone's, counted in SQL.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('city_hall_year_clarity', table => {
    table
      .boolean('new_staff')
      .notNullable()
      .defaultTo(false)
      .comment('The reader joined in the answer’s fiscal year (新規採用職員)');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('city_hall_year_clarity', table => {
    table.dropColumn('new_staff');
  });
};
