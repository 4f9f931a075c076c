/*
 * Benchmark of GET /years/:fiscalYear with 1,000 published entries: the real plugin,
 * the real permission backend and default policy, SQLite. Prints figures; asserts
 * nothing about speed. Run: yarn workspace @internal/plugin-city-hall-year-backend bench
 */
import {
  CYCLES,
  entryInputSchema,
  type EntryFields,
} from '@internal/plugin-city-hall-year-common';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseEntryStore } from '../src/database/DatabaseEntryStore';
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

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

function get(
  port: number,
  path: string,
  auth: string,
): Promise<{ ms: number; status: number; bytes: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: { Authorization: auth },
          agent: keepAlive,
        },
        res => {
          let bytes = 0;
          res.on('data', chunk => (bytes += chunk.length));
          res.on('end', () =>
            resolve({
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              status: res.statusCode ?? 0,
              bytes,
            }),
          );
        },
      )
      .on('error', reject);
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

    const port = (server.address() as AddressInfo).port;
    const path = '/api/city-hall-year/years/2026';
    const auth = as('newHire');
    for (let i = 0; i < 20; i++) await get(port, path, auth);

    const timings: number[] = [];
    let bytes = 0;
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          next += 1;
          const r = await get(port, path, auth);
          if (r.status !== 200) throw new Error(`status ${r.status}`);
          timings.push(r.ms);
          bytes = r.bytes;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    timings.sort((a, b) => a - b);
    const memory = process.memoryUsage();
    const table = {
      entries: ENTRY_COUNT,
      requests: timings.length,
      concurrency: CONCURRENCY,
      'requests/s': Math.round(timings.length / seconds),
      'p50 ms': percentile(timings, 50).toFixed(1),
      'p99 ms': percentile(timings, 99).toFixed(1),
      'response KiB': Math.round(bytes / 1024),
      'rss MiB': Math.round(memory.rss / 2 ** 20),
    };
    // eslint-disable-next-line no-console
    console.log(
      `\nGET /years/2026 (SQLite, permission checks on)\n${Object.entries(table)
        .map(([k, v]) => `  ${k.padEnd(14)} ${v}`)
        .join('\n')}\n`,
    );
    keepAlive.destroy();
  });
});
