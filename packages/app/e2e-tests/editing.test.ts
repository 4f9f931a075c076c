import { expect, test } from '@playwright/test';
import { api, signIn } from './signIn';

function editable(entry: Record<string, unknown>) {
  const {
    id,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    confirmedFiscalYear,
    ...fields
  } = entry;
  return fields;
}

test('財政課 staff edit a budget entry, not a council entry, and the history names them', async ({
  request,
}) => {
  const finance = await signIn(request, 'yamada.taro');

  const budget = await (
    await request.get(`${api}/entries/yosan-hensei-hoshin`, {
      headers: finance,
    })
  ).json();
  const summary = `予算編成方針（${new Date().toISOString()} 財政課確認）`;
  const edited = await request.put(`${api}/entries/${budget.id}`, {
    headers: finance,
    data: { ...editable(budget), summary: { ...budget.summary, ja: summary } },
  });
  expect(edited.status()).toBe(200);
  expect((await edited.json()).version).toBe(budget.version + 1);

  const council = await (
    await request.get(`${api}/entries/dai1kai-teireikai`, { headers: finance })
  ).json();
  const refused = await request.put(`${api}/entries/${council.id}`, {
    headers: finance,
    data: { ...editable(council), summary: { ja: '財政課による書き換え' } },
  });
  expect(refused.status()).toBe(403);
  const unchanged = await (
    await request.get(`${api}/entries/dai1kai-teireikai`, { headers: finance })
  ).json();
  expect(unchanged.version).toBe(council.version);

  const history = await (
    await request.get(`${api}/entries/${budget.id}/revisions`, {
      headers: finance,
    })
  ).json();
  expect(history.items[0]).toMatchObject({
    action: 'update',
    createdBy: 'user:default/yamada.taro',
    changedFields: ['summary'],
  });
});
