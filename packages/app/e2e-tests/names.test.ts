import { expect, test } from '@playwright/test';
import { leaksIn } from './identifierLeaks';
import { PAGES } from './pages';
import { api, signIn } from './signIn';

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
