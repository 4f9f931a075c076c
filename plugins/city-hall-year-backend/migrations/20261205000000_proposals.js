// @ts-check

/**
 * Change proposals (変更の提案): anyone who reads an entry proposes a change for the
 * department that owns it to accept, send back or decline, with every step of it
 * kept; and the entry revision an accepted proposal became names its proposer.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('city_hall_year_proposals', table => {
    table.comment(
      'Changes proposed to an entry, for the department that owns it to review',
    );
    table.string('id', 36).primary().notNullable();
    table
      .string('entry_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_entries')
      .onDelete('CASCADE');
    table
      .string('status', 20)
      .notNullable()
      .comment('open, changesRequested, accepted, declined or withdrawn');
    table
      .text('fields')
      .notNullable()
      .comment('JSON of the editable fields as proposed');
    table
      .integer('based_on_version')
      .notNullable()
      .comment('The entry version the proposal started from');
    table.text('reason').notNullable();
    table.string('proposed_by', 255).notNullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_at', 32).notNullable();
    table.integer('version').notNullable();
    table
      .integer('accepted_revision')
      .nullable()
      .comment('The entry revision an accepted proposal became');
    table.index(['entry_id', 'status'], 'city_hall_year_proposals_entry_idx');
    table.index(['proposed_by'], 'city_hall_year_proposals_proposer_idx');
    table.index(
      ['status', 'created_at'],
      'city_hall_year_proposals_status_idx',
    );
  });

  await knex.schema.createTable('city_hall_year_proposal_events', table => {
    table.comment(
      'Every step of a proposal: proposed, revised, sent back, accepted, declined, withdrawn',
    );
    table
      .string('proposal_id', 36)
      .notNullable()
      .references('id')
      .inTable('city_hall_year_proposals')
      .onDelete('CASCADE');
    table.integer('seq').notNullable();
    table.string('kind', 20).notNullable();
    table.string('actor', 255).notNullable();
    table.string('at', 32).notNullable();
    table
      .text('comment')
      .nullable()
      .comment('The reason, or the reviewer’s comment the proposer reads');
    table
      .text('fields')
      .nullable()
      .comment('JSON of the fields as proposed at this step');
    table.primary(['proposal_id', 'seq']);
  });

  await knex.schema.alterTable('city_hall_year_entry_revisions', table => {
    table
      .string('proposed_by', 255)
      .nullable()
      .comment('Who proposed the change an accepted proposal made');
    table.string('proposal_id', 36).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('city_hall_year_entry_revisions', table => {
    table.dropColumn('proposal_id');
    table.dropColumn('proposed_by');
  });
  await knex.schema.dropTable('city_hall_year_proposal_events');
  await knex.schema.dropTable('city_hall_year_proposals');
};
