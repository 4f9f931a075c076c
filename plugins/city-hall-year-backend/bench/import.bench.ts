/*
 * Benchmark of importing a large spreadsheet: a dry run and an apply of 3,000 CSV rows
 * through the real plugin and permission backend on SQLite. Prints figures only.
 */
import {
  ENTRY_COLUMNS,
  entryInputSchema,
  entryToRow,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { stringify } from 'csv-stringify/sync';
import {
  callAs,
  createTestDatabases,
  entryBody,
  FINANCE,
  startCityHallYearBackend,
} from '../src/__testUtils__';

jest.setTimeout(600_000);

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 3000);

describe('benchmark', () => {
  const databases = createTestDatabases();

  it(`imports ${ROWS} CSV rows`, async () => {
    const { server } = await startCityHallYearBackend(databases, 'SQLITE_3');
    const rows = Array.from({ length: ROWS }, (_, i) =>
      entryToRow(
        entryInputSchema.parse({
          ...entryBody(FINANCE),
          slug: `import-bench-${i}`,
          timing: {
            rules: [
              {
                kind: 'months',
                from: { month: (i % 12) + 1 },
                to: { month: (i % 12) + 1 },
              },
            ],
          },
        }),
      ),
    );
    const csv = `\uFEFF${stringify(rows, {
      header: true,
      columns: ENTRY_COLUMNS.map(c => c.key),
    })}`;
    const figures: Record<string, string> = {
      rows: String(ROWS),
      'file KiB': String(Math.round(csv.length / 1024)),
    };
    for (const dryRun of [true, false]) {
      const started = Date.now();
      const res = await callAs({ server }, 'finance')
        .post(`/import?format=csv&dryRun=${dryRun}`)
        .set('Content-Type', 'text/csv')
        .send(csv);
      if (res.status !== 200)
        throw new Error(
          `status ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`,
        );
      figures[dryRun ? 'dry run s' : 'apply s'] = (
        (Date.now() - started) /
        1000
      ).toFixed(2);
    }
    // eslint-disable-next-line no-console
    console.log(
      `\nPOST /import (CSV, SQLite)\n${Object.entries(figures)
        .map(([k, v]) => `  ${k.padEnd(14)} ${v}`)
        .join('\n')}\n`,
    );
  });
});
