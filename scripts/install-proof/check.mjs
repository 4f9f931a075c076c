#!/usr/bin/env node
/*
 * Checks an app that docs/install.md was applied to, running at <base url>:
 *
 *   node check.mjs <base url> <screenshot.png> <failure screenshot.png>
 *
 * 1. GET /api/city-hall-year/health answers {"status":"ok"};
 * 2. a guest token from /api/auth/guest/refresh reads the current fiscal year (Asia/Tokyo,
 *    starting on 1 April) from /api/city-hall-year/years/<year>, with occurrences owned by
 *    the example organisation's 財政課 and 会計課;
 * 3. in Chromium, after signing in as guest on the sign-in page, the year page
 *    /city-hall-year shows the fiscal year as 令和… 年度 and, in its month-by-month list,
 *    the departments by their display names 担当: 財政課 and 担当: 会計課 (read from the
 *    catalog; no raw group:default/… ref anywhere), with no page error; a screenshot of
 *    the list under the year's heading is saved.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../lib/chromium.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [base, screenshot, failed] = process.argv.slice(2);
if (!base || !screenshot || !failed) {
  console.error(
    'usage: check.mjs <base url> <screenshot.png> <failure screenshot.png>',
  );
  process.exit(2);
}

const ok = msg => console.log(`  ok  ${msg}`);
class CheckError extends Error {}
const expect = (cond, msg) => {
  if (!cond) throw new CheckError(msg);
};

async function getJson(url, headers = {}) {
  const res = await fetch(new URL(url, base), { headers });
  const text = await res.text();
  expect(res.ok, `GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new CheckError(`GET ${url}: not JSON: ${text.slice(0, 300)}`);
  }
}

function currentFiscalYear() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: 'numeric',
    })
      .formatToParts(new Date())
      .map(p => [p.type, p.value]),
  );
  const year = Number(parts.year);
  return Number(parts.month) < 4 ? year - 1 : year;
}

async function api() {
  const health = await getJson('/api/city-hall-year/health');
  expect(health.status === 'ok', `health: ${JSON.stringify(health)}`);
  ok(`GET /api/city-hall-year/health -> ${JSON.stringify(health)}`);

  const refresh = await getJson('/api/auth/guest/refresh?env=development', {
    'X-Requested-With': 'XMLHttpRequest',
  });
  const token = refresh?.backstageIdentity?.token;
  expect(token, 'guest refresh gave no backstageIdentity.token');
  ok(`guest token for ${refresh.backstageIdentity.identity?.userEntityRef}`);

  const fy = currentFiscalYear();
  const year = await getJson(`/api/city-hall-year/years/${fy}`, {
    Authorization: `Bearer ${token}`,
  });
  expect(
    year.fiscalYear === fy,
    `years/${fy} answered fiscalYear ${year.fiscalYear}`,
  );
  expect(year.occurrences?.length > 0, `years/${fy} has no occurrences`);
  const owners = new Set(
    JSON.stringify(year).match(/group:default\/[\w-]+/g) ?? [],
  );
  for (const g of ['group:default/zaisei-ka', 'group:default/kaikei-ka']) {
    expect(owners.has(g), `years/${fy}: no occurrence owned by ${g}`);
  }
  ok(
    `GET /api/city-hall-year/years/${fy} -> ${year.occurrences.length} occurrences` +
      ` (${JSON.stringify(
        year.labels,
      )}), owners include zaisei-ka and kaikei-ka`,
  );
}

async function page() {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const errors = [];
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1300 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    const p = await context.newPage();
    p.on('pageerror', e => errors.push(`page error: ${e.message}`));
    await p.goto(new URL('/city-hall-year', base).href, {
      waitUntil: 'domcontentloaded',
    });

    // create-app's sign-in page offers the guest provider ("Enter" on the Guest card).
    const guest = p.getByRole('button', { name: /^enter$/i });
    await guest.first().waitFor({ timeout: 60_000 });
    await guest.first().click();
    ok('signed in as guest on the sign-in page');

    await p.waitForURL(/\/city-hall-year/, { timeout: 30_000 });
    // The fiscal year's label, in Japanese (the guide makes Japanese the app's language).
    const heading = p.getByText(/令和\s*\d+\s*年度/).first();
    await heading.waitFor({ timeout: 60_000 });
    ok(`the year page shows "${(await heading.innerText()).trim()}"`);
    // The month-by-month list names each entry's department, read from the catalog.
    await p.getByRole('tab', { name: '月ごとの一覧' }).click();
    for (const name of ['財政課', '会計課']) {
      await p
        .getByText(new RegExp(`担当:\\s*${name}`))
        .first()
        .waitFor({ timeout: 60_000 });
    }
    ok('the month-by-month list names the departments 財政課 and 会計課');
    const body = await p.evaluate(() => document.body.innerText);
    expect(
      !/group:default\//.test(body),
      'the year page shows a raw group ref instead of a name',
    );
    await heading.evaluate(el => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -24);
    });
    // Let late images and fonts settle before the picture.
    await p
      .waitForLoadState('networkidle', { timeout: 15_000 })
      .catch(() => {});
    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await p.screenshot({ path: screenshot });
    ok(`screenshot ${screenshot}`);
    expect(errors.length === 0, errors.join('\n'));
  } catch (e) {
    const pages = browser.contexts().flatMap(c => c.pages());
    if (pages[0]) {
      await pages[0].screenshot({ path: failed }).catch(() => {});
      console.error(`  (screenshot of the failure: ${failed})`);
    }
    if (errors.length) console.error(errors.join('\n'));
    throw e;
  } finally {
    await browser.close();
  }
}

try {
  await api();
  await page();
} catch (e) {
  console.error(`CHECK FAILED: ${e.message}`);
  process.exit(1);
}
