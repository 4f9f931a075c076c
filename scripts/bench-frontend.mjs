// Benchmark of the year page in headless Chromium: the built app served by the backend,
// 1,000 published entries (plus the starting content), permission checks on.
//
// 1. First load, side by side with the catalog's entity list in the same app and run:
//    each page opened by its address in a fresh browser context (nothing cached), with
//    its largest contentful paint, total blocking time (long tasks after the first
//    paint, less 50 ms each, until the page is settled) and the JavaScript transferred
//    (gzip, as the backend sends it), all of it and the part the other page does not load.
// 2. The year page reached from the home page: how long until it answers input, the
//    month list, and the JavaScript the plugin loads lazily.
// Figures only: nothing here passes or fails a test.
import { spawn, execFileSync } from 'node:child_process';
import { CHROMIUM_LAUNCH } from './lib/chromium.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { generatedEntriesYaml } from './lib/generatedEntries.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const ROOT = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BASE = 'http://localhost:7007';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`Timed out waiting for ${url}`);
}

/** A token of an example user; retried while the catalog is still reading the organisation. */
async function token(user) {
  for (let i = 0; i < 60; i++) {
    const res = await fetch(`${BASE}/api/auth/demo/refresh?env=development`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-Demo-User': user },
    });
    if (res.ok) return (await res.json()).backstageIdentity.token;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`Could not sign in as ${user}`);
}

/**
 * Opens `url` in a fresh context and measures its first load: LCP, TBT and the scripts
 * it transfers. `ready` waits for the page's content.
 */
