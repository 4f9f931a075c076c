import { expect, test } from '@playwright/test';

const backend = process.env.BACKEND_URL ?? 'http://localhost:7007';
/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';

test('a new hire reads the year as a timeline, a month list and a wheel', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-kimura.aoi').click();

  // The sidebar has the plugin's entry, and the page shows the fiscal year in both systems.
  await expect(
    page.getByRole('navigation').getByText('市役所の一年').first(),
  ).toBeVisible();
  await expect(page.getByTestId('fiscal-year-label')).toContainText('年度');
  await expect(page.getByTestId('fiscal-year-label')).toContainText('FY');

  // Now and next, then the timeline: entries come from the backend's seeded content.
  await expect(page.getByTestId('now-and-next')).toContainText('今月');
  await expect(page.getByTestId('timeline-bar-shutsuno-heisa')).toContainText(
    '出納閉鎖',
  );
  await expect(page.getByTestId('timeline-lane-council')).toContainText('議会');
  await expect(page.getByTestId('as-needed')).toContainText('臨時会');
  await page.screenshot({ path: `${shots}/year-page.png` });
  await page
    .getByTestId('timeline')
    .screenshot({ path: `${shots}/year-timeline.png` });

  await page.getByRole('tab', { name: '月ごとの一覧' }).click();
  const may = page.getByTestId('month-5');
  await expect(may.getByTestId('occurrence-shutsuno-heisa')).toContainText(
    '5月31日',
  );
  await expect(may.getByTestId('occurrence-shutsuno-heisa')).toContainText(
    '令和',
  );

  await page.getByRole('tab', { name: '年間サークル' }).click();
  await expect(page.getByTestId('wheel-arc-shutsuno-heisa')).toBeVisible();
  await page
    .getByTestId('year-wheel')
    .screenshot({ path: `${shots}/year-wheel.png` });

  // An arc opens its entry (from the keyboard: an arc's box centre may lie off the
  // curve), and the entry starts with its purpose.
  await page.getByTestId('wheel-arc-kessan-chosei').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-purpose')).toContainText('何のために');
  const sections = await page
    .locator('[data-testid^="entry-"] h2')
    .allTextContents();
  expect(sections.slice(0, 3)).toEqual([
    '何のために',
    '何が行われるか',
    '新しく来たあなたにとって',
  ]);
  await page.screenshot({ path: `${shots}/entry.png` });
});

test('the API refuses requests without a token and answers with one', async ({
  request,
}) => {
  const anonymous = await request.get(`${backend}/api/city-hall-year/entries`);
  expect(anonymous.status()).toBe(401);

  const signIn = await request.get(
    `${backend}/api/auth/demo/refresh?env=development`,
    {
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        'X-Demo-User': 'kimura.aoi',
      },
    },
  );
  expect(signIn.status()).toBe(200);
  const { token, identity } = (await signIn.json()).backstageIdentity;
  expect(identity.ownershipEntityRefs).toEqual(
    expect.arrayContaining([
      'user:default/kimura.aoi',
      'group:default/shimin-kyodo-ka',
      'group:default/shimin-kyoku',
    ]),
  );

  const entries = await request.get(`${backend}/api/city-hall-year/entries`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(entries.status()).toBe(200);
  expect((await entries.json()).totalCount).toBeGreaterThan(45);
});

test('the home page and a department’s catalog page show the year too', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await page.getByTestId('sign-in-as-yamada.taro').click();
  await expect(page.getByTestId('now-and-next-card')).toContainText('今月');
  await page.screenshot({ path: `${shots}/home.png` });

  await page.goto('/catalog/default/group/zaisei-ka');
  await expect(page.getByTestId('department-year')).toContainText(
    '件を担当しています',
  );
});

test('the timeline stays readable in the dark theme', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('theme', 'dark'));
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/city-hall-year');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  await expect(page.locator('body')).toHaveAttribute('data-theme-mode', 'dark');
  await expect(page.getByTestId('timeline-bar-shutsuno-heisa')).toBeVisible();
  await page
    .getByTestId('timeline')
    .screenshot({ path: `${shots}/year-timeline-dark.png` });
});

test('the app search finds an entry by its Japanese name, shown with its cycle and timing', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('sign-in-as-kimura.aoi').click();
  await expect(page.getByTestId('now-and-next-card')).toBeVisible();
  // The index is built a few seconds after the backend starts; ask again until it is.
  await expect(async () => {
    await page.goto(`/search?query=${encodeURIComponent('出納閉鎖')}`);
    await expect(
      page.getByTestId('city-hall-year-search-result').first(),
    ).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  const result = page
    .getByTestId('city-hall-year-search-result')
    .filter({ hasText: '出納閉鎖' })
    .first();
  await expect(result).toContainText('5月31日');
  await result.getByRole('link').first().click();
  await expect(page.getByTestId('entry-purpose')).toBeVisible();
});
