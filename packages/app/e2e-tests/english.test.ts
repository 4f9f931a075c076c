import { expect, test, type APIRequestContext } from '@playwright/test';
import { HOME_PAGE, PAGES } from './pages';
import { api, signIn } from './signIn';

/** Japanese that an English reader must not meet: dates, fiscal years, our own words. */
const JAPANESE_FORMS: Array<[what: string, pattern: RegExp]> = [
  ['a Japanese date', /\d{1,2}月(\d{1,2}日|上旬|中旬|下旬)?/],
  ['a Japanese fiscal year', /(令和|平成)(\d+|元)年度/],
  ['the content loader', /初期データ/],
];

/**
 * The Japanese texts of the shipped content that have an English version: titles and
 * summaries of entries and courses. Seeing one of them in English mode is a bug.
 */
async function translatedJapanese(
  request: APIRequestContext,
  headers: Record<string, string>,
): Promise<string[]> {
  const texts = new Set<string>();
  const add = (text?: { ja: string; en?: string }) => {
    if (text?.en && text.ja) texts.add(text.ja);
  };
  const entries = await (
    await request.get(`${api}/entries?limit=200`, { headers })
  ).json();
  for (const e of entries.items) {
    add(e.title);
    add(e.summary);
  }
  const courses = await (
    await request.get(`${api}/courses`, { headers })
  ).json();
  for (const c of courses.items ?? courses) {
    add(c.title);
    add(c.audience);
  }
  return [...texts];
}

test('English mode shows no Japanese where English exists, on every page', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const hr = await signIn(request, 'sato.hanako');
  const translated = await translatedJapanese(request, hr);
  expect(translated.length).toBeGreaterThan(50);

  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript(() => {
    window.localStorage.setItem('language', 'en');
  });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-sato.hanako').click();

  // What the page says outside the parts marked as Japanese (lang="ja": the law, the
  // FAQ and questions, written in Japanese only), one visible text node at a time.
  const visibleTexts = () =>
    page.evaluate(() => {
      const walker = document.createTreeWalker(
        document.body,
        NodeFilter.SHOW_TEXT,
      );
      const texts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!parent || !text || parent.closest('[lang="ja"], script, style'))
          continue;
        if (parent.getClientRects().length === 0) continue;
        texts.push(text);
      }
      return texts;
    });
  const japaneseIn = (texts: string[]) => [
    ...texts.filter(text => translated.includes(text)).map(ja => `«${ja}»`),
    ...texts.flatMap(text =>
      JAPANESE_FORMS.flatMap(([what, pattern]) => {
        const found = pattern.exec(text);
        return found ? [`${what}: «${found[0]}» in «${text}»`] : [];
      }),
    ),
  ];
  for (const [name, path, ready] of [...PAGES, HOME_PAGE]) {
    await page.goto(path);
    await expect(page.locator(ready).first()).toBeVisible({ timeout: 30_000 });
    // Names and titles arrive a moment after the page: read until clean, or say what is left.
    await expect
      .poll(async () => [...new Set(japaneseIn(await visibleTexts()))], {
        message: `Japanese where English exists on ${name}`,
        timeout: 30_000,
      })
      .toEqual([]);
  }
  await page.goto('/city-hall-year/entries/shutsuno-heisa');
  await page.getByTestId('entry-purpose').waitFor();
  await page.screenshot({ path: 'docs/screenshots/entry-english.png' });
  await context.close();
});
