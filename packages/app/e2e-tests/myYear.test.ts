import { expect, test, type Page } from '@playwright/test';
import { settled } from './settled';

/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';

/**
 * The personal year of fiscal year 2026 as a month list: pinned, so that a new hire
 * of April 2026 is a new hire whatever day the suite runs.
 */
const MY_2026 = '/city-hall-year?fy=2026&mine=true&view=list';

async function openMyYear(page: Page, user: string) {
  await page.goto(MY_2026);
  await page.getByTestId(`sign-in-as-${user}`).click();
  await expect(page.getByTestId('year-mine')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('month-4')).toBeVisible();
}

test('木村 葵, a new hire of 市民協働課, sees her own year: what every section and everyone does, and her first year, not the council secretariat’s own steps', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openMyYear(page, 'kimura.aoi');

  const budget = page.getByTestId('occurrence-yosan-yokyu').first();
  await expect(budget.getByTestId('my-reason')).toHaveText('各課で');
  await expect(budget.getByTestId('my-note').first()).toContainText('各課では');
  const appraisal = page.getByTestId('occurrence-jinji-hyoka-mokuhyo').first();
  await expect(appraisal.getByTestId('my-reason')).toHaveText('全職員・1年目');

  const firstYear = page.getByTestId('first-year');
  await expect(firstYear).toContainText('1年目のみちしるべ');
  await expect(
    firstYear.getByTestId('first-year-joken-tsuki-saiyo'),
  ).toBeVisible();
  await expect(
    firstYear.getByTestId('first-year-seishiki-saiyo'),
  ).toBeVisible();
  // In order: conditional employment begins before the formal appointment.
  const order = await firstYear
    .locator('[data-testid^=first-year-]')
    .evaluateAll(items => items.map(i => i.getAttribute('data-testid')));
  expect(order.indexOf('first-year-joken-tsuki-saiyo')).toBeLessThan(
    order.indexOf('first-year-seishiki-saiyo'),
  );
  await expect(
    firstYear.getByRole('link', { name: '新規採用職員研修のコースへ' }),
  ).toHaveAttribute(
    'href',
    '/city-hall-year/courses/shinki-saiyo-shiyakusho-no-ichinen',
  );

  // Steps only the council secretariat or the auditors do are not hers.
  for (const slug of ['jorei-kofu', 'reigetsu-shutsuno-kensa']) {
    await expect(page.getByTestId(`occurrence-${slug}`)).toHaveCount(0);
  }
  await settled(page);
  await page.screenshot({ path: `${shots}/my-year.png` });
  // October in her year: her part in each step comes before its summary.
  await page.getByTestId('month-10').scrollIntoViewIfNeeded();
  await page.getByTestId('month-10').screenshot({
    path: `${shots}/my-year-october.png`,
  });

  // The whole year is one click away and has them all.
  await page.getByTestId('year-all').click();
  await expect(page.getByTestId('occurrence-jorei-kofu').first()).toBeVisible();
});

test('山田 太郎 of 財政課 sees 財政課’s own steps and what every section does, and no new hire’s first year', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await openMyYear(page, 'yamada.taro');
  await expect(
    page
      .getByTestId('occurrence-kuni-yosan-chiho-zaisei-taisaku')
      .first()
      .getByTestId('my-reason'),
  ).toHaveText('あなたの課の担当');
  await expect(
    page
      .getByTestId('occurrence-shutsuno-heisa')
      .first()
      .getByTestId('my-reason'),
  ).toHaveText('各課で');
  await expect(page.getByTestId('first-year')).toHaveCount(0);
  await expect(page.getByTestId('occurrence-joken-tsuki-saiyo')).toHaveCount(0);
});

test('the personal year at phone width in the dark theme', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
  await page.setViewportSize({ width: 390, height: 844 });
  await openMyYear(page, 'kimura.aoi');
  await expect(page.locator('body')).toHaveAttribute('data-theme-mode', 'dark');
  await expect(page.getByTestId('first-year')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth > window.innerWidth,
  );
  expect(overflow).toBe(false);
  await page.getByTestId('first-year').scrollIntoViewIfNeeded();
  await settled(page);
  await page.screenshot({ path: `${shots}/my-year-phone-dark.png` });
});
