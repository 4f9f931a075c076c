import { MockFetchApi, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CityHallYearClient } from './CityHallYearClient';

const baseUrl = 'http://localhost:7007/api/city-hall-year';

describe('CityHallYearClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new CityHallYearClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-token' } }),
    identityApi: {
      getCredentials: async () => ({ token: 'user-token' }),
    } as any,
  });

  it('asks for a year with the signed-in user’s token', async () => {
    server.use(
      http.get(`${baseUrl}/years/2026`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer user-token');
        return HttpResponse.json({
          fiscalYear: 2026,
          labels: { en: 'FY2026', ja: '令和8年度' },
          occurrences: [],
          asNeeded: [],
        });
      }),
    );
    await expect(client.getYear(2026)).resolves.toMatchObject({
      labels: { ja: '令和8年度' },
    });
  });

  it('sends list filters comma-separated and encodes path values', async () => {
    let seen = '';
    server.use(
      http.get(`${baseUrl}/entries`, ({ request }) => {
        seen = new URL(request.url).search;
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          offset: 0,
          limit: 50,
        });
      }),
      http.get(`${baseUrl}/entries/:id`, ({ params }) =>
        HttpResponse.json({ slug: params.id }),
      ),
    );
    await client.listEntries({
      cycle: ['budget', 'council'],
      q: '出納',
      fiscalYear: 2026,
    });
    expect(new URLSearchParams(seen).get('cycle')).toBe('budget,council');
    expect(new URLSearchParams(seen).get('q')).toBe('出納');
    await expect(client.getEntry('a/b?c')).resolves.toEqual({ slug: 'a/b?c' });
  });

  it('marks a course step with PUT and asks HR’s summary for a fiscal year', async () => {
    const seen: string[] = [];
    server.use(
      http.put(
        `${baseUrl}/courses/:slug/progress/:step`,
        async ({ request, params }) => {
          seen.push(
            `PUT ${params.slug} ${params.step} ${JSON.stringify(
              await request.json(),
            )}`,
          );
          return HttpResponse.json({ course: params.slug, done: [] });
        },
      ),
      http.get(`${baseUrl}/courses/:slug/progress/summary`, ({ request }) => {
        seen.push(`GET summary ${new URL(request.url).search}`);
        return HttpResponse.json({ course: 'x' });
      }),
      http.get(`${baseUrl}/course-progress`, () =>
        HttpResponse.json({ items: [{ course: 'x' }] }),
      ),
    );
    await client.markCourseStep('shinki-saiyo', 4, true);
    await client.getCourseProgressSummary('shinki-saiyo', 2026);
    await expect(client.listMyCourseProgress()).resolves.toEqual([
      { course: 'x' },
    ]);
    expect(seen).toEqual([
      'PUT shinki-saiyo 4 {"done":true}',
      'GET summary ?fiscalYear=2026',
    ]);
  });

  it('sends the version it was based on, and turns a 409 into a ResponseError', async () => {
    let body: unknown;
    server.use(
      http.put(`${baseUrl}/entries/entry-1`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'changed meanwhile' },
            request: {},
            response: { statusCode: 409 },
          },
          { status: 409 },
        );
      }),
    );
    const error = await client
      .updateEntry('entry-1', { slug: 'x' } as any, 3)
      .catch(e => e);
    expect(body).toEqual({ slug: 'x', version: 3 });
    expect(error.name).toBe('ResponseError');
    expect(error.statusCode).toBe(409);
    expect(error.body.error.name).toBe('ConflictError');
  });

  it('serves a year asked for twice at once with one request, and asks again after a write', async () => {
    let requests = 0;
    server.use(
      http.get(`${baseUrl}/years/2027`, () => {
        requests += 1;
        return HttpResponse.json({
          fiscalYear: 2027,
          labels: {},
          occurrences: [],
          asNeeded: [],
        });
      }),
      http.post(`${baseUrl}/entries/entry-1/confirm`, () =>
        HttpResponse.json({ version: 2 }),
      ),
    );
    const fresh = new CityHallYearClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: new MockFetchApi(),
      identityApi: { getCredentials: async () => ({}) } as any,
    });
    await Promise.all([fresh.getYear(2027), fresh.getYear(2027)]);
    expect(requests).toBe(1);
    await fresh.confirmEntry('entry-1', 1);
    await fresh.getYear(2027);
    expect(requests).toBe(2);
  });

  it('downloads an export as a file', async () => {
    server.use(
      http.get(`${baseUrl}/export`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('format')).toBe('csv');
        return new HttpResponse('\uFEFFslug\nshutsuno-heisa\n', {
          headers: { 'Content-Type': 'text/csv' },
        });
      }),
    );
    const blob = await client.exportEntries('csv');
    expect(blob.size).toBeGreaterThan(10);
  });
});
