import type { Knex } from 'knex';

/**
 * The rows a refused request must leave as they were, in a fixed order: entries, their
 * revisions and courses with all columns, feed tokens by id and label, and the whole
 * dialogue (questions, answers and comments, 「同じ疑問」 marks, their history) and the
 * "still unclear" answers, change proposals with every step of them, and
 * process-review ideas with every answer, and course progress, with all columns. Compare two with `toEqual`, so that a
 * failure shows what was written.
 */
export async function snapshotDatabase(knex: Knex) {
  return {
    entries: await knex('city_hall_year_entries').select().orderBy('id'),
    revisions: await knex('city_hall_year_entry_revisions')
      .select()
      .orderBy([
        { column: 'entry_id', order: 'asc' },
        { column: 'revision', order: 'asc' },
      ]),
    courses: await knex('city_hall_year_curricula').select().orderBy('id'),
    feedTokens: await knex('city_hall_year_feed_tokens')
      .select('id', 'label')
      .orderBy('id'),
    questions: await knex('city_hall_year_questions').select().orderBy('id'),
    answers: await knex('city_hall_year_answers').select().orderBy('id'),
    meToo: await knex('city_hall_year_question_me_too')
      .select()
      .orderBy([
        { column: 'question_id', order: 'asc' },
        { column: 'user_ref', order: 'asc' },
      ]),
    dialogueRevisions: await knex('city_hall_year_dialogue_revisions')
      .select()
      .orderBy('id'),
    clarity: await knex('city_hall_year_clarity').select().orderBy('id'),
    proposals: await knex('city_hall_year_proposals').select().orderBy('id'),
    ideas: await knex('city_hall_year_ideas').select().orderBy('id'),
    ideaAnswers: await knex('city_hall_year_idea_answers')
      .select()
      .orderBy([
        { column: 'idea_id', order: 'asc' },
        { column: 'version', order: 'asc' },
      ]),
    courseProgress: await knex('city_hall_year_course_progress')
      .select()
      .orderBy([
        { column: 'course_id', order: 'asc' },
        { column: 'user_ref', order: 'asc' },
        { column: 'entry_slug', order: 'asc' },
      ]),
    proposalEvents: await knex('city_hall_year_proposal_events')
      .select()
      .orderBy([
        { column: 'proposal_id', order: 'asc' },
        { column: 'seq', order: 'asc' },
      ]),
  };
}
