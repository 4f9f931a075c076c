/*
 * Benchmark of GET /years/:fiscalYear with 1,000 published entries: the real plugin,
 * the real permission backend and default policy, SQLite. Prints figures; asserts
 * nothing about speed. Run: yarn workspace @city-hall-year/backstage-plugin-city-hall-year-backend bench
 */
import {
  CYCLES,
  entryInputSchema,
  type EntryFields,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DatabaseEntryStore } from '../src/database/DatabaseEntryStore';
import { measure, printFigures } from './httpTimings';
import {
  as,
  createTestDatabases,
  entryBody,
  startCityHallYearBackend,
} from '../src/__testUtils__';

jest.setTimeout(600_000);

const ENTRY_COUNT = Number(process.env.BENCH_ENTRIES ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const OWNERS = [
  'zaisei-ka',
  'giji-ka',
  'kaikei-ka',
  'jinji-ka',
  'seisaku-kikaku-ka',
  'gyosei-kanri-ka',
];

function generatedEntry(i: number): EntryFields {
  const month = (i % 12) + 1;
  // A mix of every kind of rule, including chains of relative dates.
  const rules = [
    { kind: 'date', on: { month, day: (i % 28) + 1 } },
    {
      kind: 'months',
      from: { month, part: 'early' },
      to: { month, part: 'late' },
    },
    {
      kind: 'range',
      from: { month, day: 1 },
      to: { month: (month % 12) + 1, day: 15 },
    },
    { kind: 'relative', entry: `bench-${i - 1}`, offsetDays: 10 },
  ];
  const timing = { rules: [rules[i % 4]] };
  return entryInputSchema.parse({
    ...entryBody(`group:default/${OWNERS[i % OWNERS.length]}`),
    slug: `bench-${i}`,
    cycle: CYCLES[i % 5],
    timing,
  });
}

describe('benchmark', () => {
  const databases = createTestDatabases();

  it(`GET /years/:fy with ${ENTRY_COUNT} entries`, async () => {
    const { server, knex } = await startCityHallYearBackend(
      databases,
      'SQLITE_3',
    );
    const store = await DatabaseEntryStore.create({
      database: { getClient: async () => knex },
      skipMigrations: true,
    });
    const seeded = Array.from({ length: ENTRY_COUNT }, (_, i) =>
      generatedEntry(i),
    );
    await store.seedOnce('bench', seeded, {
      actor: 'bench',
      at: new Date().toISOString(),
    });

    const figures = await measure(
      server,
      '/api/city-hall-year/years/2026',
      as('newHire'),
      { requests: REQUESTS, concurrency: CONCURRENCY },
    );
    printFigures('GET /years/2026 (SQLite, permission checks on)', {
      entries: ENTRY_COUNT,
      concurrency: CONCURRENCY,
      ...figures,
      'rss MiB': Math.round(process.memoryUsage().rss / 2 ** 20),
    });
  });
});
