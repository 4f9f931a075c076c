import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  as,
  callAs,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  type Person,
  type TestBackend,
} from '../__testUtils__';

/** An MCP client of the test backend's MCP actions endpoint, as a person. */
async function connect(backend: TestBackend, person: Person) {
  const client = new Client({ name: 'city-hall-year-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`http://localhost:${backend.server.port()}/api/mcp-actions/v1`),
      { requestInit: { headers: { Authorization: as(person) } } },
    ),
  );
  return client;
}

/** Calls a tool and answers its structured output; a tool error fails the test. */
async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
) {
  const result = await client.callTool({
    name: `city-hall-year.${name}`,
    arguments: args,
  });
  if (result.isError) {
    throw new Error(JSON.stringify(result.content));
  }
  return result.structuredContent as any;
}

describeOnEachDatabase(
  'the year as actions for assistants (MCP)',
  {
    seed: true,
    features: [mcpActionsPlugin],
    rootConfig: { backend: { actions: { pluginSources: ['city-hall-year'] } } },
  },
  backend => {
    let newHire: Client;
    beforeAll(async () => {
      newHire = await connect(backend, 'newHire');
    });
    afterAll(async () => {
      await newHire?.close();
    });

    it('lists four read-only, non-destructive tools with their input schemas', async () => {
      const { tools } = await newHire.listTools();
      const ours = tools.filter(t => t.name.startsWith('city-hall-year.'));
      expect(ours.map(t => t.name).sort()).toEqual([
        'city-hall-year.find-entries',
        'city-hall-year.get-entry',
        'city-hall-year.get-year',
        'city-hall-year.now-and-next',
      ]);
      for (const tool of ours) {
        expect(tool.annotations).toMatchObject({
          readOnlyHint: true,
          destructiveHint: false,
        });
        expect(tool.inputSchema.type).toBe('object');
      }
      const getYear = ours.find(t => t.name === 'city-hall-year.get-year')!;
      expect(Object.keys(getYear.inputSchema.properties ?? {})).toEqual([
        'fiscalYear',
        'month',
      ]);
    });

    it('answers what happens in May with 出納閉鎖 on 31 May, owned by 会計課 by name', async () => {
      const may = await call(newHire, 'get-year', {
        fiscalYear: 2026,
        month: 5,
      });
      expect(may.label).toEqual({ ja: '令和8年度', en: 'FY2026' });
      const closing = may.steps.find(
        (s: { slug: string }) => s.slug === 'shutsuno-heisa',
      );
      expect(closing).toMatchObject({
        title: { ja: '出納閉鎖' },
        cycle: 'settlement',
        cycleName: { ja: '決算', en: 'Settlement' },
        start: '2026-05-31',
        end: '2026-05-31',
        when: { ja: '5月31日', en: '31 May' },
        department: '会計課',
        departmentRef: 'group:default/kaikei-ka',
        url: 'http://localhost:3000/city-hall-year/entries/shutsuno-heisa',
      });
      // Only May: every step overlaps it.
      for (const step of may.steps) {
        expect(step.start <= '2026-05-31' && step.end >= '2026-05-01').toBe(
          true,
        );
      }
      expect(may.asNeeded).toEqual([]);
    });

    it('reads one entry with why it exists, its law, its chain and its dates', async () => {
      const entry = await call(newHire, 'get-entry', {
        slug: 'shutsuno-heisa',
        fiscalYear: 2026,
      });
      expect(entry.purpose.ja).toMatch(/\S/);
      expect(entry.legalBasis).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ law: '地方自治法', article: '第235条の5' }),
        ]),
      );
      expect(entry.department).toBe('会計課');
      expect(entry.dates).toEqual([
        {
          start: '2026-05-31',
          end: '2026-05-31',
          when: { ja: '5月31日', en: '31 May' },
        },
      ]);
      expect(entry.feedsInto.length + entry.dependsOn.length).toBeGreaterThan(
        0,
      );
      for (const linked of [...entry.dependsOn, ...entry.feedsInto]) {
        expect(linked.title.ja).toMatch(/\S/);
      }
    });

    it('finds entries by text, cycle and the department’s display name', async () => {
      const found = await call(newHire, 'find-entries', {
        text: '出納閉鎖',
        department: '会計課',
      });
      expect(found.entries.map((e: { slug: string }) => e.slug)).toContain(
        'shutsuno-heisa',
      );
      for (const e of found.entries) expect(e.department).toBe('会計課');
      const council = await call(newHire, 'find-entries', {
        cycle: 'council',
        limit: 100,
      });
      expect(council.totalCount).toBeGreaterThan(5);
      for (const e of council.entries) expect(e.cycle).toBe('council');
    });

    it('tells what is happening now and next from a given day', async () => {
      const around = await call(newHire, 'now-and-next', {
        date: '2027-05-20',
      });
      expect(around.today).toBe('2027-05-20');
      expect(around.fiscalYear).toBe(2027);
      expect(around.thisMonth.map((s: { slug: string }) => s.slug)).toContain(
        'shutsuno-heisa',
      );
      for (const step of around.next) {
        expect(step.start > '2027-05-20' && step.start <= '2027-06-19').toBe(
          true,
        );
      }
    });

    it('applies the caller’s read permission: a draft is the owner’s alone', async () => {
      const draft = await callAs(backend, 'finance')
        .post('/entries')
        .send(entryBody(FINANCE, { status: 'draft' }));
      expect(draft.status).toBe(201);
      const finance = await connect(backend, 'finance');
      try {
        const own = await call(finance, 'get-entry', { slug: draft.body.slug });
        expect(own.slug).toBe(draft.body.slug);
      } finally {
        await finance.close();
      }
      const refused = await newHire.callTool({
        name: 'city-hall-year.get-entry',
        arguments: { slug: draft.body.slug },
      });
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain('NotFoundError');
    });

    it('refuses bad input by name and a caller without a token', async () => {
      const bad = await newHire.callTool({
        name: 'city-hall-year.now-and-next',
        arguments: { date: '2027-02-30' },
      });
      expect(bad.isError).toBe(true);
      expect(JSON.stringify(bad.content)).toContain('not a calendar date');
      const month = await newHire.callTool({
        name: 'city-hall-year.get-year',
        arguments: { month: 13 },
      });
      expect(month.isError).toBe(true);
      expect(JSON.stringify(month.content)).toContain('month');

      const anonymous = new Client({ name: 'anonymous', version: '1.0.0' });
      await expect(
        anonymous.connect(
          new StreamableHTTPClientTransport(
            new URL(
              `http://localhost:${backend.server.port()}/api/mcp-actions/v1`,
            ),
          ),
        ),
      ).rejects.toThrow(/401|Unauthorized|Missing credentials/i);
    });

    it('lists the actions at the actions registry’s own endpoint', async () => {
      const res = await callAs(backend, 'newHire').get(
        '/.backstage/actions/v1/actions',
      );
      expect(res.status).toBe(200);
      expect(res.body.actions.map((a: { id: string }) => a.id).sort()).toEqual([
        'city-hall-year:find-entries',
        'city-hall-year:get-entry',
        'city-hall-year:get-year',
        'city-hall-year:now-and-next',
      ]);
    });
  },
);
