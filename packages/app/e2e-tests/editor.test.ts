import { expect, test, type Browser, type Page } from '@playwright/test';

async function signedIn(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await page.goto('/city-hall-year');
  await page.getByTestId(`sign-in-as-${user}`).click();
  await expect(page.getByTestId('fiscal-year-label')).toBeVisible();
  return page;
}

test('財政課 staff edit a budget entry, and see no edit button on a council entry', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'yamada.taro');
  const summary = `予算編成方針を示します（${Date.now()}）`;

  await page.goto('/city-hall-year/entries/yosan-hensei-hoshin');
  await page.getByRole('link', { name: '編集' }).click();
  await page.getByTestId('editor-summary-ja').fill(summary);
  await page.getByTestId('editor-publish').click();
  await expect(page.getByText(summary)).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/entry-edited.png' });

  await page.goto('/city-hall-year/entries/dai1kai-teireikai');
  await expect(page.getByTestId('entry-purpose')).toBeVisible();
  await expect(page.getByRole('link', { name: '履歴' })).toBeVisible();
  await expect(page.getByRole('link', { name: '編集' })).toHaveCount(0);

  // Typed in by hand, the editor explains instead of offering a form that would fail.
  await page.goto('/city-hall-year/entries/dai1kai-teireikai/edit');
  const notice = page.getByTestId('editor-not-allowed');
  await expect(notice).toContainText('この項目は議事課の担当です。');
  await expect(page.getByTestId('editor-title-ja')).toHaveCount(0);

  // A new entry opens without a single field marked as wrong.
  await page.goto('/city-hall-year/new');
  await expect(page.getByTestId('editor-title-ja')).toBeVisible();
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await page.getByTestId('editor-publish').click();
  await expect(page.getByText('入力してください').first()).toBeVisible();
});

test('a concurrent edit opens the merge dialog and loses no text', async ({
  browser,
}) => {
  const finance = await signedIn(browser, 'yamada.taro');
  const hr = await signedIn(browser, 'sato.hanako');
  const stamp = Date.now();

  await finance.goto('/city-hall-year/entries/yosan-yokyu/edit');
  await hr.goto('/city-hall-year/entries/yosan-yokyu/edit');
  await expect(finance.getByTestId('editor-title-ja')).toBeVisible();
  await expect(hr.getByTestId('editor-title-ja')).toBeVisible();

  // HR saves first.
  await hr.getByTestId('editor-title-ja').fill(`予算要求（研修係 ${stamp}）`);
  await hr.getByTestId('editor-publish').click();
  await expect(
    hr.getByText(`予算要求（研修係 ${stamp}）`).first(),
  ).toBeVisible();

  // 財政課 saves from the older version: the server refuses, the dialog shows both.
  await finance
    .getByTestId('editor-purpose-ja')
    .fill(
      `財政課が書き直した目的（${stamp}）。限られた財源を配分するためです。`,
    );
  await finance.getByTestId('editor-publish').click();
  const dialog = finance.getByRole('dialog');
  await expect(dialog).toContainText('ほかの人がこの項目を保存しました');
  await expect(dialog.getByTestId('merge-mine-purpose')).toContainText(
    `財政課が書き直した目的（${stamp}）`,
  );
  await expect(dialog.getByTestId('merge-theirs-title')).toContainText(
    `研修係 ${stamp}`,
  );
  // Only the fields that differ are offered, none of what the server sets.
  await expect(dialog.getByTestId('merge-mine-createdAt')).toHaveCount(0);
  await expect(
    dialog.getByRole('button', { name: 'まとめた内容で保存' }),
  ).toBeVisible();
  await finance.waitForTimeout(400); // let the dialog finish fading in for the picture
  await dialog.screenshot({ path: 'docs/screenshots/merge-dialog.png' });
  await dialog.getByRole('button', { name: 'まとめた内容で保存' }).click();

  // Both people's text is in the saved entry.
  await expect(finance.getByTestId('entry-purpose')).toContainText(
    `財政課が書き直した目的（${stamp}）`,
  );
  await expect(
    finance.getByRole('heading', { name: `予算要求（研修係 ${stamp}）` }),
  ).toBeVisible();
});
