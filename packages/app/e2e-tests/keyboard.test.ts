import { expect, test, type Page } from '@playwright/test';

/**
 * One whole task with the keyboard alone, as a member of staff who uses no mouse:
 * sign in, find 出納閉鎖 from the year page, open it, and ask its department a
 * question. Every step is reached with Tab (or Shift+Tab) and used with Enter or
 * typing; the test fails if a step cannot be reached, and says how far it got.
 */

/** What the focused element is called: its accessible name as Chromium computes it. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    if (labelled) {
      return labelled
        .split(' ')
        .map(id => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    const label =
      el.getAttribute('aria-label') ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      '';
    return label.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name matches; answers how many presses. */
async function tabTo(page: Page, name: RegExp, max = 120): Promise<number> {
  const seen: string[] = [];
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (name.test(now)) return presses;
    seen.push(now);
  }
  throw new Error(
    `${name} not reached with ${max} presses of Tab; focus went through: ${seen
      .slice(0, 40)
      .join(' | ')}`,
  );
}

test('a newcomer finds 出納閉鎖, opens it and asks a question with the keyboard alone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const presses: Record<string, number> = {};
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/city-hall-year');

  presses.signIn = await tabTo(page, /木村/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fiscal-year-label')).toBeVisible({
    timeout: 30_000,
  });

  // The year's own search field, then the step by its spoken name.
  presses.search = await tabTo(page, /^一年の中を検索/);
  await page.keyboard.type('出納閉鎖');
  presses.step = await tabTo(page, /^出納閉鎖, 5月31日, 決算, 会計課$/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-purpose')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page).toHaveTitle(/出納閉鎖/);

  presses.ask = await tabTo(page, /^質問する$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const title = `出納整理期間に払える支出は？（キーボード ${Date.now()}）`;
  presses.title = await tabTo(page, /^質問（1行で）/, 10);
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await page.keyboard.type('4月に届いた請求書はどうなりますか。');
  presses.send = await tabTo(page, /^質問する$/, 10);
  await page.keyboard.press('Enter');

  // Saved, announced to a screen reader, and listed on the entry.
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('status')).toContainText(
    '質問と回答が更新されました',
    { timeout: 30_000 },
  );
  await expect(page.getByTestId('entry-questions')).toContainText(title, {
    timeout: 30_000,
  });
  test.info().annotations.push({
    type: 'Tab presses',
    description: JSON.stringify(presses),
  });
});
