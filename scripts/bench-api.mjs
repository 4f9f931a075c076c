// Benchmarks the API of the built backend with autocannon on loopback, side by side
// with what a city would use instead and with the physical limit of the machine:
//   - GET /api/city-hall-year/years/:fy (a signed-in reader's token, permission checks on)
//   - a bare Node http server answering the same JSON bytes (the limit)
//   - the same items as catalog entities through /api/catalog/entities/by-query
//   - the calendar feed, GET /entries with filters, and a create/update loop
// at 1,000 entries, then the year view again at 10,000. Before that, at the shipped
// content, the cost of one request: the year and one entry side by side with the
// plugin's own /health route on the same backend (20 connections). Each line also
// gives the backend's peak resident memory while it ran; the same backend without City
// Hall Year, started first, is the baseline that tells the plugin's share of memory
// from Backstage's. Prints a table; not a test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

import {
  prepareBuiltBackend,
  ROOT,
  startBuiltBackend,
  stop,
  token as signIn,
  waitFor,
  builtCommon,
} from './lib/builtBackend.mjs';
import {
  generatedEntriesYaml,
  OWNERS,
  writableEntry,
} from './lib/generatedEntries.mjs';

const require = createRequire(import.meta.url);
/** From the built contract, once the backend is built (see main). */
let editableFields;
const autocannon = require('autocannon');
const PORT = Number(process.env.BENCH_PORT ?? 7017);
const BASE = `http://localhost:${PORT}`;
const API = `${BASE}/api/city-hall-year`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const SMALL = 1000;
const LARGE = Number(process.env.BENCH_LARGE ?? 10000);

function catalogEntities(count) {
  let yaml = '';
  for (let i = 0; i < count; i++) {
    yaml += `---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: bench-step-${i}
  title: 手順${i}
  description: ベンチマーク用の手順${i}です。一年の流れの中での役割を示すためです。
  annotations:
    city-hall-year/timing: '${(i % 12) + 1}月'
spec:
  type: city-hall-year-step
  owner: group:default/${OWNERS[i % OWNERS.length]}
`;
  }
  return yaml;
}

const token = user => signIn(BASE, user);

function status(pid, field) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)[1]) / 1024,
    );
  } catch {
    return NaN;
  }
}

/** Resident memory now (MiB). */
const rssMiB = pid => status(pid, 'VmRSS');
/** The most resident memory since the last {@link resetPeak} (MiB). */
const peakMiB = pid => status(pid, 'VmHWM');
/** Starts measuring the peak afresh (Linux: clear_refs 5 resets VmHWM). */
function resetPeak(pid) {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {}
}

/** The process's memory when it has had `seconds` of nothing to do. */
async function atRest(name, pid, seconds = 5) {
  await new Promise(r => setTimeout(r, seconds * 1000));
  const row = {
    name,
    rps: NaN,
    p50: NaN,
    p99: NaN,
    errors: NaN,
    mib: rssMiB(pid),
    peak: NaN,
    rest: true,
  };
  console.log(`  ${name}: ${row.mib} MiB resident`);
  return row;
}

/** The process that listens on the port: yarn is not in between here, node is. */
async function cannon(name, url, headers, pid, connections = CONNECTIONS) {
  if (pid) resetPeak(pid);
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: DURATION,
  });
  const row = {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    mib: pid ? rssMiB(pid) : NaN,
    peak: pid ? peakMiB(pid) : NaN,
    kib: Math.round(
      result.throughput.average / Math.max(result.requests.average, 1) / 1024,
    ),
  };
  console.log(
    `  ${name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors`,
  );
  return row;
}

/**
 * One request at a time: what a single reader waits. `before` runs ahead of each
 * request (an edit, to measure the answer computed afresh).
 */