async function firstLoad(browser, url, ready) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'ja-JP',
  });
  await context.addInitScript(() => {
    window.localStorage.setItem('city-hall-year:demo-user', 'kimura.aoi');
    const perf = { lcp: 0, lcpElement: '', longTasks: [] };
    window.__firstLoad = perf;
    new PerformanceObserver(list => {
      for (const entry of list.getEntries()) {
        perf.lcp = entry.startTime;
        const el = entry.element;
        perf.lcpElement = el
          ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '')
              .trim()
              .slice(0, 30)}"`
          : '';
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver(list => {
      for (const entry of list.getEntries())
        perf.longTasks.push({
          start: entry.startTime,
          duration: entry.duration,
        });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map();
  cdp.on('Network.responseReceived', event => {
    if (event.type === 'Script')
      scripts.set(event.requestId, { url: event.response.url, bytes: 0 });
  });
  cdp.on('Network.loadingFinished', event => {
    const script = scripts.get(event.requestId);
    if (script) script.bytes = event.encodedDataLength;
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  // Settled: a second with nothing more to fetch, so late long tasks are counted.
  await page.waitForTimeout(1000);
  const perf = await page.evaluate(() => {
    const fcp =
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const { lcp, lcpElement, longTasks } = window.__firstLoad;
    const tbt = longTasks
      .filter(t => t.start + t.duration > fcp)
      .reduce(
        (sum, t) =>
          sum + Math.max(0, t.start + t.duration - Math.max(t.start, fcp) - 50),
        0,
      );
    return { fcp, lcp, lcpElement, tbt };
  });
  await context.close();
  const files = new Map(
    [...scripts.values()].map(s => [new URL(s.url).pathname, s.bytes]),
  );
  return { ...perf, files };
}

const sum = values => values.reduce((a, b) => a + b, 0);
const kib = bytes => (bytes / 1024).toFixed(1);

/** The year page and the catalog's list, opened in turn, `RUNS` times each. */
async function firstLoads(browser) {
  const pages = {
    'year page': {
      url: `${BASE}/city-hall-year`,
      ready: page =>
        page
          .getByTestId('timeline-bar-bench-page-0')
          .waitFor({ timeout: 60_000 }),
    },
    'catalog list': {
      url: `${BASE}/catalog?filters%5Bkind%5D=group&filters%5Buser%5D=all`,
      ready: page =>
        page
          .getByRole('row')
          .filter({ hasText: '会計課' })
          .first()
          .waitFor({ timeout: 60_000 }),
    },
  };
  const results = Object.fromEntries(Object.keys(pages).map(k => [k, []]));
  // One unmeasured load of each first: the backend's first answers fill its caches.
  for (const { url, ready } of Object.values(pages))
    await firstLoad(browser, url, ready);
  for (let run = 0; run < RUNS; run++)
    for (const [name, { url, ready }] of Object.entries(pages))
      results[name].push(await firstLoad(browser, url, ready));

  const [year, catalog] = Object.values(results).map(runs => runs.at(-1).files);
  const own = (mine, theirs) =>
    sum([...mine].filter(([f]) => !theirs.has(f)).map(([, b]) => b));
  const rows = Object.entries(results).map(([name, runs]) => {
    const files = runs.at(-1).files;
    const other = files === year ? catalog : year;
    return {
      name,
      fcp: median(runs.map(r => r.fcp)),
      lcp: median(runs.map(r => r.lcp)),
      lcpMax: Math.max(...runs.map(r => r.lcp)),
      tbt: median(runs.map(r => r.tbt)),
      js: sum([...files.values()]),
      count: files.size,
      own: own(files, other),
      ownCount: [...files.keys()].filter(f => !other.has(f)).length,
      lcpElement: runs.at(-1).lcpElement,
    };
  });
  console.log(
    `\nFirst load in headless Chromium, 1280×800, fresh context each (built app, SQLite, median of ${RUNS})`,
  );
  console.log(
    `  ${'page'.padEnd(14)} ${'FCP ms'.padStart(7)} ${'LCP ms'.padStart(
      7,
    )} ${'max'.padStart(6)} ${'TBT ms'.padStart(7)} ${'JS KiB gzip'.padStart(
      12,
    )} ${'files'.padStart(6)} ${'own KiB'.padStart(8)} ${'own files'.padStart(
      9,
    )}  largest paint`,
  );
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(14)} ${r.fcp.toFixed(0).padStart(7)} ${r.lcp
        .toFixed(0)
        .padStart(7)} ${r.lcpMax.toFixed(0).padStart(6)} ${r.tbt
        .toFixed(0)
        .padStart(7)} ${kib(r.js).padStart(12)} ${String(r.count).padStart(
        6,
      )} ${kib(r.own).padStart(8)} ${String(r.ownCount).padStart(9)}  ${
        r.lcpElement
      }`,
    );
  const [y, c] = rows;
  console.log(
    `  "own": scripts the other page does not load. Year page / catalog: JS ${(
      y.js / c.js
    ).toFixed(2)}×, own JS ${(y.own / c.own).toFixed(2)}×, LCP ${(
      y.lcp / c.lcp
    ).toFixed(2)}×`,
  );
  console.log(
    `  FCP: the app's shell (sidebar) first painted; LCP - FCP is the page's own part.`,
  );
  console.log(
    `  targets: year page JS <= catalog list JS, LCP < 1500 ms: ${
      y.js <= c.js && y.own <= c.own && y.lcp < 1500 ? 'met' : 'NOT met'
    }\n`,
  );
}

async function main() {
  const appDist = path.join(ROOT, 'packages/app/dist');
  if (
    !fs.existsSync(path.join(appDist, 'index.html')) ||
    process.env.BENCH_REBUILD
  ) {
    console.log('Building the app (production bundle)…');
    execFileSync('yarn', ['workspace', 'app', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'city-hall-year-bench-'));
  const backend = spawn('yarn', ['workspace', 'backend', 'start'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      APP_CONFIG_app_baseUrl: BASE,
      APP_CONFIG_backend_cors_origin: BASE,
      APP_CONFIG_backend_database_connection_directory: data,
    },
  });
  try {
    await waitFor(`${BASE}/api/city-hall-year/health`, 300);
    await waitFor(`${BASE}/`, 60);
    const hr = await token('sato.hanako');
    const imported = await fetch(
      `${BASE}/api/city-hall-year/import?format=yaml&dryRun=false`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${hr}`,
          'Content-Type': 'application/yaml',
        },
        body: generatedEntriesYaml({ prefix: 'bench-page', count: ENTRIES }),
      },
    );
    if (!imported.ok)
      throw new Error(
        `Import failed: ${imported.status} ${(await imported.text()).slice(
          0,
          300,
        )}`,
      );
    const year = await (
      await fetch(`${BASE}/api/city-hall-year/years/2026`, {
        headers: { Authorization: `Bearer ${hr}` },
      })
    ).json();

    const browser = await chromium.launch({
      ...CHROMIUM_LAUNCH,
    });
    if (process.env.BENCH_FIRST_LOAD !== 'skip') await firstLoads(browser);
    if (process.env.BENCH_FIRST_LOAD === 'only') {
      await browser.close();
      return;
    }
    const interactive = [];
    const listSwitch = [];
    let lazyBytes = 0;
    let lazyFiles = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 1000 },
        locale: 'ja-JP',
      });
      await context.addInitScript(() =>
        window.localStorage.setItem('city-hall-year:demo-user', 'kimura.aoi'),
      );
      const page = await context.newPage();
      // The app shell first (home), then the year page as a person reaches it: from the sidebar.
      await page.goto(`${BASE}/`);
      await page.getByTestId('now-and-next-card').waitFor();
      const scripts = [];
      page.on('response', res => {
        if (res.request().resourceType() === 'script') scripts.push(res.url());
      });
      const started = Date.now();
      await page
        .getByRole('navigation')
        .getByText('市役所の一年')
        .first()
        .click();
      await page.getByTestId('timeline-bar-bench-page-0').waitFor();
      // Interactive: the year is drawn and the page answers input (a cycle filter).
      await page.getByRole('button', { name: '議会' }).click();
      await page
        .getByTestId('timeline-bar-bench-page-1')
        .waitFor({ state: 'detached' });
      interactive.push(Date.now() - started);
      // The heaviest view: every step of the year, month by month.
      const switched = Date.now();
      await page.getByRole('button', { name: '議会' }).click();
      await page.getByRole('tab', { name: '月ごとの一覧' }).click();
      await page.getByTestId('month-3').waitFor();
      listSwitch.push(Date.now() - switched);
      if (run === 0) {
        lazyFiles = scripts.map(u =>
          path.join(appDist, new URL(u).pathname.replace(/^\//, '')),
        );
        lazyBytes = lazyFiles
          .filter(f => fs.existsSync(f))
          .reduce(
            (sum, f) => sum + zlib.gzipSync(fs.readFileSync(f)).length,
            0,
          );
      }
      await context.close();
    }
    await browser.close();

    const rows = {
      'entries in the year': year.occurrences.length,
      runs: RUNS,
      'interactive ms (median)': median(interactive),
      'interactive ms (max)': Math.max(...interactive),
      'month list ms (median)': median(listSwitch),
      'lazy JS files': lazyFiles.length,
      'lazy JS KiB gzip': (lazyBytes / 1024).toFixed(1),
    };
    console.log('\nYear page in headless Chromium (built app, SQLite)');
    for (const [k, v] of Object.entries(rows))
      console.log(`  ${k.padEnd(26)} ${v}`);
    console.log(`  targets: interactive <= 1000 ms, lazy JS <= 200 KiB gzip\n`);
  } finally {
    try {
      process.kill(-backend.pid, 'SIGTERM');
    } catch {}
    fs.rmSync(data, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
