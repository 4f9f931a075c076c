import { mockServices } from '@backstage/backend-test-utils';
import {
  editableFields,
  type ContentUpdateList,
  type ContentUpdateReport,
  type EntryFields,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import jestOpenAPI from 'jest-openapi';
import knexFactory from 'knex';
import path from 'node:path';
import {
  callAs,
  createTestDatabases,
  PEOPLE,
  startCityHallYearBackend,
} from '../__testUtils__';
import { DatabaseCourseStore } from '../database/DatabaseCourseStore';
import { DatabaseEntryStore } from '../database/DatabaseEntryStore';
import {
  SEED_ACTOR,
  STARTING_CONTENT,
  STARTING_COURSES,
  seedStartingContent,
} from './contentSeed';
import {
  CONTENT_UPDATE_ACTOR,
  CONTENT_UPDATES,
  contentFingerprint,
  loadShippedContent,
  updateStartingContent,
  type ShippedContent,
} from './contentUpdate';

jestOpenAPI(path.resolve(__dirname, '../schema/openapi.yaml'));

const loaded = { actor: SEED_ACTOR, at: '2026-04-01T00:00:00.000Z' };
const person = (who: keyof typeof PEOPLE, at: string) => ({
  actor: PEOPLE[who].ref,
  at,
});

/** Steps the older content did not have yet, which the update adds. */
const ADDED = [
  'kurikoshi-keisansho',
  'gyokaku-shinchoku',
  'zaisei-jokyo-kohyo',
];

/**
 * The content as an older release shipped it: without {@link ADDED} and the newest
 * course, with the mistakes the update corrects.
 */
function olderContent(shipped: ShippedContent, newest: string): ShippedContent {
  const older: Record<string, (e: EntryFields) => EntryFields> = {
    'senketsu-shobun': e => ({
      ...e,
      summary: { ja: '3月末の専決処分は、6月の第2回定例会で承認を得ます。' },
    }),
    'kessan-nintei': e => ({ ...e, title: { ja: '決算の認定（11月）' } }),
    'dai4kai-teireikai': e => ({
      ...e,
      title: { ja: '第4回定例会（11月・12月議会）', en: 'Fourth session' },
    }),
    rinjikai: e => ({ ...e, tags: ['臨時会'] }),
  };
  return {
    entries: shipped.entries
      .filter(e => !ADDED.includes(e.slug))
      .map(e => older[e.slug]?.(e) ?? e)
      .map(e => ({
        ...e,
        dependsOn: e.dependsOn.filter(s => !ADDED.includes(s)),
        feedsInto: e.feedsInto.filter(s => !ADDED.includes(s)),
      })),
    courses: shipped.courses
      .filter(c => c.slug !== newest)
      .map(c => ({
        ...c,
        steps: c.steps
          .filter(s => !ADDED.includes(s.entry))
          .map((s, i) =>
            i === 0 ? { ...s, note: { ja: '以前の注記です。' } } : s,
          ),
      })),
  };
}

describe('the versioned content update', () => {
  let shipped: ShippedContent;
  let newest: string;

  beforeAll(async () => {
    shipped = await loadShippedContent();
    newest = CONTENT_UPDATES.flatMap(u => u.newCourses).at(-1)!;
  });

  it('is named for the content shipped now: a change to the content needs a new update', () => {
    expect(contentFingerprint(shipped)).toBe(
      CONTENT_UPDATES.at(-1)!.fingerprint,
    );
    expect(new Set(CONTENT_UPDATES.map(u => u.name)).size).toBe(
      CONTENT_UPDATES.length,
    );
    // The course it adds is shipped.
    for (const slug of CONTENT_UPDATES.flatMap(u => u.newCourses)) {
      expect(shipped.courses.map(c => c.slug)).toContain(slug);
    }
  });

  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('corrects only what nobody edited, adds what is new, and lists what it left alone', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      const courses = new DatabaseCourseStore(store.client);
      const older = olderContent(shipped, newest);
      await store.seedOnce(STARTING_CONTENT, older.entries, loaded);
      await courses.seedOnce(STARTING_COURSES, older.courses, loaded);

      // Over the year, departments and HR changed some of the loaded content.
      const id = async (slug: string) => (await store.getEntry(slug))!.id;
      const kessan = (await store.getEntry('kessan-nintei'))!;
      await store.updateEntry(
        kessan.id,
        { ...editableFields(kessan), summary: { ja: '議事課が書いた概要' } },
        {
          ...person('council', '2026-06-01T00:00:00.000Z'),
          expectedVersion: 1,
          action: 'update',
        },
      );
      await store.confirmEntry(await id('dai4kai-teireikai'), 2026, {
        ...person('council', '2026-06-02T00:00:00.000Z'),
        expectedVersion: 1,
        action: 'confirm',
      });
      await store.deleteEntry(await id('rinjikai'), {
        ...person('council', '2026-06-03T00:00:00.000Z'),
        expectedVersion: 1,
        action: 'delete',
      });
      const ownZaisei = shipped.entries.find(
        e => e.slug === 'zaisei-jokyo-kohyo',
      )!;
      await store.createEntry(
        { ...ownZaisei, summary: { ja: '財政課が自分で作った項目' } },
        person('finance', '2026-06-04T00:00:00.000Z'),
      );
      const chiefs = (await courses.getCourse('yosan-kessan-no-tsunagari'))!;
      const {
        id: _id,
        version,
        createdAt: _c,
        createdBy: _b,
        updatedAt: _u,
        updatedBy: _w,
        ...chiefFields
      } = chiefs;
      await courses.updateCourse(
        chiefs.id,
        { ...chiefFields, audience: { ja: '人事課が書き直した対象' } },
        version,
        person('hr', '2026-06-05T00:00:00.000Z'),
      );

      // The new release starts, on two replicas at once.
      const other = databaseId.startsWith('POSTGRES')
        ? knexFactory({
            client: knex.client.config.client,
            connection: knex.client.config.connection,
          })
        : knex;
      const second = await DatabaseEntryStore.create({
        database: { getClient: async () => other },
      });
      const logger = mockServices.logger.mock();
      const at = () => new Date('2026-12-03T00:00:00.000Z');
      const runs = await Promise.all([
        updateStartingContent({ entries: store, logger, now: at, shipped }),
        updateStartingContent({ entries: second, logger, now: at, shipped }),
      ]);
      if (other !== knex) await other.destroy();
      expect(runs.flat()).toHaveLength(1);
      const report = runs.flat()[0] as ContentUpdateReport;

      const slugs = (items: Array<{ slug: string }>) =>
        items.map(i => i.slug).sort();
      expect(slugs(report.entries.created)).toEqual(
        ['gyokaku-shinchoku', 'kurikoshi-keisansho'].sort(),
      );
      // Corrected: the untouched entry with a mistake, and the entries whose chains
      // now reach the added steps.
      expect(slugs(report.entries.updated)).toContain('senketsu-shobun');
      expect(
        report.entries.updated.find(u => u.slug === 'senketsu-shobun')!
          .changedFields,
      ).toEqual(['summary']);
      expect(
        report.entries.skipped.map(s => [s.slug, s.reason, s.lastChangedBy]),
      ).toEqual(
        expect.arrayContaining([
          ['kessan-nintei', 'edited', PEOPLE.council.ref],
          ['dai4kai-teireikai', 'confirmed', PEOPLE.council.ref],
          ['rinjikai', 'deleted', PEOPLE.council.ref],
          ['zaisei-jokyo-kohyo', 'slugTaken', PEOPLE.finance.ref],
        ]),
      );
      expect(report.entries.skipped).toHaveLength(4);
      const skippedKessan = report.entries.skipped.find(
        s => s.slug === 'kessan-nintei',
      )!;
      expect(skippedKessan.changedFields).toEqual(
        expect.arrayContaining(['summary', 'title']),
      );
      expect(skippedKessan.shipped?.title.ja).toBe(
        shipped.entries.find(e => e.slug === 'kessan-nintei')!.title.ja,
      );
      expect(slugs(report.courses.created)).toEqual([newest]);
      expect(slugs(report.courses.updated)).toEqual([
        'shinki-saiyo-shiyakusho-no-ichinen',
      ]);
      expect(
        report.courses.skipped.map(s => [s.slug, s.reason, s.lastChangedBy]),
      ).toEqual([['yosan-kessan-no-tsunagari', 'edited', PEOPLE.hr.ref]]);

      // What departments wrote is all still there.
      expect((await store.getEntry('kessan-nintei'))!.summary.ja).toBe(
        '議事課が書いた概要',
      );
      expect((await store.getEntry('dai4kai-teireikai'))!.title.ja).toBe(
        '第4回定例会（11月・12月議会）',
      );
      expect(await store.getEntry('rinjikai')).toBeUndefined();
      expect((await store.getEntry('zaisei-jokyo-kohyo'))!.summary.ja).toBe(
        '財政課が自分で作った項目',
      );
      expect(
        (await courses.getCourse('yosan-kessan-no-tsunagari'))!.audience?.ja,
      ).toBe('人事課が書き直した対象');

      // The corrections and additions are the shipped text, each a revision by the update.
      const senketsu = (await store.getEntry('senketsu-shobun'))!;
      const shippedSenketsu = shipped.entries.find(
        e => e.slug === 'senketsu-shobun',
      )!;
      expect(senketsu.summary).toEqual(shippedSenketsu.summary);
      const [latest] = await store.listRevisions(senketsu.id);
      expect(latest).toMatchObject({
        revision: 2,
        action: 'contentUpdate',
        createdBy: CONTENT_UPDATE_ACTOR,
        changedFields: ['summary'],
      });
      const added = (await store.getEntry('kurikoshi-keisansho'))!;
      expect(await store.listRevisions(added.id)).toEqual([
        expect.objectContaining({
          action: 'create',
          createdBy: CONTENT_UPDATE_ACTOR,
        }),
      ]);
      const newCourse = (await courses.getCourse(newest))!;
      expect(newCourse.createdBy).toBe(CONTENT_UPDATE_ACTOR);
      expect(newCourse.steps.map(s => s.entry)).not.toContain('rinjikai');
      const newHires = (await courses.getCourse(
        'shinki-saiyo-shiyakusho-no-ichinen',
      ))!;
      expect(newHires.steps).toEqual(
        shipped.courses.find(c => c.slug === newHires.slug)!.steps,
      );

      // The report is kept, and a restart applies nothing again.
      expect(await store.listContentUpdates()).toEqual([report]);
      const generation = await store.generation();
      expect(
        await updateStartingContent({ entries: store, logger, now: at }),
      ).toEqual([]);
      expect(await store.generation()).toBe(generation);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          "left 'kessan-nintei' as it is (edited by user:default/ito.makoto)",
        ),
      );
    });

    it('shows HR the report, and an entry’s history names the update', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      const older = olderContent(shipped, newest);
      await store.seedOnce(STARTING_CONTENT, older.entries, loaded);
      await new DatabaseCourseStore(store.client).seedOnce(
        STARTING_COURSES,
        older.courses,
        loaded,
      );
      const kessan = (await store.getEntry('kessan-nintei'))!;
      await store.updateEntry(
        kessan.id,
        { ...editableFields(kessan), summary: { ja: '議事課が書いた概要' } },
        {
          ...person('council', '2026-06-01T00:00:00.000Z'),
          expectedVersion: 1,
          action: 'update',
        },
      );
      // The plugin itself applies the update when it starts.
      const backend = await startCityHallYearBackend(databases, databaseId, {
        knex,
        seed: true,
      });
      const res = await callAs(backend, 'hr').get('/content-updates');
      expect(res.status).toBe(200);
      // The report with its created, updated and skipped parts is what the document says.
      expect(res).toSatisfyApiSpec();
      const list = res.body as ContentUpdateList;
      expect(list.items.map(i => i.name)).toEqual([
        CONTENT_UPDATES.at(-1)!.name,
      ]);
      expect(list.items[0].entries.created.map(c => c.slug).sort()).toEqual(
        [...ADDED].sort(),
      );
      expect(list.items[0].entries.skipped).toEqual([
        expect.objectContaining({ slug: 'kessan-nintei', reason: 'edited' }),
      ]);
      expect(
        (await callAs(backend, 'finance').get('/content-updates')).status,
      ).toBe(403);
      expect((await callAs(backend).get('/content-updates')).status).toBe(401);

      const entry = await callAs(backend, 'newHire').get(
        '/entries/senketsu-shobun',
      );
      const revisions = await callAs(backend, 'newHire').get(
        `/entries/${entry.body.id}/revisions`,
      );
      expect(revisions.body.items[0]).toMatchObject({
        action: 'contentUpdate',
        createdBy: CONTENT_UPDATE_ACTOR,
      });
    });

    it('never touches a database that was not given the starting content', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      // A city that imported its own year.
      await store.createEntry(
        shipped.entries[0],
        person('hr', '2026-04-01T00:00:00.000Z'),
      );
      const logger = mockServices.logger.mock();
      expect(
        await updateStartingContent({ entries: store, logger, shipped }),
      ).toEqual([]);
      expect(await store.listAllEntries({})).toHaveLength(1);
      expect(await store.listContentUpdates()).toEqual([]);
    });

    it('loads everything into a new database, where the update finds nothing to do', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      const logger = mockServices.logger.mock();
      await seedStartingContent({
        entries: store,
        courses: new DatabaseCourseStore(store.client),
        logger,
      });
      const [report] = await updateStartingContent({ entries: store, logger });
      expect(report.entries).toEqual({ created: [], updated: [], skipped: [] });
      expect(report.courses).toEqual({ created: [], updated: [], skipped: [] });
      expect((await store.listAllEntries({})).map(e => e.slug).sort()).toEqual(
        shipped.entries.map(e => e.slug).sort(),
      );
      const loadedCourses = await new DatabaseCourseStore(
        store.client,
      ).listCourses();
      expect(loadedCourses.map(c => c.slug).sort()).toEqual(
        shipped.courses.map(c => c.slug).sort(),
      );
      expect(loadedCourses.map(c => c.steps.length)).toEqual(
        loadedCourses.map(
          c => shipped.courses.find(s => s.slug === c.slug)!.steps.length,
        ),
      );
    });
  });
});
