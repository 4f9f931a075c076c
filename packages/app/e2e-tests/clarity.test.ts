import { expect, test, type Page } from '@playwright/test';
import { settled } from './settled';
/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';

/** Waits for the charts' lines to be drawn, for a screenshot. */
async function chartsDrawn(page: Page) {
  await settled(page);
  // The chart library draws its lines in steps of its own, not as CSS animations.
  await page.waitForTimeout(1_000);
}

/**
 * The モヤモヤ指数 as HR and a department read it, from the starting content's example
 * answers: the year's course as a chart with the new staff beside everyone, the
 * entries taken together by department, cycle, course and audience, and the card
 * on the department's catalog page.
 */
test('HR reads the still-unclear index by department, cycle, course and new staff', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto('/city-hall-year/clarity');
  await page.getByTestId('sign-in-as-sato.hanako').click();
  const chart = page.getByTestId('clarity-chart');
  await expect(chart.locator('svg path').first()).toBeVisible();
  // Two lines: everyone, and the year's new staff.
  await expect(chart.locator('figcaption')).toContainText(
    '今年度の新規採用職員：',
  );

  const groups = page.getByTestId('clarity-group-row');
  await expect(groups.first()).toContainText('件の回答中');
  const departments = await groups.count();
  expect(departments).toBeGreaterThan(3);
  await expect(groups.first()).toContainText('4月');

  await page.getByTestId('clarity-by-cycles').click();
  await expect(page).toHaveURL(/by=cycles/);
  await expect(groups.filter({ hasText: '決算' })).toHaveCount(1);

  await page.getByTestId('clarity-by-courses').click();
  await expect(
    groups.filter({ hasText: '新規採用職員研修' }).getByRole('link'),
  ).toBeVisible();

  await page.getByTestId('clarity-by-audiences').click();
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0)).toContainText('全員');
  await expect(groups.nth(1)).toContainText('今年度の新規採用職員');
  await chartsDrawn(page);
  await page.screenshot({ path: `${shots}/clarity-overview.png` });

  // The same in the dark theme at phone width.
  const phone = await (await page.context().browser()!.newContext()).newPage();
  await phone.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
  await phone.setViewportSize({ width: 390, height: 1400 });
  await phone.goto('/city-hall-year/clarity?by=audiences');
  await phone.getByTestId('sign-in-as-sato.hanako').click();
  await expect(phone.locator('body')).toHaveAttribute(
    'data-theme-mode',
    'dark',
  );
  await expect(phone.getByTestId('clarity-group-row')).toHaveCount(2);
  await chartsDrawn(phone);
  await phone.screenshot({ path: `${shots}/clarity-dark-phone.png` });
  await phone.context().close();
});
