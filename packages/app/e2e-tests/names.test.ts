import { expect, test } from '@playwright/test';
import { leaksIn } from './identifierLeaks';
import { api, signIn } from './signIn';

/** Every page of the plugin a person reads, and something that shows it is there. */
const PAGES: Array<[name: string, path: string, ready: string]> = [
  ['year (timeline)', '/city-hall-year', '[data-testid=timeline]'],
  ['year (month list)', '/city-hall-year?view=list', 'text=4月'],
  ['year (wheel)', '/city-hall-year?view=wheel', '[data-testid=year-wheel]'],
  [
    'entry',
    '/city-hall-year/entries/shutsuno-heisa',
    '[data-testid=entry-chain] a',
  ],
  [
    'history',
    '/city-hall-year/entries/shutsuno-heisa/history',
    '[data-testid=revision-list]',
  ],
  ['courses', '/city-hall-year/courses', '[data-testid=course-new], h1'],
  [
    'course',
    '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
    '[data-testid=course-start]',
  ],
  [
    'course step',
    '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen/1',
    '[data-testid=entry-chain] a',
  ],
  ['feeds', '/city-hall-year/feeds', '[data-testid=feed-create]'],
  [
    'import and export',
    '/city-hall-year/import-export',
    '[data-testid=export-owner]',
  ],
  ['print', '/city-hall-year/print', '[data-testid=print-page]'],
  [
    'still-unclear index',
    '/city-hall-year/clarity',
    '[data-testid=clarity-chart]',
  ],
  ['confirmations (HR)', '/city-hall-year/confirmations', 'table'],
  ['hand-over (HR)', '/city-hall-year/handover', 'h1'],
];

for (const language of ['ja', 'en'] as const) {
  test(`every page names people, departments and fields, never identifiers (${language})`, async ({
    browser,
    request,
  }) => {
    test.setTimeout(300_000);
    // The changed-since banner lists every entry loaded since April, by 初期データ.
    const hr = await signIn(request, 'sato.hanako');
    const seen = await request.post(`${api}/last-seen`, {
      headers: hr,
      data: { at: '2026-04-01T00:00:00.000Z' },
    });
    expect(seen.status()).toBe(200);
    const slugs = (
      await (
        await request.get(`${api}/entries?status=published,draft&limit=200`, {
          headers: hr,
        })
      ).json()
    ).items.map((e: { slug: string }) => e.slug);
    expect(slugs).toContain('shutsuno-seiri-kikan');

    const context = await browser.newContext();
    await context.addInitScript(lang => {
      window.localStorage.setItem('language', lang);
    }, language);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.goto('/city-hall-year');
    await page.getByTestId('sign-in-as-sato.hanako').click();

    // Names come from the catalog a moment after the text: each part is read until
    // it holds no identifier, or the wait runs out and the test names what is left.
    const clean = (name: string, read: () => Promise<string>) =>
      expect
        .poll(async () => leaksIn(await read(), slugs), {
          message: `identifiers on ${name}`,
          timeout: 30_000,
        })
        .toEqual([]);
    for (const [name, path, ready] of PAGES) {
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible({
        timeout: 30_000,
      });
      await clean(name, () => page.evaluate(() => document.body.innerText));
    }
    // The changed-since banner, opened.
    await page.goto('/city-hall-year');
    const banner = page.getByTestId('changes-since');
    await banner.getByRole('button').first().click();
    await expect(banner).toContainText(
      language === 'ja' ? '初期データ' : 'starting content',
      { timeout: 30_000 },
    );
    await clean('the changed-since banner', () => banner.innerText());
    // The department's card on its catalog page (the rest is the catalog's own).
    await page.goto('/catalog/default/group/kaikei-ka');
    const card = page.getByTestId('department-year');
    await expect(card).toBeVisible({ timeout: 30_000 });
    await clean('the Group card', () => card.innerText());

    await context.close();
  });
}