async function single(name, url, headers, pid, before) {
  resetPeak(pid);
  const times = [];
  for (let i = 0; i < 15; i++) {
    if (before) await before(i);
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const row = {
    name,
    rps: NaN,
    p50: Math.round(times[7]),
    p99: Math.round(times[14]),
    errors: 0,
    mib: rssMiB(pid),
    peak: peakMiB(pid),
  };
  console.log(
    `  ${name}: p50 ${row.p50} ms, max ${row.p99} ms, peak ${row.peak} MiB`,
  );
  return row;
}

async function writeLoop(headers, seconds) {
  const latencies = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  let n = 0;
  const worker = async w => {
    while (Date.now() < until) {
      const slug = `bench-write-${w}-${n++}-${Date.now()}`;
      let started = Date.now();
      const created = await fetch(`${API}/entries`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(writableEntry(slug, '書き込みの試験')),
      });
      latencies.push(Date.now() - started);
      if (created.status !== 201) {
        errors++;
        continue;
      }
      const entry = await created.json();
      started = Date.now();
      const updated = await fetch(`${API}/entries/${entry.id}`, {
        method: 'PUT',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...editableFields(entry),
          summary: { ja: '更新済み' },
          version: entry.version,
        }),
      });
      latencies.push(Date.now() - started);
      if (updated.status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: 5 }, (_, w) => worker(w)));
  latencies.sort((a, b) => a - b);
  const row = {
    name: 'create/update loop (5 writers)',
    rps: Math.round(latencies.length / seconds),
    p50: latencies[Math.floor(latencies.length * 0.5)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    errors,
  };
  console.log(
    `  ${row.name}: ${row.rps} writes/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${errors} errors`,
  );
  return row;
}

/**
 * The physical limit: a bare Node http server in a process of its own (as the backend
 * is), answering every request with the same bytes.
 */
