import jestOpenAPI from 'jest-openapi';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import {
  as,
  entryBody,
  putBody,
  startCityHallYearBackend,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const specFile = path.resolve(__dirname, 'openapi.yaml');
jestOpenAPI(specFile);

const API = '/api/city-hall-year';
const FINANCE = 'group:default/zaisei-ka';

/** Every operation of the document, as `METHOD /path`. */
function documentedOperations(): string[] {
  const spec = parseYaml(fs.readFileSync(specFile, 'utf8'));
  return Object.entries(
    spec.paths as Record<string, Record<string, unknown>>,
  ).flatMap(([p, item]) =>
    Object.keys(item)
      .filter(k => ['get', 'put', 'post', 'delete', 'patch'].includes(k))
      .map(method => `${method.toUpperCase()} ${p}`),
  );
}

describe('OpenAPI document', () => {
  const databases = createTestDatabases();
  let ctx: Awaited<ReturnType<typeof startCityHallYearBackend>>;
  const exercised = new Set<string>();

  beforeAll(async () => {
    ctx = await startCityHallYearBackend(databases, 'SQLITE_3', { seed: true });
  });

  async function check(
    operation: string,
    res: request.Response,
    status: number,
  ) {
    exercised.add(operation);
    expect(res.status).toBe(status);
    expect(res).toSatisfyApiSpec();
  }

  it('describes every real response of every route', async () => {
    const s = ctx.server;
    await check('GET /health', await request(s).get(`${API}/health`), 200);
    await check(
      'GET /entries',
      await request(s)
        .get(`${API}/entries`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check('GET /entries', await request(s).get(`${API}/entries`), 401);
    await check(
      'GET /entries',
      await request(s)
        .get(`${API}/entries?limit=0`)
        .set('Authorization', as('newHire')),
      400,
    );

    const body = entryBody(FINANCE, {
      dependsOn: ['shutsuno-heisa'],
      links: [{ title: '例規集', url: 'https://example.jp/reiki' }],
    });
    const created = await request(s)
      .post(`${API}/entries`)
      .set('Authorization', as('finance'))
      .send(body);
    await check('POST /entries', created, 201);
    await check(
      'POST /entries',
      await request(s)
        .post(`${API}/entries`)
        .set('Authorization', as('finance'))
        .send(body),
      409,
    );
    await check(
      'POST /entries',
      await request(s)
        .post(`${API}/entries`)
        .set('Authorization', as('council'))
        .send(entryBody(FINANCE)),
      403,
    );
    await check(
      'POST /entries',
      await request(s)
        .post(`${API}/entries`)
        .set('Authorization', as('finance'))
        .send({}),
      400,
    );
    const id = created.body.id;

    await check(
      'GET /entries/{id}',
      await request(s)
        .get(`${API}/entries/${body.slug}`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check(
      'GET /entries/{id}',
      await request(s)
        .get(`${API}/entries/none-such`)
        .set('Authorization', as('newHire')),
      404,
    );

    const update = (v: number) =>
      putBody(created.body, { summary: { ja: '改訂した概要' } }, v);
    await check(
      'PUT /entries/{id}',
      await request(s)
        .put(`${API}/entries/${id}`)
        .set('Authorization', as('finance'))
        .send(update(1)),
      200,
    );
    await check(
      'PUT /entries/{id}',
      await request(s)
        .put(`${API}/entries/${id}`)
        .set('Authorization', as('finance'))
        .send(update(1)),
      409,
    );
    await check(
      'PUT /entries/{id}',
      await request(s)
        .put(`${API}/entries/${id}`)
        .set('Authorization', as('council'))
        .send(update(2)),
      403,
    );

    await check(
      'POST /entries/{id}/confirm',
      await request(s)
        .post(`${API}/entries/${id}/confirm`)
        .set('Authorization', as('finance'))
        .send({ version: 2 }),
      200,
    );
    await check(
      'GET /entries/{id}/revisions',
      await request(s)
        .get(`${API}/entries/${id}/revisions`)
        .set('Authorization', as('finance')),
      200,
    );
    await check(
      'GET /entries/{id}/revisions/{revision}',
      await request(s)
        .get(`${API}/entries/${id}/revisions/1`)
        .set('Authorization', as('finance')),
      200,
    );
    await check(
      'GET /entries/{id}/revisions/{revision}',
      await request(s)
        .get(`${API}/entries/${id}/revisions/9`)
        .set('Authorization', as('finance')),
      404,
    );
    await check(
      'POST /entries/{id}/revisions/{revision}/restore',
      await request(s)
        .post(`${API}/entries/${id}/revisions/1/restore`)
        .set('Authorization', as('finance'))
        .send({}),
      200,
    );
    await check(
      'DELETE /entries/{id}',
      await request(s)
        .delete(`${API}/entries/${id}`)
        .set('Authorization', as('finance'))
        .send({}),
      200,
    );
    await check(
      'POST /entries/{id}/undelete',
      await request(s)
        .post(`${API}/entries/${id}/undelete`)
        .set('Authorization', as('finance'))
        .send({}),
      200,
    );

    await check(
      'GET /years/{fiscalYear}',
      await request(s)
        .get(`${API}/years/2026`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check(
      'GET /years/{fiscalYear}',
      await request(s)
        .get(`${API}/years/abc`)
        .set('Authorization', as('newHire')),
      400,
    );

    expect([...exercised].sort()).toEqual(documentedOperations().sort());
  });
});
