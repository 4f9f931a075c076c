import { expect, test } from '@playwright/test';
import { api, backend, signIn } from './signIn';

/** The JSON-RPC answer of a Streamable HTTP MCP response (a JSON body or an SSE message). */
function mcpResult(text: string) {
  const data = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .filter(line => line.startsWith('data: '))
        .map(line => line.slice('data: '.length))
        .join('');
  return JSON.parse(data);
}

test('the running app lists the year’s actions for assistants and answers 出納閉鎖 for May over MCP', async ({
  request,
}) => {
  const headers = await signIn(request, 'kimura.aoi');

  const listed = await request.get(`${api}/.backstage/actions/v1/actions`, {
    headers,
  });
  expect(listed.status()).toBe(200);
  const actions = (await listed.json()).actions as Array<{
    id: string;
    attributes: { readOnly: boolean; destructive: boolean };
  }>;
  expect(actions.map(a => a.id).sort()).toEqual([
    'city-hall-year:find-entries',
    'city-hall-year:get-entry',
    'city-hall-year:get-year',
    'city-hall-year:now-and-next',
  ]);
  for (const action of actions) {
    expect(action.attributes).toMatchObject({
      readOnly: true,
      destructive: false,
    });
  }

  const mcp = (id: number, method: string, params: object) =>
    request.post(`${backend}/api/mcp-actions/v1`, {
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      data: { jsonrpc: '2.0', id, method, params },
    });
  const tools = await mcp(1, 'tools/list', {});
  expect(tools.status()).toBe(200);
  expect(
    mcpResult(await tools.text())
      .result.tools.map((t: { name: string }) => t.name)
      .filter((n: string) => n.startsWith('city-hall-year.')),
  ).toHaveLength(4);

  const may = await mcp(2, 'tools/call', {
    name: 'city-hall-year.get-year',
    arguments: { fiscalYear: 2026, month: 5 },
  });
  expect(may.status()).toBe(200);
  const { structuredContent } = mcpResult(await may.text()).result;
  expect(structuredContent.steps).toContainEqual(
    expect.objectContaining({
      slug: 'shutsuno-heisa',
      title: expect.objectContaining({ ja: '出納閉鎖' }),
      when: { ja: '5月31日', en: '31 May' },
      department: '会計課',
    }),
  );

  const anonymous = await request.post(`${backend}/api/mcp-actions/v1`, {
    headers: { 'Content-Type': 'application/json' },
    data: { jsonrpc: '2.0', id: 3, method: 'tools/list', params: {} },
  });
  expect(anonymous.status()).toBe(401);
});
