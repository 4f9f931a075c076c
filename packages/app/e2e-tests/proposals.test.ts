import { expect, test, type Browser, type Page } from '@playwright/test';

const shots = 'docs/screenshots';

async function signedIn(
  browser: Browser,
  user: string,
  viewport = { width: 1400, height: 1000 },
  theme?: 'dark',
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport,
  });
  const page = await context.newPage();
  if (theme) {
    await page.addInitScript(
      t => window.localStorage.setItem('theme', t),
      theme,
    );
  }
  await page.goto('/city-hall-year');
  await page.getByTestId(`sign-in-as-${user}`).click();
  await expect(page.getByTestId('fiscal-year-label')).toBeVisible();
  return page;
}

/** Proposes a change to an entry's summary, with a reason; lands on the proposal. */
async function propose(
  page: Page,
  slug: string,
  summary: string,
  reason: string,
) {
  await page.goto(`/city-hall-year/entries/${slug}`);
  await page.getByTestId('entry-propose-action').click();
  await expect(page.getByTestId('editor-summary-ja')).toBeVisible();
  await page.getByTestId('editor-summary-ja').fill(summary);
  await page.getByTestId('proposal-reason').fill(reason);
  await page.getByTestId('proposal-send').click();
  await expect(page.getByTestId('proposal-page')).toBeVisible();
  await expect(page.getByTestId('proposal-status')).toHaveText('レビュー待ち');
}

test('a new hire proposes a corrected date; 財政課 sees it waiting, accepts it over its own edit, and both names are in the history', async ({
  browser,
}) => {
  // Four people and a phone in one story: under load it outgrows the default 2 min.
  test.setTimeout(300_000);
  const stamp = Date.now();
  const newHire = await signedIn(browser, 'kimura.aoi');
  const corrected = `普通交付税の額は、例年7月下旬に決まります（8月31日が期限）。${stamp}`;
  await propose(
    newHire,
    'futsu-kofuzei-kettei',
    corrected,
    `今年は7月下旬に決まったと係長から聞きました。${stamp}`,
  );
  await expect(newHire.getByTestId('proposal-diff-summary')).toContainText(
    '7月下旬',
  );
  await newHire.screenshot({
    path: `${shots}/proposal-sent.png`,
    fullPage: true,
  });
  const proposalUrl = newHire.url();

  // Meanwhile 財政課 edits another field of the same entry.
  const finance = await signedIn(browser, 'yamada.taro');
  await finance.goto('/city-hall-year/entries/futsu-kofuzei-kettei/edit');
  const ownText = `交付額は財政課の資料でまず確かめます。${stamp}`;
  await finance.getByTestId('editor-forNewStaff-ja').fill(ownText);
  await finance.getByTestId('editor-publish').click();
  await expect(finance.getByTestId('entry-for-new-staff')).toContainText(
    ownText,
  );

  // It waits for 財政課's review: on the proposals page and on the Group page.
  await finance.goto('/city-hall-year/proposals');
  const waiting = finance.getByTestId('proposals-list');
  await expect(waiting).toContainText('普通交付税の決定');
  await expect(waiting).toContainText('木村 葵');
  await expect(waiting).toContainText('財政課');
  await finance.screenshot({ path: `${shots}/proposals-waiting.png` });
  await finance.goto('/catalog/default/group/zaisei-ka');
  await expect(finance.getByTestId('department-proposals')).toContainText(
    '普通交付税の決定',
  );
  await finance
    .getByTestId('department-proposals')
    .screenshot({ path: `${shots}/proposals-group-card.png` });

  // The difference, and that the entry changed since; accepted as proposed.
  await finance.goto(proposalUrl);
  await expect(finance.getByTestId('proposal-diff-summary')).toContainText(
    '7月下旬',
  );
  await expect(finance.getByTestId('proposal-changed-since')).toBeVisible();
  await finance.screenshot({
    path: `${shots}/proposal-review.png`,
    fullPage: true,
  });
  await finance.getByTestId('proposal-accept').click();
  await expect(finance.getByTestId('proposal-status')).toHaveText('採用');

  // Both changes are in the entry, and the history names both people.
  await finance.goto('/city-hall-year/entries/futsu-kofuzei-kettei');
  await expect(finance.getByTestId('entry-summary')).toHaveText(corrected);
  await expect(finance.getByTestId('entry-for-new-staff')).toContainText(
    ownText,
  );
  await finance.goto('/city-hall-year/entries/futsu-kofuzei-kettei/history');
  await expect(finance.getByTestId('revision-list')).toContainText(
    '提案：木村 葵 ／ 採用：山田 太郎',
  );
  await finance.screenshot({ path: `${shots}/proposal-history.png` });
});

test('a declined proposal tells its author why, in their list and on the proposal', async ({
  browser,
}) => {
  const stamp = Date.now();
  const newHire = await signedIn(browser, 'kimura.aoi');
  await propose(
    newHire,
    'kikin-unyo-jokyo',
    `基金の運用状況は毎月公表します。${stamp}`,
    `ホームページで毎月見た気がします。${stamp}`,
  );
  const proposalUrl = newHire.url();

  const finance = await signedIn(browser, 'yamada.taro');
  await finance.goto(proposalUrl);
  await finance.getByTestId('proposal-decline').click();
  const why = `運用状況の報告は毎年度、決算とあわせて議会に出すものです（地方自治法第241条第5項）。${stamp}`;
  await finance.getByTestId('proposal-comment').fill(why);
  await finance.getByTestId('proposal-comment-send').click();
  await expect(finance.getByTestId('proposal-status')).toHaveText('見送り');

  // The author sees it among their own proposals, with the reason on its page.
  await newHire.goto('/city-hall-year/proposals?tab=mine');
  const mine = newHire.getByTestId('proposals-list');
  await expect(mine).toContainText('基金の運用状況');
  await expect(mine).toContainText('見送り');
  await newHire.goto(proposalUrl);
  await expect(newHire.getByTestId('proposal-steps')).toContainText(why);
  // People and the department by name, never by their catalog ids.
  await expect(newHire.getByTestId('proposal-steps')).toContainText(
    '山田 太郎',
  );
  await expect(newHire.getByTestId('proposal-page')).toContainText('財政課');
  await expect(newHire.getByTestId('proposal-accept')).toHaveCount(0);
  await newHire.screenshot({
    path: `${shots}/proposal-declined.png`,
    fullPage: true,
  });

  // At phone width in the dark theme, the proposal still reads.
  const phone = await signedIn(
    browser,
    'kimura.aoi',
    { width: 390, height: 844 },
    'dark',
  );
  await phone.goto(proposalUrl);
  await expect(phone.locator('body')).toHaveAttribute(
    'data-theme-mode',
    'dark',
  );
  await expect(phone.getByTestId('proposal-steps')).toContainText(why);
  await expect(phone.getByTestId('proposal-steps')).toContainText('山田 太郎');
  await expect(phone.getByTestId('proposal-page')).toContainText('財政課');
  await phone.screenshot({
    path: `${shots}/proposal-declined-phone-dark.png`,
    fullPage: true,
  });
});
