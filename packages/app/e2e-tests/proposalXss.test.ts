import { expect, test } from '@playwright/test';
import { api, signIn } from './signIn';
import { findInjected, PAYLOADS } from './xssPayloads';

/**
 * Abuse: stored XSS in change proposals and process-review ideas. Every payload goes
 * into a proposal's reason, its proposed summary and purpose (shown as a difference),
 * the department's comment sending it back, an idea and the review office's answer;
 * the proposal pages, the entry (its proposals and ideas), the list of all proposals
 * and the ideas page then show them to HR and to the proposer.
 * Nothing may run, and nothing from the text may become markup.
 */
test('abuse: stored XSS payloads in proposals, their differences, review comments, ideas and their answers are inert', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const slug = 'kessan-chosei';
  const [newHire, hr, office] = await Promise.all(
    ['kimura.aoi', 'sato.hanako', 'tanaka.yuki'].map(u => signIn(request, u)),
  );
  const entry = await (
    await request.get(`${api}/entries/${slug}`, { headers: newHire })
  ).json();
  const {
    id: _id,
    version,
    createdAt: _ca,
    createdBy: _cb,
    updatedAt: _ua,
    updatedBy: _ub,
    confirmedFiscalYear: _cf,
    ...fields
  } = entry;
  const ids: string[] = [];
  for (const [i, payload] of PAYLOADS.entries()) {
    const proposed = await request.post(`${api}/entries/${slug}/proposals`, {
      headers: newHire,
      data: {
        fields: {
          ...fields,
          summary: {
            ja: `XSS${i} ${payload}`.slice(0, 400),
            en: payload.slice(0, 400),
          },
          purpose: { ja: `xss-purpose ${payload}` },
        },
        basedOnVersion: version,
        reason: `XSS${String(i).padStart(2, '0')} ${payload}`,
      },
    });
    expect(proposed.status()).toBe(201);
    const { id } = await proposed.json();
    ids.push(id);
    const sentBack = await request.post(
      `${api}/proposals/${id}/request-changes`,
      { headers: hr, data: { comment: `xss-comment ${payload}` } },
    );
    expect(sentBack.status()).toBe(200);
  }

  // Each payload as a process-review idea too, answered by the review office.
  for (const [i, payload] of PAYLOADS.entries()) {
    const idea = await request.post(`${api}/entries/${slug}/ideas`, {
      headers: newHire,
      data: { body: `IDEA${i} ${payload}`, anonymous: i % 2 === 0 },
    });
    expect(idea.status()).toBe(201);
    const { id: ideaId } = await idea.json();
    const answered = await request.put(`${api}/ideas/${ideaId}/status`, {
      headers: office,
      data: {
        status: 'considering',
        answer: `xss-answer ${payload}`,
        version: 1,
      },
    });
    expect(answered.status()).toBe(200);
  }

  const dialogs: string[] = [];
  for (const user of ['sato.hanako', 'kimura.aoi']) {
    const page = await (await browser.newContext()).newPage();
    page.on('dialog', async dialog => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`/city-hall-year/entries/${slug}`);
    await page.getByTestId(`sign-in-as-${user}`).click();
    const pages = [
      `/city-hall-year/entries/${slug}`,
      '/city-hall-year/proposals?tab=all',
      '/city-hall-year/ideas',
      ...[0, Math.floor(ids.length / 2), ids.length - 1].map(
        i => `/city-hall-year/proposals/${ids[i]}`,
      ),
    ];
    for (const path of pages) {
      await page.goto(path);
      await expect(
        page
          .getByTestId('entry-proposal-list')
          .or(page.getByTestId('proposals-list'))
          .or(page.getByTestId('proposal-steps'))
          .or(page.getByTestId('ideas-list')),
      ).toBeVisible();
      for (const link of await page.getByText('xss-link').all()) {
        await link.hover({ timeout: 2_000 }).catch(() => {});
      }
      await page.waitForTimeout(300);
      const ran = await page.evaluate(
        () => (window as unknown as { __xss?: number }).__xss ?? 0,
      );
      expect([user, path, ran]).toEqual([user, path, 0]);
      expect([user, path, await page.evaluate(findInjected)]).toEqual([
        user,
        path,
        [],
      ]);
    }
    await page.context().close();
  }
  expect(dialogs).toEqual([]);
  // Settled, so that the entry's proposals do not wait for review in later runs.
  for (const id of ids) {
    const declined = await request.post(`${api}/proposals/${id}/decline`, {
      headers: hr,
      data: { comment: 'XSS の試験' },
    });
    expect(declined.status()).toBe(200);
  }
});
