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
const COUNCIL = 'group:default/giji-ka';
const NEW_HIRE_COURSE = 'shinki-saiyo-shiyakusho-no-ichinen';

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
      reminderDaysBefore: 7,
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
        .send({ version: 3 }),
      200,
    );
    await check(
      'DELETE /entries/{id}',
      await request(s)
        .delete(`${API}/entries/${id}`)
        .set('Authorization', as('finance'))
        .send({}),
      400,
    );
    await check(
      'DELETE /entries/{id}',
      await request(s)
        .delete(`${API}/entries/${id}`)
        .set('Authorization', as('finance'))
        .send({ version: 3 }),
      409,
    );
    await check(
      'DELETE /entries/{id}',
      await request(s)
        .delete(`${API}/entries/${id}`)
        .set('Authorization', as('finance'))
        .send({ version: 4 }),
      200,
    );
    await check(
      'POST /entries/{id}/undelete',
      await request(s)
        .post(`${API}/entries/${id}/undelete`)
        .set('Authorization', as('finance'))
        .send({ version: 5 }),
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

    // Courses
    await check(
      'GET /courses',
      await request(s)
        .get(`${API}/courses`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check('GET /courses', await request(s).get(`${API}/courses`), 401);
    await check(
      'GET /courses/{slug}',
      await request(s)
        .get(`${API}/courses/${NEW_HIRE_COURSE}?fy=2026`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check(
      'GET /courses/{slug}',
      await request(s)
        .get(`${API}/courses/none-such`)
        .set('Authorization', as('newHire')),
      404,
    );
    const course = {
      slug: `openapi-course-${process.pid}`,
      title: { ja: '新任係長研修', en: 'New unit heads' },
      audience: { ja: '新任係長' },
      description: { ja: '係長として押さえる一年の節目です。' },
      steps: [
        { entry: 'shutsuno-heisa', note: { ja: '決算の始まりを知るため' } },
        { entry: body.slug },
      ],
    };
    await check(
      'POST /courses',
      await request(s)
        .post(`${API}/courses`)
        .set('Authorization', as('hr'))
        .send(course),
      201,
    );
    await check(
      'POST /courses',
      await request(s)
        .post(`${API}/courses`)
        .set('Authorization', as('hr'))
        .send({}),
      400,
    );
    await check(
      'POST /courses',
      await request(s)
        .post(`${API}/courses`)
        .set('Authorization', as('finance'))
        .send({ ...course, slug: `${course.slug}-2` }),
      403,
    );
    const retitled = (version: number) => ({
      ...course,
      title: { ja: '新任係長研修（改訂）' },
      version,
    });
    await check(
      'PUT /courses/{slug}',
      await request(s)
        .put(`${API}/courses/${course.slug}`)
        .set('Authorization', as('hr'))
        .send(retitled(1)),
      200,
    );
    await check(
      'PUT /courses/{slug}',
      await request(s)
        .put(`${API}/courses/${course.slug}`)
        .set('Authorization', as('hr'))
        .send(retitled(1)),
      409,
    );
    await check(
      'GET /entries/{id}/courses',
      await request(s)
        .get(`${API}/entries/shutsuno-heisa/courses`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check(
      'DELETE /courses/{slug}',
      await request(s)
        .delete(`${API}/courses/${course.slug}`)
        .set('Authorization', as('finance'))
        .send({ version: 2 }),
      403,
    );
    await check(
      'DELETE /courses/{slug}',
      await request(s)
        .delete(`${API}/courses/${course.slug}`)
        .set('Authorization', as('hr'))
        .send({ version: 2 }),
      204,
    );

    // Feed tokens and the calendar feed
    const feedToken = await request(s)
      .post(`${API}/feed-tokens`)
      .set('Authorization', as('newHire'))
      .send({ label: 'Google カレンダー' });
    await check('POST /feed-tokens', feedToken, 201);
    await check(
      'POST /feed-tokens',
      await request(s)
        .post(`${API}/feed-tokens`)
        .set('Authorization', as('newHire'))
        .send({}),
      400,
    );
    await check(
      'GET /feed-tokens',
      await request(s)
        .get(`${API}/feed-tokens`)
        .set('Authorization', as('newHire')),
      200,
    );
    const calendar = await request(s).get(
      `${API}/feeds/calendar.ics?token=${feedToken.body.token}&fy=2026`,
    );
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(calendar.text).toMatch(/^BEGIN:VCALENDAR/);
    await check('GET /feeds/calendar.ics', calendar, 200);
    await check(
      'GET /feeds/calendar.ics',
      await request(s).get(`${API}/feeds/calendar.ics`),
      401,
    );
    await check(
      'GET /feeds/calendar.ics',
      await request(s).get(
        `${API}/feeds/calendar.ics?token=${feedToken.body.token}&cycle=none`,
      ),
      400,
    );
    await check(
      'DELETE /feed-tokens/{id}',
      await request(s)
        .delete(`${API}/feed-tokens/${feedToken.body.id}`)
        .set('Authorization', as('newHire')),
      204,
    );
    await check(
      'DELETE /feed-tokens/{id}',
      await request(s)
        .delete(`${API}/feed-tokens/${feedToken.body.id}`)
        .set('Authorization', as('newHire')),
      404,
    );
    await check(
      'GET /feeds/calendar.ics',
      await request(s).get(
        `${API}/feeds/calendar.ics?token=${feedToken.body.token}`,
      ),
      401,
    );

    // "Changed since": a first visit, then the reader marks a moment before the
    // hand-over below.
    await check(
      'GET /changes',
      await request(s)
        .get(`${API}/changes`)
        .set('Authorization', as('newHire')),
      200,
    );
    await check(
      'POST /last-seen',
      await request(s)
        .post(`${API}/last-seen`)
        .set('Authorization', as('newHire'))
        .send({ at: new Date(Date.now() - 60_000).toISOString() }),
      200,
    );
    await check(
      'POST /last-seen',
      await request(s)
        .post(`${API}/last-seen`)
        .set('Authorization', as('newHire'))
        .send({ at: 'yesterday' }),
      400,
    );

    // Hand-over and the confirmation overview
    await check(
      'GET /handover',
      await request(s).get(`${API}/handover`).set('Authorization', as('hr')),
      200,
    );
    await check(
      'GET /handover',
      await request(s)
        .get(`${API}/handover`)
        .set('Authorization', as('finance')),
      403,
    );
    const { version } = (
      await request(s)
        .get(`${API}/entries/${id}`)
        .set('Authorization', as('hr'))
    ).body;
    const move = (owner: string, v: number = version) => ({
      moves: [{ entry: body.slug, version: v, owner }],
    });
    await check(
      'POST /handover',
      await request(s)
        .post(`${API}/handover`)
        .set('Authorization', as('finance'))
        .send(move(COUNCIL)),
      403,
    );
    await check(
      'POST /handover',
      await request(s)
        .post(`${API}/handover`)
        .set('Authorization', as('hr'))
        .send(move('group:default/none-such')),
      400,
    );
    const moved = await request(s)
      .post(`${API}/handover`)
      .set('Authorization', as('hr'))
      .send(move(COUNCIL));
    await check('POST /handover', moved, 200);
    expect(moved.body.items[0].owner).toBe(COUNCIL);
    await check(
      'POST /handover',
      await request(s)
        .post(`${API}/handover`)
        .set('Authorization', as('hr'))
        .send(move(FINANCE)),
      409,
    );
    await check(
      'GET /confirmations/{fiscalYear}',
      await request(s)
        .get(`${API}/confirmations/2026`)
        .set('Authorization', as('hr')),
      200,
    );
    await check(
      'GET /confirmations/{fiscalYear}',
      await request(s)
        .get(`${API}/confirmations/2026`)
        .set('Authorization', as('newHire')),
      403,
    );

    const since = await request(s)
      .get(`${API}/changes`)
      .set('Authorization', as('newHire'));
    await check('GET /changes', since, 200);
    expect(since.body.changes).toContainEqual(
      expect.objectContaining({ slug: body.slug }),
    );

    expect([...exercised].sort()).toEqual(documentedOperations().sort());
  });
});
