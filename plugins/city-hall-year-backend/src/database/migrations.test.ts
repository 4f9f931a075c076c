import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createTestDatabases } from '../__testUtils__/testDatabases';

const migrationsDir = resolvePackagePath(
  '@city-hall-year/backstage-plugin-city-hall-year-backend',
  'migrations',
);

jest.setTimeout(60_000);

const TABLES = [
  'city_hall_year_entries',
  'city_hall_year_entry_revisions',
  'city_hall_year_seeds',
  'city_hall_year_curricula',
  'city_hall_year_feed_tokens',
  'city_hall_year_reminders',
  'city_hall_year_last_seen',
  'city_hall_year_state',
  'city_hall_year_questions',
  'city_hall_year_answers',
  'city_hall_year_question_me_too',
  'city_hall_year_dialogue_revisions',
  'city_hall_year_clarity',
  'city_hall_year_proposals',
  'city_hall_year_proposal_events',
  'city_hall_year_ideas',
  'city_hall_year_idea_answers',
  'city_hall_year_course_progress',
];

describe('migrations', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'run up and down on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDir });
      for (const table of TABLES) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(true);
      }

      await knex('city_hall_year_entries').insert({
        id: '00000000-0000-0000-0000-000000000001',
        slug: 'shutsuno-heisa',
        cycle: 'settlement',
        owner: 'group:default/kaikei-ka',
        status: 'published',
        title_ja: '出納閉鎖',
        search_text: '出納閉鎖',
        data: '{}',
        version: 1,
        created_by: 'user:default/nakamura.emi',
        created_at: '2026-05-31T00:00:00.000Z',
        updated_by: 'user:default/nakamura.emi',
        updated_at: '2026-05-31T00:00:00.000Z',
      });
      // The slug is unique: a permalink names exactly one entry.
      const duplicate = knex('city_hall_year_entries').insert({
        id: '00000000-0000-0000-0000-000000000002',
        slug: 'shutsuno-heisa',
        cycle: 'settlement',
        owner: 'group:default/kaikei-ka',
        status: 'published',
        title_ja: '重複',
        search_text: '',
        data: '{}',
        version: 1,
        created_by: 'x',
        created_at: 'x',
        updated_by: 'x',
        updated_at: 'x',
      });
      // better-sqlite3's error is not an Error of Jest's realm, so compare the message.
      const failure = await duplicate.then(
        () => 'inserted',
        (error: unknown) =>
          String((error as { message?: string })?.message ?? error),
      );
      expect(failure).toMatch(/unique|duplicate/i);

      // A question on the entry; the dialogue's migration goes down alone.
      await knex('city_hall_year_questions').insert({
        id: '00000000-0000-0000-0000-0000000000a1',
        entry_id: '00000000-0000-0000-0000-000000000001',
        title: '出納整理期間とは？',
        body: '',
        asked_by: 'user:default/kimura.aoi',
        anonymous: true,
        version: 1,
        created_at: '2026-05-31T00:00:00.000Z',
        updated_by: 'user:default/kimura.aoi',
        updated_at: '2026-05-31T00:00:00.000Z',
      });
      // Who answered (new staff or not) goes down alone and keeps the answers.
      await knex('city_hall_year_clarity').insert({
        entry_id: '00000000-0000-0000-0000-000000000001',
        user_ref: 'user:default/kimura.aoi',
        fiscal_year: 2026,
        clear: false,
        reasons: '["terms"]',
        answered_at: '2026-05-31T00:00:00.000Z',
        new_staff: true,
      });
      // The content updates' reports go down alone and keep which sets were loaded.
      await knex('city_hall_year_seeds').insert({
        name: 'content-update-2026-12',
        entry_count: 3,
        seeded_at: '2026-12-03T00:00:00.000Z',
        report: '{"name":"content-update-2026-12"}',
      });
      // An idea, answered; the ideas' migration goes down alone.
      await knex('city_hall_year_ideas').insert({
        id: '00000000-0000-0000-0000-0000000000c1',
        entry_id: '00000000-0000-0000-0000-000000000001',
        suggestion: 'simplify',
        body: '紙の決裁をやめられます。',
        author: 'user:default/kimura.aoi',
        anonymous: true,
        status: 'considering',
        answer: '検討します。',
        answered_by: 'user:default/tanaka.yuki',
        answered_at: '2026-06-02T00:00:00.000Z',
        created_at: '2026-06-01T00:00:00.000Z',
        updated_at: '2026-06-02T00:00:00.000Z',
        version: 2,
      });
      // A learner's mark on a course step; the progress migration goes down alone
      // and keeps the course, and a mark goes with its course.
      await knex('city_hall_year_curricula').insert({
        id: '00000000-0000-0000-0000-0000000000d1',
        slug: 'shinki-saiyo',
        title_ja: '新規採用職員研修',
        data: '{}',
        version: 1,
        created_by: 'user:default/sato.hanako',
        created_at: '2026-04-01T00:00:00.000Z',
        updated_by: 'user:default/sato.hanako',
        updated_at: '2026-04-01T00:00:00.000Z',
      });
      await knex('city_hall_year_course_progress').insert({
        course_id: '00000000-0000-0000-0000-0000000000d1',
        user_ref: 'user:default/kimura.aoi',
        entry_slug: 'shutsuno-heisa',
        done_at: '2026-06-01T00:00:00.000Z',
      });
      await knex.migrate.down({ directory: migrationsDir });
      await expect(
        knex.schema.hasTable('city_hall_year_course_progress'),
      ).resolves.toBe(false);
      await expect(
        knex('city_hall_year_curricula')
          .where({ slug: 'shinki-saiyo' })
          .first(),
      ).resolves.toMatchObject({ title_ja: '新規採用職員研修' });
      await knex.migrate.up({ directory: migrationsDir });
      await knex('city_hall_year_course_progress').insert({
        course_id: '00000000-0000-0000-0000-0000000000d1',
        user_ref: 'user:default/kimura.aoi',
        entry_slug: 'shutsuno-heisa',
        done_at: '2026-06-01T00:00:00.000Z',
      });
      await knex('city_hall_year_curricula')
        .where({ slug: 'shinki-saiyo' })
        .delete();
      const [{ marks }] = await knex('city_hall_year_course_progress').count({
        marks: '*',
      });
      expect(Number(marks)).toBe(0);
      await knex.migrate.down({ directory: migrationsDir });

      await knex.migrate.down({ directory: migrationsDir });
      for (const table of [
        'city_hall_year_ideas',
        'city_hall_year_idea_answers',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await expect(
        knex.schema.hasTable('city_hall_year_proposals'),
      ).resolves.toBe(true);
      await knex.migrate.up({ directory: migrationsDir });
      await knex.migrate.down({ directory: migrationsDir });

      // A proposal and the revision it became; the proposals' migration goes down
      // alone and keeps the entry's history.
      await knex('city_hall_year_proposals').insert({
        id: '00000000-0000-0000-0000-0000000000b1',
        entry_id: '00000000-0000-0000-0000-000000000001',
        status: 'accepted',
        fields: '{}',
        based_on_version: 1,
        reason: '日付が古い',
        proposed_by: 'user:default/kimura.aoi',
        created_at: '2026-06-01T00:00:00.000Z',
        updated_at: '2026-06-02T00:00:00.000Z',
        version: 2,
        accepted_revision: 2,
      });
      await knex('city_hall_year_entry_revisions').insert({
        entry_id: '00000000-0000-0000-0000-000000000001',
        revision: 2,
        action: 'acceptProposal',
        snapshot: '{}',
        changed_fields: '[]',
        created_by: 'user:default/nakamura.emi',
        created_at: '2026-06-02T00:00:00.000Z',
        proposed_by: 'user:default/kimura.aoi',
        proposal_id: '00000000-0000-0000-0000-0000000000b1',
      });
      await knex.migrate.down({ directory: migrationsDir });
      for (const table of [
        'city_hall_year_proposals',
        'city_hall_year_proposal_events',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await expect(
        knex.schema.hasColumn('city_hall_year_entry_revisions', 'proposed_by'),
      ).resolves.toBe(false);
      await expect(
        knex('city_hall_year_entry_revisions').where({ revision: 2 }).first(),
      ).resolves.toMatchObject({ action: 'acceptProposal' });
      await knex.migrate.up({ directory: migrationsDir });
      await expect(
        knex.schema.hasColumn('city_hall_year_entry_revisions', 'proposed_by'),
      ).resolves.toBe(true);
      await knex.migrate.down({ directory: migrationsDir });

      await knex.migrate.down({ directory: migrationsDir });
      await expect(
        knex.schema.hasColumn('city_hall_year_seeds', 'report'),
      ).resolves.toBe(false);
      await expect(
        knex('city_hall_year_seeds')
          .where({ name: 'content-update-2026-12' })
          .first('entry_count'),
      ).resolves.toMatchObject({ entry_count: 3 });
      await knex.migrate.up({ directory: migrationsDir });
      await expect(
        knex.schema.hasColumn('city_hall_year_seeds', 'report'),
      ).resolves.toBe(true);
      await knex.migrate.down({ directory: migrationsDir });

      await knex.migrate.down({ directory: migrationsDir });
      await expect(
        knex.schema.hasColumn('city_hall_year_clarity', 'new_staff'),
      ).resolves.toBe(false);
      const [{ answers }] = await knex('city_hall_year_clarity').count({
        answers: '*',
      });
      expect(Number(answers)).toBe(1);
      await knex.migrate.up({ directory: migrationsDir });
      await expect(
        knex.schema.hasColumn('city_hall_year_clarity', 'new_staff'),
      ).resolves.toBe(true);
      const [answer] = await knex('city_hall_year_clarity');
      expect(Boolean(answer.new_staff)).toBe(false);
      await knex.migrate.down({ directory: migrationsDir });

      await knex.migrate.down({ directory: migrationsDir });
      for (const table of [
        'city_hall_year_questions',
        'city_hall_year_clarity',
      ]) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }

      // Each later migration goes down alone and leaves the earlier ones' tables.
      await knex.migrate.down({ directory: migrationsDir });
      await expect(knex.schema.hasTable('city_hall_year_state')).resolves.toBe(
        false,
      );
      await expect(
        knex.schema.hasTable('city_hall_year_curricula'),
      ).resolves.toBe(true);
      await knex.migrate.down({ directory: migrationsDir });
      await expect(
        knex.schema.hasTable('city_hall_year_curricula'),
      ).resolves.toBe(false);
      const [{ n }] = await knex('city_hall_year_entries').count({ n: '*' });
      expect(Number(n)).toBe(1);
      await knex.migrate.latest({ directory: migrationsDir });
      const [state] = await knex('city_hall_year_state');
      expect(state).toMatchObject({ name: 'content' });

      await knex.migrate.rollback({ directory: migrationsDir }, true);
      for (const table of TABLES) {
        await expect(knex.schema.hasTable(table)).resolves.toBe(false);
      }
      await knex.destroy();
    },
  );
});
