import { expect, test } from '@playwright/test';

const backend = process.env.BACKEND_URL ?? 'http://localhost:7007';

test('a new member of staff signs in and reads the year served by the backend', async ({
  page,
}) => {
  await page.goto('/city-hall-year');

  // The development sign-in page offers the example users.
  await page.getByTestId('sign-in-as-yamada.taro').click();

  // The sidebar has the plugin's entry, and the page shows the fiscal year in both systems.
  await expect(
    page.getByRole('navigation').getByText('市役所の一年').first(),
  ).toBeVisible();
  await expect(page.getByTestId('fiscal-year-label')).toContainText('年度');
  await expect(page.getByTestId('fiscal-year-label')).toContainText('FY');

  // Entries come from the backend's database (seeded from the content files).
  const booksClose = page.getByTestId('occurrence-shutsuno-heisa');
  await expect(booksClose).toContainText('出納閉鎖');
  await expect(booksClose).toContainText('5月31日');
  await expect(page.getByTestId('month-4')).toContainText('定期人事異動');

  await page.screenshot({
    path: 'test-results/e2e/city-hall-year.png',
    fullPage: false,
  });
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
  expect((await entries.json()).totalCount).toBeGreaterThan(0);
});
