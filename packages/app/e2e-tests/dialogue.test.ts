import { expect, test, type Browser, type Page } from '@playwright/test';
import { settled } from './settled';
import { api, signIn } from './signIn';
/** Screenshots of the run, linked from the README. */
const shots = 'docs/screenshots';

const SLUG = 'shutsuno-heisa';
const ENTRY = `/city-hall-year/entries/${SLUG}`;

/** A browser of its own for one person of the example city hall, signed in. */
async function personAt(browser: Browser, user: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(ENTRY);
  await page.getByTestId(`sign-in-as-${user}`).click();
  await expect(page.getByTestId('entry-questions')).toBeVisible();
  return page;
}

/**
 * The dialogue as the people of the example city hall live it, on 出納閉鎖: a new hire
 * asks 会計課 without her name; 会計課 is told, answers, and the answer reaches her
 * open page; she settles it; 会計課 makes it a FAQ item, which the entry page, the
 * printed year and Backstage search then show.
 */
test('a new hire asks 会計課 anonymously; the answer reaches her live; it becomes a FAQ item found in print and search', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  // The newest question with this title is the one this run asks (newest first).
  const title = '出納整理期間に前年度の支払いができるのはなぜ？';
  const answerText =
    '出納整理期間（5月31日まで）は、3月31日までに確定した債務の支払いができます（地方自治法第235条の5）。';

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
  // Nothing in what 会計課's browser receives names her.
  const accountingHeaders = await signIn(request, 'nakamura.emi');
  const asAccounting = await (
    await request.get(`${api}/entries/${SLUG}/questions`, {
      headers: accountingHeaders,
    })
  ).json();
  const question = asAccounting.items.find(
    (q: { title: string }) => q.title === title,
  );
  expect(question.anonymous).toBe(true);
  expect(question.askedBy).toBeUndefined();
  expect(JSON.stringify(asAccounting)).not.toMatch(/kimura|木村/);

  await received.getByTestId('question-reply-answer').fill(answerText);
  await received.getByTestId('question-send').click();
  await expect(received.getByTestId('question-answer')).toContainText(
    '地方自治法第235条の5',
  );
  await received.scrollIntoViewIfNeeded();
  await accounting.screenshot({ path: `${shots}/question-answered.png` });

  // The new hire's page, open all along, shows the answer without a reload.
  await expect(asked.getByTestId('question-answer')).toContainText(
    '地方自治法第235条の5',
    { timeout: 60_000 },
  );
  await asked.scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/question-answer-live.png` });

  // 財政課 may comment but not answer: no answer box, and the server refuses.
  const finance = await personAt(browser, 'yamada.taro');
  const seenByFinance = finance.getByRole('article', { name: title }).first();
  await expect(
    seenByFinance.getByTestId('question-reply-comment'),
  ).toBeVisible();
  await expect(seenByFinance.getByTestId('question-reply-answer')).toHaveCount(
    0,
  );
  const refused = await request.post(
    `${api}/questions/${question.id}/answers`,
    {
      headers: await signIn(request, 'yamada.taro'),
      data: { body: '横から回答' },
    },
  );
  expect(refused.status()).toBe(403);
  await finance.context().close();

  // HR, the moderators, see who asked: by name on the page, by reference in the API.
  const hr = await personAt(browser, 'sato.hanako');
  const moderated = hr.getByRole('article', { name: title }).first();
  await expect(moderated).toContainText('木村 葵');
  await expect(moderated).toContainText(
    '担当課やほかの読者には名前は表示されません',
  );
  await moderated.scrollIntoViewIfNeeded();
  await hr.screenshot({ path: `${shots}/question-moderator.png` });
  const asHr = await (
    await request.get(`${api}/questions/${question.id}`, {
      headers: await signIn(request, 'sato.hanako'),
    })
  ).json();
  expect(asHr.askedBy).toBe('user:default/kimura.aoi');
  await hr.context().close();

  // The new hire settles the question with the answer.
  await asked.getByTestId('question-resolve').click();
  await expect(asked).toContainText('解決済み');
  await expect(asked).toContainText('解決した回答');
  await asked.scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/question-resolved.png` });

  // 会計課 hears of it on its open page too, and makes it a FAQ item of the entry.
  await expect(received).toContainText('解決済み', { timeout: 60_000 });
  await received.getByTestId('question-make-faq').click();
  await expect(accounting.getByTestId('faq-question')).toHaveValue(title);
  await expect(accounting.getByTestId('faq-answer')).toHaveValue(answerText);
  await settled(accounting);
  await accounting.screenshot({ path: `${shots}/faq-from-question.png` });
  await accounting.getByTestId('faq-save').click();
  const faq = accounting.getByTestId('entry-faq');
  await expect(
    faq.getByTestId('faq-item').filter({ hasText: title }).first(),
  ).toBeVisible();
  await expect(received).toContainText('よくある質問に掲載');
  await faq.scrollIntoViewIfNeeded();
  await accounting.screenshot({ path: `${shots}/faq-on-entry.png` });

  // The new hire's open page shows the FAQ item as well, under the purpose.
  await expect(newHire.getByTestId('entry-faq')).toContainText(title, {
    timeout: 60_000,
  });

  // The printed year, with its FAQ on the sheets after it.
  await newHire.goto('/city-hall-year/print');
  await newHire.getByTestId('print-faq-toggle').click();
  const printed = newHire.getByTestId('print-faq');
  await expect(printed).toContainText('出納閉鎖');
  await expect(printed).toContainText(`Q. ${title}`);
  await printed.scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/print-faq.png` });

  // Backstage search finds it a few seconds later (the entry is indexed again after a
  // change), and shows the FAQ question that holds the word searched for.
  const match = newHire
    .getByTestId('city-hall-year-search-result')
    .filter({ hasText: '出納閉鎖' })
    .getByTestId('search-result-faq');
  await expect
    .poll(
      async () => {
        await newHire.goto(
          `/search?query=${encodeURIComponent('出納整理期間')}`,
        );
        await newHire
          .getByTestId('city-hall-year-search-result')
          .first()
          .waitFor({ timeout: 20_000 })
          .catch(() => {});
        return (await match.allTextContents()).join('\n');
      },
      { timeout: 120_000, intervals: [3_000] },
    )
    .toContain(title);
  await match.first().scrollIntoViewIfNeeded();
  await newHire.screenshot({ path: `${shots}/search-faq.png` });
  await expect(
    match.getByRole('link', { name: title }).first(),
  ).toHaveAttribute('href', `${ENTRY}#faq`);
});
