// Benchmark of the year page in headless Chromium: the built app served by the backend,
// 1,000 published entries (plus the starting content), permission checks on.
// Prints how long the page takes to become interactive and how much JavaScript the
// plugin loads lazily (gzip). Figures only: nothing here passes or fails a test.
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
