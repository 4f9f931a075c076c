import { entryInputSchema } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import knexFactory from 'knex';
import { entryBody } from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { DatabaseEntryStore } from './DatabaseEntryStore';

jest.setTimeout(60_000);

const content = Array.from({ length: 30 }, (_, i) =>
  entryInputSchema.parse({
    ...entryBody('group:default/zaisei-ka'),
    slug: `seed-step-${i}`,
  }),
);
const change = {
  actor: 'plugin:city-hall-year/seed',
  at: '2026-04-01T00:00:00.000Z',
};

describe('DatabaseEntryStore', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('loads the starting content exactly once when replicas start together', async () => {
      const knex = await databases.init(databaseId);
      // A second replica has its own connection pool to the same database (SQLite in
      // memory cannot be shared, so there the replicas share the pool).
      const other = databaseId.startsWith('POSTGRES')
        ? knexFactory({
            client: knex.client.config.client,
            connection: knex.client.config.connection,
          })
        : knex;
      const a = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      const b = await DatabaseEntryStore.create({
        database: { getClient: async () => other },
      });
      const loaded = await Promise.all([
        a.seedOnce('starting-content-v1', content, change),
        b.seedOnce('starting-content-v1', content, change),
        a.seedOnce('starting-content-v1', content, change),
      ]);
      expect(loaded.filter(Boolean)).toHaveLength(1);
      const [{ count }] = await knex('city_hall_year_entries').count({
        count: '*',
      });
      expect(Number(count)).toBe(content.length);
      if (other !== knex) await other.destroy();
    });

    it('never overwrites what departments edited when it starts again', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      await store.seedOnce('starting-content-v1', content, change);
      const entry = (await store.getEntry('seed-step-0'))!;
      await store.updateEntry(
        entry.id,
        { ...content[0], summary: { ja: '財政課が直した概要' } },
        {
          actor: 'user:default/yamada.taro',
          at: '2026-05-01T00:00:00.000Z',
          expectedVersion: 1,
          action: 'update',
        },
      );
      await store.deleteEntry((await store.getEntry('seed-step-1'))!.id, {
        ...change,
        expectedVersion: 1,
        action: 'delete',
      });

      expect(await store.seedOnce('starting-content-v1', content, change)).toBe(
        false,
      );
      expect((await store.getEntry('seed-step-0'))!.summary.ja).toBe(
        '財政課が直した概要',
      );
      expect(await store.getEntry('seed-step-1')).toBeUndefined();
    });

    it('writes an import in one transaction: a stale row undoes the rows before it', async () => {
      const knex = await databases.init(databaseId);
      const store = await DatabaseEntryStore.create({
        database: { getClient: async () => knex },
      });
      await store.seedOnce('starting-content-v1', content.slice(0, 2), change);
      const existing = (await store.getEntry('seed-step-0'))!;
      const fresh = entryInputSchema.parse({
        ...entryBody('group:default/zaisei-ka'),
        slug: 'import-new-step',
      });
      await expect(
        store.applyImport(
          {
            creates: [fresh],
            updates: [
              {
                id: existing.id,
                expectedVersion: 99,
                fields: { ...content[0], summary: { ja: '古い版' } },
              },
            ],
          },
          change,
        ),
      ).rejects.toThrow(/changed meanwhile|version/);
      expect(await store.getEntry('import-new-step')).toBeUndefined();
      expect((await store.getEntry('seed-step-0'))!.version).toBe(1);
    });
  });
});
