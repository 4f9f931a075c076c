import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, signIn } from './signIn';
/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';

const ENTRY = '/city-hall-year/entries/shutsuno-heisa';

/** A browser of its own for one person of the example city hall, signed in. */
async function personAt(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(ENTRY);
  await page.getByTestId(`sign-in-as-${user}`).click();
  await expect(page.getByTestId('entry-questions')).toBeVisible();
  return page;
}

test('a new hire asks 会計課 anonymously; 会計課 answers; the new hire settles it', async ({
  browser,
  request,
}) => {
  // The newest question with this title is the one this run asks (newest first).
  const title = '出納整理期間に前年度の支払いができるのはなぜ？';

  // 木村 葵, a new hire, asks without showing her name.
  const newHire = await personAt(browser, 'kimura.aoi');
  await newHire.getByTestId('question-ask').click();
  await newHire.getByTestId('question-title').fill(title);
  await newHire
    .getByTestId('question-body')
    .fill('4月なのに前年度の支払いをしていて、不思議に思いました。');
  await newHire.getByTestId('question-anonymous').click();
  await newHire.getByTestId('question-submit').click();
  const asked = newHire.getByRole('article', { name: title }).first();
  await expect(asked).toContainText('匿名で質問しました');
  await asked.scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/question-asked.png` });

  // 会計課 is told of the question, and sees a member of staff, not who.
  const accounting = await personAt(browser, 'nakamura.emi');
  await accounting.goto('/notifications');
  await expect(
    accounting.getByText('質問が届きました：出納閉鎖').first(),
  ).toBeVisible();
  await accounting.screenshot({ path: `${shots}/question-notification.png` });
  await accounting.goto(ENTRY);
  const received = accounting.getByRole('article', { name: title }).first();
  await expect(received).toContainText('匿名の職員');
  await expect(received).not.toContainText('木村');
  await received
    .getByTestId('question-reply-answer')
    .fill(
      '出納整理期間（5月31日まで）は、3月31日までに確定した債務の支払いができます（地方自治法第235条の5）。',
    );
  await received.getByTestId('question-send').click();
  await expect(received.getByTestId('question-answer')).toContainText(
    '地方自治法第235条の5',
  );
  await received.scrollIntoViewIfNeeded();
  await accounting.screenshot({ path: `${shots}/question-answered.png` });

  // 財政課 may comment but not answer: no answer box, and the server refuses.
  const finance = await personAt(browser, 'yamada.taro');
  const seenByFinance = finance.getByRole('article', { name: title }).first();
  await expect(
    seenByFinance.getByTestId('question-reply-comment'),
  ).toBeVisible();
  await expect(seenByFinance.getByTestId('question-reply-answer')).toHaveCount(
    0,
  );
  const headers = await signIn(request, 'yamada.taro');
  const list = await (
    await request.get(`${api}/entries/shutsuno-heisa/questions`, { headers })
  ).json();
  const { id } = list.items.find(
    (q: { title: string; mine: boolean }) => q.title === title,
  );
  const refused = await request.post(`${api}/questions/${id}/answers`, {
    headers,
    data: { body: '横から回答' },
  });
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(list)).not.toContain('kimura.aoi');

  // The new hire sees the answer and settles the question with it.
  await newHire.reload();
  const answered = newHire.getByRole('article', { name: title }).first();
  await answered.getByTestId('question-resolve').click();
  await expect(answered).toContainText('解決済み');
  await expect(answered).toContainText('解決した回答');
  await answered.scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/question-resolved.png` });
});
