import { expect, test, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import { api, signIn } from './signIn';

const shots = 'docs/screenshots';

async function signedIn(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto('/city-hall-year');
  await page.getByTestId(`sign-in-as-${user}`).click();
  await expect(page.getByTestId('fiscal-year-label')).toBeVisible();
  return page;
}

test('a process-review idea on 予算要求 reaches 財政課 and 行政管理課, which answers it; the list page and its CSV show it; 議事課 cannot change it', async ({
  browser,
  request,
}) => {
  const stamp = Date.now();
  const body = `要求書の様式が三つあり、同じ内容を三度書いています。一つにまとめられませんか。${stamp}`;
  const newHire = await signedIn(browser, 'kimura.aoi');
  await newHire.goto('/city-hall-year/entries/yosan-yokyu#ideas');
  await newHire.getByTestId('idea-submit').click();
  await newHire.getByLabel('簡素化できる').check();
  await newHire.getByTestId('idea-body').fill(body);
  await newHire.getByTestId('idea-send').click();
  const mine = newHire.getByTestId('idea').filter({ hasText: body });
  await expect(mine).toContainText('受付');
  await expect(mine).toContainText('木村 葵');

  // It reaches both: 財政課 (the owner) and 行政管理課 (the review office) are notified.
  for (const user of ['yamada.taro', 'tanaka.yuki']) {
    const headers = await signIn(request, user);
    await expect
      .poll(async () => {
        const res = await request.get(
          api.replace(/city-hall-year$/, 'notifications/notifications'),
          { headers },
        );
        const { notifications } = await res.json();
        return notifications.some(
          (n: { payload: { title: string; description?: string } }) =>
            n.payload.title.startsWith('業務見直しの提案') &&
            n.payload.description?.includes(String(stamp)),
        );
      })
      .toBe(true);
  }

  // 行政管理課 answers: 検討中, in public.
  const office = await signedIn(browser, 'tanaka.yuki');
  await office.goto('/city-hall-year/ideas');
  const listed = office.getByTestId('idea').filter({ hasText: body });
  await listed.getByTestId('idea-set-status').click();
  await office.getByTestId('idea-status-select').locator('..').click();
  await office.getByRole('option', { name: '検討中' }).click();
  const answer = `財政課と様式の統合を検討します。来年度の予算要求から試行できるか確かめます。${stamp}`;
  await office.getByTestId('idea-answer-input').fill(answer);
  await office.getByTestId('idea-status-send').click();
  await expect(listed.getByTestId('idea-status')).toHaveText('検討中');
  await expect(listed.getByTestId('idea-answer')).toContainText(answer);
  await expect(office.getByTestId('ideas-counts')).toContainText('財政課');
  await office.screenshot({ path: `${shots}/ideas-list.png`, fullPage: true });

  // The list filtered to 財政課 and 検討中, and its CSV.
  await office.goto(
    '/city-hall-year/ideas?owner=group:default/zaisei-ka&status=considering',
  );
  await expect(
    office.getByTestId('idea').filter({ hasText: body }),
  ).toBeVisible();
  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByTestId('ideas-csv').click(),
  ]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain(body);
  expect(csv).toContain('検討中');
  expect(csv).toContain('財政課');

  // Everyone reads the answer on the entry.
  // Opened afresh: the new hire's page was still on the entry.
  await newHire.reload();
  const answered = newHire.getByTestId('idea').filter({ hasText: body });
  await expect(answered.getByTestId('idea-answer')).toContainText(answer);
  await answered.scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/idea-answered.png` });

  // A member of 議事課 may not change its status.
  const council = await signIn(request, 'ito.makoto');
  const ideas = await (
    await request.get(`${api}/entries/yosan-yokyu/ideas`, { headers: council })
  ).json();
  const target = ideas.items.find((i: { body: string }) => i.body === body);
  const refused = await request.put(`${api}/ideas/${target.id}/status`, {
    headers: council,
    data: { status: 'declined', answer: '不要です。', version: target.version },
  });
  expect(refused.status()).toBe(403);
});
