import { expect, test, type Page } from '@playwright/test';

/** What a person must never have to read or write in the editor. */
const MACHINE_TEXT = /\{"|"kind"|group:default\/|user:default\/|slugの/;

async function editorOf(page: Page, slug: string) {
  await page.goto(`/city-hall-year/entries/${slug}`);
  await page.getByRole('link', { name: '編集' }).click();
  await expect(page.getByTestId('timing-editor')).toBeVisible();
  // Names and titles arrive from the catalog and the year a moment later.
  await expect
    .poll(() => page.locator('body').innerText(), { timeout: 30_000 })
    .not.toMatch(MACHINE_TEXT);
  await expect(page.getByTestId('editor-owner')).toHaveValue('財政課');
}

test('財政課 staff change the note of 予算編成方針 and the months of 予算要求 without seeing JSON', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 1000 },
  });
  const page = await context.newPage();
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-yamada.taro').click();
  await expect(page.getByTestId('fiscal-year-label')).toBeVisible();
  const stamp = Date.now();

  // The note of 予算編成方針: a text field of its own, in Japanese.
  await editorOf(page, 'yosan-hensei-hoshin');
  const note = `例年9月下旬に市長名で通知します（${stamp}）。`;
  await page.getByTestId('timing-note-ja').fill(note);
  await page.getByTestId('timing-editor').screenshot({
    path: 'docs/screenshots/timing-editor.png',
  });
  await page.getByTestId('editor-publish').click();
  await expect(page.getByTestId('entry-timing')).toContainText(note);

  // The months of 予算要求: from October to November becomes October to December.
  await editorOf(page, 'yosan-yokyu');
  const rule = page.getByTestId('timing-rule-0');
  await expect(rule.getByTestId('timing-rule-0-from-month')).toHaveText('10月');
  await expect(rule.getByTestId('timing-rule-0-to-month')).toHaveText('11月');
  await rule.getByTestId('timing-rule-0-to-month').click();
  await page.getByRole('option', { name: '12月' }).click();
  await expect(page.getByTestId('timing-preview')).toHaveText(
    /今年度：\s*10月〜12月/,
  );
  await page.getByTestId('editor-publish').click();
  await expect(page.getByTestId('entry-timing')).toContainText('10月〜12月');

  // The history says what changed in words: the months, not the JSON.
  await page.getByRole('link', { name: '履歴' }).click();
  const timing = page.getByTestId('revision-diff-timing');
  await expect(timing).toBeVisible();
  await expect(timing.locator('del')).toContainText('11');
  await expect(timing.locator('ins')).toContainText('12');
  await expect(page.locator('body')).not.toContainText(MACHINE_TEXT);
  await page.getByTestId('revision-diff').locator('..').screenshot({
    path: 'docs/screenshots/history-diff.png',
  });

  // Put the months back, so that the other tests find the shipped year.
  await editorOf(page, 'yosan-yokyu');
  await page.getByTestId('timing-rule-0-to-month').click();
  await page.getByRole('option', { name: '11月' }).click();
  await page.getByTestId('editor-publish').click();
  await expect(page.getByTestId('entry-timing')).toContainText('10月〜11月');
  await context.close();
});
