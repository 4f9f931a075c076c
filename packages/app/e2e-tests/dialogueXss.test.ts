import { expect, test } from '@playwright/test';
import { api, signIn } from './signIn';
import { findInjected, PAYLOADS } from './xssPayloads';

/**
 * Abuse: stored XSS in the dialogue. Every payload goes into a question's title and
 * body, a comment and an answer on one entry, a FAQ item's question and answer, and
 * a モヤモヤ comment; the entry page and the printed year with its FAQ then show them
 * to the department and to the asker. Nothing may run, and nothing from the text may
 * become markup.
 */
test('abuse: stored XSS payloads in questions, answers, FAQ and モヤモヤ comments are inert', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const entry = 'kessan-tokei';
  const [newHire, finance, hr] = await Promise.all(
    ['kimura.aoi', 'yamada.taro', 'sato.hanako'].map(u => signIn(request, u)),
  );
  for (const [i, payload] of PAYLOADS.entries()) {
    const asked = await request.post(`${api}/entries/${entry}/questions`, {
      headers: newHire,
      data: {
        title: `XSS${String(i).padStart(2, '0')} ${payload}`.slice(0, 120),
        body: payload,
        anonymous: i % 2 === 0,
      },
    });
    expect(asked.status()).toBe(201);
    const { id } = await asked.json();
    for (const [kind, who] of [
      ['comments', finance],
      ['answers', hr],
    ] as const) {
      const replied = await request.post(`${api}/questions/${id}/${kind}`, {
        headers: who,
        data: { body: `XSS${i} ${payload}` },
      });
      expect(replied.status()).toBe(201);
    }
  }
  // Each payload as a FAQ item too, written by HR (the editors of every entry). A run
  // on the same database before left its items: they go first (30 at most an entry).
  for (;;) {
    const faq = await (
      await request.get(`${api}/entries/${entry}/faq`, { headers: hr })
    ).json();
    const left = faq.items.find((item: { question: string }) =>
      /^FAQ\d\d /.test(item.question),
    );
    if (!left) break;
    const removed = await request.delete(
      `${api}/entries/${entry}/faq/${left.id}`,
      { headers: hr, data: { version: faq.version } },
    );
    expect(removed.status()).toBe(200);
  }
  for (const [i, payload] of PAYLOADS.entries()) {
    const added = await request.post(`${api}/entries/${entry}/faq`, {
      headers: hr,
      data: {
        question: `FAQ${String(i).padStart(2, '0')} ${payload}`.slice(0, 300),
        answer: `xss-faq ${payload}`,
      },
    });
    expect(added.status()).toBe(201);
  }
  const unclear = await request.put(`${api}/entries/${entry}/clarity`, {
    headers: newHire,
    data: {
      clear: false,
      reasons: ['other'],
      comment: PAYLOADS.join('\n').slice(0, 1000),
    },
  });
  expect(unclear.status()).toBe(200);

  const dialogs: string[] = [];
  for (const user of ['sato.hanako', 'kimura.aoi']) {
    // A browser of each person's own: HR sees who asked, the asker sees their own.
    const page = await (await browser.newContext()).newPage();
    page.on('dialog', async dialog => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`/city-hall-year/entries/${entry}`);
    await page.getByTestId(`sign-in-as-${user}`).click();
    await expect
      .poll(() => page.getByTestId('question').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(PAYLOADS.length);
    // Hover what the payloads made into links, as a curious reader would.
    for (const link of await page.getByText('xss-link').all()) {
      await link.hover().catch(() => {});
    }
    await page.waitForTimeout(500);
    const ran = await page.evaluate(
      () => (window as unknown as { __xss?: number }).__xss ?? 0,
    );
    expect([user, ran]).toEqual([user, 0]);
    expect([user, await page.evaluate(findInjected)]).toEqual([user, []]);
    await expect(page.getByTestId('faq-item')).toHaveCount(PAYLOADS.length, {
      timeout: 30_000,
    });

    // The printed year with its FAQ, where the items are set on sheets of their own.
    await page.goto('/city-hall-year/print?faq=1');
    await expect
      .poll(() => page.getByText(/^Q\. FAQ\d\d /).count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(PAYLOADS.length);
    await page.waitForTimeout(500);
    expect([
      user,
      'print',
      await page.evaluate(
        () => (window as unknown as { __xss?: number }).__xss ?? 0,
      ),
    ]).toEqual([user, 'print', 0]);
    expect([user, 'print', await page.evaluate(findInjected)]).toEqual([
      user,
      'print',
      [],
    ]);
    await page.context().close();
  }
  expect(dialogs).toEqual([]);
});