async function bareServer(body, dir) {
  const file = path.join(dir, 'bare-body.json');
  fs.writeFileSync(file, body);
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const body = require('fs').readFileSync(${JSON.stringify(file)});
       require('http').createServer((req, res) => {
         res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
         res.end(body);
       }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise(resolve =>
    child.stdout.once('data', chunk => resolve(Number(String(chunk).trim()))),
  );
  return { child, port };
}

const CHEAP_CONNECTIONS = 20;

/**
 * What one request costs at the shipped content (about 50 entries): the year and one
 * entry, side by side with the plugin's /health on the same backend.
 */
async function requestCost(reader, pid) {
  const gzip = { 'accept-encoding': 'gzip' };
  console.log(
    `\nAt the shipped content, ${CHEAP_CONNECTIONS} connections, ${DURATION} s each:`,
  );
  return [
    await cannon(
      'GET /health (the floor)',
      `${API}/health`,
      gzip,
      pid,
      CHEAP_CONNECTIONS,
    ),
    await cannon(
      'GET /years/2026 (shipped content), gzip',
      `${API}/years/2026`,
      { ...reader, ...gzip },
      pid,
      CHEAP_CONNECTIONS,
    ),
    await cannon(
      'GET /entries/shutsuno-heisa, gzip',
      `${API}/entries/shutsuno-heisa`,
      { ...reader, ...gzip },
      pid,
      CHEAP_CONNECTIONS,
    ),
  ];
}

/**
 * The same built backend without City Hall Year (CITY_HALL_YEAR_BENCH_BASELINE, see
 * packages/backend/src/index.ts), on its own database: its memory at rest once the
 * catalog has read the organisation, and its peak until then.
 */
async function baselineMemory(dist, data) {
  const port = PORT + 1;
  const dir = path.join(data, 'baseline');
  fs.mkdirSync(dir);
  const config = path.join(dir, 'baseline.yaml');
  fs.writeFileSync(
    config,
    fs
      .readFileSync(path.join(data, 'bench.yaml'), 'utf8')
      .replaceAll(String(PORT), String(port))
      .replace(`directory: ${data}`, `directory: ${dir}`),
  );
  console.log(
    `Starting the same backend without City Hall Year on :${port} (the baseline)…`,
  );
  const child = startBuiltBackend(dist, config, path.join(dir, 'backend.log'), {
    CITY_HALL_YEAR_BENCH_BASELINE: 'true',
  });
  try {
    const base = `http://localhost:${port}`;
    await waitFor(
      async () => (await fetch(`${base}/.backstage/health/v1/readiness`)).ok,
      180,
      'the baseline backend',
    );
    // Signed in once, and the catalog has read the organisation.
    const user = await signIn(base, 'kimura.aoi');
    await waitFor(
      async () =>
        (
          await fetch(
            `${base}/api/catalog/entities/by-name/group/default/kaikei-ka`,
            { headers: { Authorization: `Bearer ${user}` } },
          )
        ).ok,
      180,
      'the baseline catalog',
    );
    await new Promise(r => setTimeout(r, 10_000));
    const result = { rest: rssMiB(child.pid), peak: peakMiB(child.pid) };
    console.log(
      `  baseline at rest: ${result.rest} MiB resident (peak ${result.peak} MiB while starting)`,
    );
    return result;
  } finally {
    await stop(child);
  }
}

async function main() {
  console.log('Building the backend bundle…');
  const dist = prepareBuiltBackend('bench-dist');
  ({ editableFields } = builtCommon(dist));
  const data = fs.mkdtempSync(
    path.join(os.tmpdir(), 'city-hall-year-bench-api-'),
  );
  fs.writeFileSync(
    path.join(data, 'bench-entities.yaml'),
    catalogEntities(SMALL),
  );
  fs.writeFileSync(
    path.join(data, 'bench.yaml'),
    `backend:
  baseUrl: ${BASE}
  listen: { port: ${PORT} }
  database:
    client: better-sqlite3
    connection: { directory: ${data} }
app:
  baseUrl: ${BASE}
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, Group, User]
  locations:
    - type: file
      target: ${path.join(
        ROOT,
        'plugins/city-hall-year-backend/examples/org.yaml',
      )}
    - type: file
      target: ${path.join(ROOT, 'catalog-info.yaml')}
    - type: file
      target: ${path.join(data, 'bench-entities.yaml')}
cityHallYear:
  reminders: { enabled: false }
`,
  );
  const baseline = await baselineMemory(dist, data);
  console.log(`Starting the built backend on :${PORT} (SQLite in ${data})…`);
  const backend = startBuiltBackend(
    dist,
    path.join(data, 'bench.yaml'),
    path.join(data, 'backend.log'),
  );

  const rows = [];
  const perRequest = [];
  let bare;
  try {
    await waitFor(
      async () => (await fetch(`${API}/health`)).ok,
      180,
      'the backend',
    );
    const hr = { Authorization: `Bearer ${await token('sato.hanako')}` };
    const reader = { Authorization: `Bearer ${await token('kimura.aoi')}` };
    const finance = { Authorization: `Bearer ${await token('yamada.taro')}` };

    rows.push(
      await atRest('backend at rest (the starting content)', backend.pid),
    );
    perRequest.push(...(await requestCost(reader, backend.pid)));
    rows.push(...perRequest);

    const imported = await fetch(`${API}/import?format=yaml&dryRun=false`, {
      method: 'POST',
      headers: { ...hr, 'Content-Type': 'application/yaml' },
      body: generatedEntriesYaml({ prefix: 'bench-step', count: SMALL }),
    });
    if (!imported.ok)
      throw new Error(
        `Import failed: ${imported.status} ${await imported.text()}`,
      );
    const edit = async i => {
      // An edit raises the content generation: the next read computes its answer afresh.
      const e = await (
        await fetch(`${API}/entries/bench-step-1`, { headers: hr })
      ).json();
      const res = await fetch(`${API}/entries/${e.id}`, {
        method: 'PUT',
        headers: { ...hr, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...editableFields(e),
          summary: { ja: `更新${i}-${Date.now()}` },
          version: e.version,
        }),
      });
      if (!res.ok) throw new Error(`Edit failed: ${res.status}`);
    };
    const catalogUrl = `${BASE}/api/catalog/entities/by-query?filter=kind=resource,spec.type=city-hall-year-step&limit=${SMALL}`;
    console.log('Waiting for the catalog to hold the same items as entities…');
    await waitFor(
      async () =>
        (
          await (await fetch(catalogUrl, { headers: reader })).json()
        ).items.length === SMALL,
      300,
      'the catalog entities',
    );
    const feedToken = (
      await (
        await fetch(`${API}/feed-tokens`, {
          method: 'POST',
          headers: { ...reader, 'Content-Type': 'application/json' },
          body: JSON.stringify({ label: 'bench' }),
        })
      ).json()
    ).token;

    const yearUrl = `${API}/years/2026`;
    const yearBytes = Buffer.from(
      await (await fetch(yearUrl, { headers: reader })).arrayBuffer(),
    );
    // Browsers ask for gzip; the year view is compressed once per content generation,
    // and the bare server answers the same compressed bytes.
    const gzip = { 'accept-encoding': 'gzip' };
    const yearGzip = zlib.gzipSync(yearBytes);
    bare = await bareServer(yearGzip, data);
    const pid = backend.pid;

    console.log(
      `\n${SMALL} entries (+ the starting content), ${CONNECTIONS} connections, ${DURATION} s each:`,
    );
    rows.push(
      await cannon(
        `bare Node http, same bytes (${Math.round(
          yearGzip.length / 1024,
        )} KiB gzip)`,
        `http://127.0.0.1:${bare.port}/`,
        {},
        bare.child.pid,
      ),
    );
    rows.push(
      await cannon(
        `GET /years/2026 (${SMALL}), gzip`,
        yearUrl,
        { ...reader, ...gzip },
        pid,
      ),
    );
    rows.push(
      await cannon(
        `catalog by-query, ${SMALL} entities, gzip`,
        catalogUrl,
        { ...reader, ...gzip },
        pid,
      ),
    );
    rows.push(
      await cannon(
        `GET /years/2026 (${SMALL}), uncompressed ${Math.round(
          yearBytes.length / 1024,
        )} KiB`,
        yearUrl,
        reader,
        pid,
      ),
    );
    rows.push(
      await cannon(
        `ICS feed (${SMALL}), gzip`,
        `${API}/feeds/calendar.ics?token=${feedToken}`,
        gzip,
        pid,
      ),
    );
    rows.push(
      await cannon(
        'GET /entries?cycle&owner&q&fiscalYear',
        `${API}/entries?cycle=budget,council&owner=group:default/zaisei-ka&q=${encodeURIComponent(
          '手順',
        )}&fiscalYear=2026&limit=50`,
        { ...reader, ...gzip },
        pid,
      ),
    );
    rows.push(
      await single(
        `ICS feed (${SMALL}), one calendar`,
        `${API}/feeds/calendar.ics?token=${feedToken}`,
        gzip,
        pid,
      ),
    );
    rows.push(
      await single(
        `ICS feed (${SMALL}), right after an edit`,
        `${API}/feeds/calendar.ics?token=${feedToken}`,
        gzip,
        pid,
        edit,
      ),
    );
    resetPeak(pid);
    rows.push({
      ...(await writeLoop(finance, DURATION)),
      mib: rssMiB(pid),
      peak: peakMiB(pid),
    });
    rows.push(await atRest(`backend at rest (${SMALL})`, pid));

    console.log(`\nImporting up to ${LARGE} entries…`);
    for (let from = SMALL; from < LARGE; from += 3000) {
      const res = await fetch(`${API}/import?format=yaml&dryRun=false`, {
        method: 'POST',
        headers: { ...hr, 'Content-Type': 'application/yaml' },
        body: generatedEntriesYaml({
          prefix: 'bench-step',
          from,
          count: Math.min(3000, LARGE - from),
        }),
      });
      if (!res.ok)
        throw new Error(
          `Import failed: ${res.status} ${(await res.text()).slice(0, 300)}`,
        );
    }
    rows.push(await atRest(`backend at rest (${LARGE})`, backend.pid, 10));
    // The limit again, for the larger answer.
    const largeGzip = zlib.gzipSync(
      Buffer.from(
        await (await fetch(yearUrl, { headers: reader })).arrayBuffer(),
      ),
    );
    const largeBare = await bareServer(largeGzip, data);
    try {
      rows.push(
        await cannon(
          `bare Node http, same bytes (${Math.round(
            largeGzip.length / 1024,
          )} KiB gzip)`,
          `http://127.0.0.1:${largeBare.port}/`,
          {},
          largeBare.child.pid,
        ),
      );
    } finally {
      largeBare.child.kill();
    }
    rows.push(
      await cannon(
        `GET /years/2026 (${LARGE}), gzip`,
        yearUrl,
        { ...reader, ...gzip },
        pid,
      ),
    );
    console.log('\nOne request at a time:');
    rows.push(
      await single(
        `GET /years/2026 (${LARGE}), one reader`,
        yearUrl,
        { ...reader, ...gzip },
        pid,
      ),
    );
    rows.push(
      await single(
        `GET /years/2026 (${LARGE}), right after an edit`,
        yearUrl,
        { ...reader, ...gzip },
        pid,
        edit,
      ),
    );
    rows.push(
      await single(
        `ICS feed (${LARGE}), one calendar`,
        `${API}/feeds/calendar.ics?token=${feedToken}`,
        gzip,
        pid,
      ),
    );
    rows.push(
      await single(
        `ICS feed (${LARGE}), right after an edit`,
        `${API}/feeds/calendar.ics?token=${feedToken}`,
        gzip,
        pid,
        edit,
      ),
    );
  } finally {
    bare?.child.kill();
    await stop(backend);
  }

  const byName = name => rows.find(r => r.name.startsWith(name));
  const limit = byName('bare Node http');
  const ours = byName(`GET /years/2026 (${SMALL}), gzip`);
  const catalog = byName('catalog by-query');
  const mib = v => (Number.isNaN(v) || v === undefined ? '—' : v);
  console.log(
    `\n| measure | requests/s | p50 ms | p99 ms | errors | RSS MiB after | peak RSS MiB | plugin's share MiB |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| the same backend without City Hall Year, at rest | — | — | — | — | ${baseline.rest} | ${baseline.peak} | — |`,
  );
  for (const r of rows) {
    // The bare server's lines are another process's memory.
    const top = r.name.startsWith('bare') ? NaN : r.rest ? r.mib : r.peak;
    console.log(
      `| ${r.name} | ${mib(r.rps)} | ${mib(r.p50)} | ${mib(r.p99)} | ${mib(
        r.errors,
      )} | ${mib(r.mib)} | ${mib(r.peak)} | ${
        Number.isNaN(top) || top === undefined ? '—' : top - baseline.rest
      } |`,
    );
  }
  console.log(
    `\n"plugin's share": the backend's resident memory (at rest, or its peak during the line) less the same backend without City Hall Year at rest.`,
  );
  const [health, year, entry] = perRequest;
  console.log(
    `per request, at the shipped content (${CHEAP_CONNECTIONS} connections): GET /years/2026 ${(
      year.rps / health.rps
    ).toFixed(2)}× /health (target 0.9×), GET /entries/shutsuno-heisa ${(
      entry.rps / health.rps
    ).toFixed(2)}× /health (target 0.8×)`,
  );
  console.log(
    `ours / bare limit: ${(ours.rps / limit.rps).toFixed(
      2,
    )}×   ours / catalog: ${(ours.rps / catalog.rps).toFixed(1)}×`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
