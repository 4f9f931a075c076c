// @ts-check

/**
 * A counter of content changes. Every write to entries or curricula raises it in the
 * same transaction, so a replica answers from its cache only while the counter it
 * reads from the database is the one its cached answer was made for.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_state', table => {
    table.comment('Counters shared by all replicas');
    table.string('name', 40).primary().notNullable();
    table.bigInteger('value').notNullable();
  });
  await knex('city_hall_year_state').insert({ name: 'content', value: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('city_hall_year_state');
};
