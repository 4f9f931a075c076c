import jestOpenAPI from 'jest-openapi';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  ACCOUNTING,
  callAs,
  COUNCIL,
  createTestDatabases,
  entryBody,
  FINANCE,
  putBody,
  startCityHallYearBackend,
  type Person,
  type TestBackend,
} from '../__testUtils__';

const specFile = path.resolve(__dirname, 'openapi.yaml');
jestOpenAPI(specFile);

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

/**
 * The documented operation a request line goes to, `PUT /entries/{id}` for
 * `PUT /entries/abc`: a path parameter stands for one segment, the query is left out.
 * Fails unless exactly one operation matches.
 */
function operationOf(requestLine: string): string {
  const [method, target] = requestLine.split(' ');
  const pathname = target.split('?')[0];
  const matching = documentedOperations().filter(operation => {
    const [documentedMethod, template] = operation.split(' ');
    const pattern = template
      .replace(/\./g, '\\.')
      .replace(/\{[^}]+\}/g, '[^/]+');
    return (
      documentedMethod === method && new RegExp(`^${pattern}$`).test(pathname)
    );
  });
  if (matching.length !== 1) {
    throw new Error(
      `${requestLine} goes to ${matching.length} documented operations: ${matching}`,
    );
  }
  return matching[0];
}

/**
 * A request and the status it must get: the request line (method, and path below
 * the plugin's mount point), who sends it (nobody when absent), and its JSON body.
 */
type Exchange = [
  status: number,
  requestLine: string,
  person?: Person,
  body?: object,
];

type Method = 'get' | 'post' | 'put' | 'delete';

describe('OpenAPI document', () => {
  const databases = createTestDatabases();
  let ctx: TestBackend;
  const exercised = new Set<string>();

  beforeAll(async () => {
    ctx = await startCityHallYearBackend(databases, 'SQLITE_3', { seed: true });
  });

  /** Sends the request; checks its status, and that the document describes the answer. */
  async function expectDocumented(exchange: Exchange) {
    const [status, requestLine, person, body] = exchange;
    const [method, target] = requestLine.split(' ');
    const req = callAs(ctx, person)[method.toLowerCase() as Method](target);
    const res = body === undefined ? await req : await req.send(body);
    exercised.add(operationOf(requestLine));
    expect(res.status).toBe(status);
    expect(res).toSatisfyApiSpec();
    return res;
  }

  /** {@link expectDocumented} for each exchange, one after the other. */
  async function expectEachDocumented(exchanges: Exchange[]) {
    for (const exchange of exchanges) await expectDocumented(exchange);
  }

  it('describes every real response of every route', async () => {
    await expectEachDocumented([
      [200, 'GET /health'],
      [200, 'GET /entries', 'newHire'],
      [401, 'GET /entries'],
      [400, 'GET /entries?limit=0', 'newHire'],
    ]);

    const body = entryBody(FINANCE, {
      dependsOn: ['shutsuno-heisa'],
      links: [{ title: '例規集', url: 'https://example.jp/reiki' }],
      reminderDaysBefore: 7,
    });
    const created = await expectDocumented([
      201,
      'POST /entries',
      'finance',
      body,
    ]);
    const id = created.body.id;
    const update = (v: number) =>
      putBody(created.body, { summary: { ja: '改訂した概要' } }, v);
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
    const retitled = (version: number) => ({
      ...course,
      title: { ja: '新任係長研修（改訂）' },
      version,
    });
    await expectEachDocumented([
      [409, 'POST /entries', 'finance', body],
      [403, 'POST /entries', 'council', entryBody(FINANCE)],
      [400, 'POST /entries', 'finance', {}],
      [200, `GET /entries/${body.slug}`, 'newHire'],
      [404, 'GET /entries/none-such', 'newHire'],
      [200, `PUT /entries/${id}`, 'finance', update(1)],
      [409, `PUT /entries/${id}`, 'finance', update(1)],
      [403, `PUT /entries/${id}`, 'council', update(2)],
      [200, `POST /entries/${id}/confirm`, 'finance', { version: 2 }],
      [200, `GET /entries/${id}/revisions`, 'finance'],
      [200, `GET /entries/${id}/revisions/1`, 'finance'],
      [404, `GET /entries/${id}/revisions/9`, 'finance'],
      [
        200,
        `POST /entries/${id}/revisions/1/restore`,
        'finance',
        { version: 3 },
      ],
      [400, `DELETE /entries/${id}`, 'finance', {}],
      [409, `DELETE /entries/${id}`, 'finance', { version: 3 }],
      [200, `DELETE /entries/${id}`, 'finance', { version: 4 }],
      [200, `POST /entries/${id}/undelete`, 'finance', { version: 5 }],

      [200, 'GET /years/2026', 'newHire'],
      [400, 'GET /years/abc', 'newHire'],
      [200, 'GET /years/2026?mine=true', 'newHire'],
      [400, 'GET /years/2026?mine=yes', 'newHire'],
      [401, 'GET /years/2026?mine=true'],

      // Courses
      [200, 'GET /courses', 'newHire'],
      [401, 'GET /courses'],
      [200, `GET /courses/${NEW_HIRE_COURSE}?fy=2026`, 'newHire'],
      [404, 'GET /courses/none-such', 'newHire'],
      [201, 'POST /courses', 'hr', course],
      [400, 'POST /courses', 'hr', {}],
      [
        403,
        'POST /courses',
        'finance',
        { ...course, slug: `${course.slug}-2` },
      ],
      [200, `PUT /courses/${course.slug}`, 'hr', retitled(1)],
      [409, `PUT /courses/${course.slug}`, 'hr', retitled(1)],
      [200, 'GET /entries/shutsuno-heisa/courses', 'newHire'],
      [403, `DELETE /courses/${course.slug}`, 'finance', { version: 2 }],
      [204, `DELETE /courses/${course.slug}`, 'hr', { version: 2 }],
    ]);

    // Course progress (受講状況): a learner's own marks, and HR's summary
    await expectEachDocumented([
      [200, 'GET /course-progress', 'newHire'],
      [401, 'GET /course-progress'],
      [200, `GET /courses/${NEW_HIRE_COURSE}/progress`, 'newHire'],
      [404, 'GET /courses/none-such/progress', 'newHire'],
      [
        200,
        `PUT /courses/${NEW_HIRE_COURSE}/progress/1`,
        'newHire',
        { done: true },
      ],
      [400, `PUT /courses/${NEW_HIRE_COURSE}/progress/1`, 'newHire', {}],
      [
        400,
        `PUT /courses/${NEW_HIRE_COURSE}/progress/0`,
        'newHire',
        { done: true },
      ],
      [
        404,
        `PUT /courses/${NEW_HIRE_COURSE}/progress/59`,
        'newHire',
        { done: true },
      ],
      [401, `PUT /courses/${NEW_HIRE_COURSE}/progress/1`, undefined, {}],
      [200, `GET /courses/${NEW_HIRE_COURSE}/progress/summary`, 'hr'],
      [
        400,
        `GET /courses/${NEW_HIRE_COURSE}/progress/summary?fiscalYear=R8`,
        'hr',
      ],
      [403, `GET /courses/${NEW_HIRE_COURSE}/progress/summary`, 'newHire'],
      [404, 'GET /courses/none-such/progress/summary', 'hr'],
    ]);
    const mine = await expectDocumented([
      200,
      'GET /course-progress',
      'newHire',
    ]);
    expect(mine.body.items[0]).toMatchObject({
      course: NEW_HIRE_COURSE,
      done: [expect.objectContaining({ position: 1 })],
      next: expect.objectContaining({ position: 2 }),
    });

    // Feed tokens and the calendar feed
    const feedToken = await expectDocumented([
      201,
      'POST /feed-tokens',
      'newHire',
      { label: 'Google カレンダー' },
    ]);
    const { token, id: tokenId } = feedToken.body;
    await expectEachDocumented([
      [400, 'POST /feed-tokens', 'newHire', {}],
      [200, 'GET /feed-tokens', 'newHire'],
    ]);
    const calendar = await expectDocumented([
      200,
      `GET /feeds/calendar.ics?token=${token}&fy=2026`,
    ]);
    expect(calendar.headers['content-type']).toMatch(/^text\/calendar/);
    expect(calendar.text).toMatch(/^BEGIN:VCALENDAR/);
    const myCalendar = await expectDocumented([
      200,
      `GET /feeds/calendar.ics?token=${token}&fy=2026&mine=true`,
    ]);
    expect(myCalendar.text).toMatch(/X-WR-CALNAME:あなたの一年/);
    await expectEachDocumented([
      [401, 'GET /feeds/calendar.ics'],
      [400, `GET /feeds/calendar.ics?token=${token}&cycle=none`],
      [204, `DELETE /feed-tokens/${tokenId}`, 'newHire'],
      [404, `DELETE /feed-tokens/${tokenId}`, 'newHire'],
      [401, `GET /feeds/calendar.ics?token=${token}`],

      // "Changed since": a first visit, then the reader marks a moment before the
      // hand-over below.
      [200, 'GET /changes', 'newHire'],
      [
        200,
        'POST /last-seen',
        'newHire',
        { at: new Date(Date.now() - 60_000).toISOString() },
      ],
      [400, 'POST /last-seen', 'newHire', { at: 'yesterday' }],

      // Hand-over and the confirmation overview
      [200, 'GET /handover', 'hr'],
      [403, 'GET /handover', 'finance'],
    ]);
    const { version } = (await callAs(ctx, 'hr').get(`/entries/${id}`)).body;
    const move = (owner: string, v: number = version) => ({
      moves: [{ entry: body.slug, version: v, owner }],
    });
    await expectEachDocumented([
      [403, 'POST /handover', 'finance', move(COUNCIL)],
      [400, 'POST /handover', 'hr', move('group:default/none-such')],
    ]);
    const moved = await expectDocumented([
      200,
      'POST /handover',
      'hr',
      move(COUNCIL),
    ]);
    expect(moved.body.items[0].owner).toBe(COUNCIL);
    await expectEachDocumented([
      [409, 'POST /handover', 'hr', move(FINANCE)],
      [200, 'GET /confirmations/2026', 'hr'],
      [403, 'GET /confirmations/2026', 'newHire'],
      [200, 'GET /content-updates', 'hr'],
      [403, 'GET /content-updates', 'finance'],
      [401, 'GET /content-updates'],
    ]);

    const since = await expectDocumented([200, 'GET /changes', 'newHire']);
    expect(since.body.changes).toContainEqual(
      expect.objectContaining({ slug: body.slug }),
    );

    // The dialogue on 出納閉鎖, owned by 会計課 (accounting)
    const asked = await expectDocumented([
      201,
      'POST /entries/shutsuno-heisa/questions',
      'newHire',
      {
        title: '出納整理期間とは？',
        body: '教えてください。',
        anonymous: true,
      },
    ]);
    const q = asked.body.id;
    await expectEachDocumented([
      [400, 'POST /entries/shutsuno-heisa/questions', 'newHire', { title: '' }],
      [404, 'POST /entries/none-such/questions', 'newHire', { title: '質問' }],
      [200, 'GET /entries/shutsuno-heisa/questions', 'accounting'],
      [401, 'GET /entries/shutsuno-heisa/questions'],
      [200, `GET /questions/${q}`, 'accounting'],
      [400, 'GET /questions/not-an-id', 'accounting'],
      [403, `POST /questions/${q}/answers`, 'finance', { body: '横から' }],
    ]);
    const answer = await expectDocumented([
      201,
      `POST /questions/${q}/answers`,
      'accounting',
      { body: '5月31日までです。' },
    ]);
    const comment = await expectDocumented([
      201,
      `POST /questions/${q}/comments`,
      'finance',
      { body: '私も知りたいです。' },
    ]);
    await expectEachDocumented([
      [200, `POST /questions/${q}/me-too`, 'finance'],
      [400, `POST /questions/${q}/me-too`, 'newHire'],
      [200, `DELETE /questions/${q}/me-too`, 'finance'],
      [
        400,
        `POST /questions/${q}/resolve`,
        'newHire',
        { answerId: comment.body.id },
      ],
      [
        200,
        `POST /questions/${q}/resolve`,
        'newHire',
        { answerId: answer.body.id },
      ],
      [
        403,
        `PUT /questions/${q}`,
        'accounting',
        { title: '改題', body: '', anonymous: true, version: 2 },
      ],
      [
        409,
        `PUT /questions/${q}`,
        'newHire',
        { title: '改題', body: '', anonymous: true, version: 1 },
      ],
      [400, `PUT /questions/${q}`, 'newHire', { title: '改題', version: 2 }],
      [
        200,
        `PUT /questions/${q}`,
        'newHire',
        { title: '改題', body: '', anonymous: true, version: 2 },
      ],
      // The FAQ of 出納閉鎖, from the resolved question
      [200, 'GET /entries/shutsuno-heisa/faq', 'newHire'],
      [
        403,
        'POST /entries/shutsuno-heisa/faq',
        'finance',
        { question: '質問', answer: '答え' },
      ],
      [400, 'POST /entries/shutsuno-heisa/faq', 'accounting', { question: '' }],
      [200, `GET /questions/${q}/history`, 'hr'],
      [403, `GET /questions/${q}/history`, 'accounting'],
      [
        409,
        `PUT /answers/${answer.body.id}`,
        'accounting',
        { body: '訂正', version: 9 },
      ],
      [
        200,
        `PUT /answers/${answer.body.id}`,
        'accounting',
        { body: '訂正', version: 1 },
      ],
      [403, `DELETE /answers/${comment.body.id}`, 'accounting', { version: 1 }],
      [200, `DELETE /answers/${comment.body.id}`, 'finance', { version: 1 }],
      [
        404,
        `POST /answers/${comment.body.id}/restore`,
        'finance',
        { version: 2 },
      ],
      [200, `POST /answers/${comment.body.id}/restore`, 'hr', { version: 2 }],
      [403, `DELETE /questions/${q}`, 'accounting', { version: 3 }],
      [200, `DELETE /questions/${q}`, 'newHire', { version: 3 }],
      [404, `GET /questions/${q}`, 'accounting'],
      [409, `POST /questions/${q}/restore`, 'hr', { version: 3 }],
      [200, `POST /questions/${q}/restore`, 'hr', { version: 4 }],
    ]);

    const faqItem = await expectDocumented([
      201,
      'POST /entries/shutsuno-heisa/faq',
      'accounting',
      {
        question: '出納整理期間とは？',
        answer: '5月31日までです。',
        fromQuestion: q,
      },
    ]);
    const { id: faqId, entryVersion } = faqItem.body;
    const faqPath = `/entries/shutsuno-heisa/faq/${faqId}`;
    const reworded = {
      question: '出納整理期間とは何ですか？',
      answer: '4月1日から5月31日までです。',
    };
    await expectEachDocumented([
      [
        409,
        `PUT ${faqPath}`,
        'accounting',
        { ...reworded, version: entryVersion - 1 },
      ],
      [
        403,
        `PUT ${faqPath}`,
        'finance',
        { ...reworded, version: entryVersion },
      ],
      [
        200,
        `PUT ${faqPath}`,
        'accounting',
        { ...reworded, version: entryVersion },
      ],
      [
        400,
        'PUT /entries/shutsuno-heisa/faq/not-an-id',
        'accounting',
        { ...reworded, version: 1 },
      ],
      [409, `DELETE ${faqPath}`, 'accounting', { version: entryVersion }],
      [200, `DELETE ${faqPath}`, 'accounting', { version: entryVersion + 1 }],
    ]);

    // The "still unclear" signal
    await expectEachDocumented([
      [
        200,
        'PUT /entries/shutsuno-heisa/clarity',
        'newHire',
        { clear: false, reasons: ['terms'], comment: '用語が難しい' },
      ],
      [400, 'PUT /entries/shutsuno-heisa/clarity', 'newHire', { clear: 'no' }],
      [404, 'PUT /entries/none-such/clarity', 'newHire', { clear: true }],
      [200, 'GET /entries/shutsuno-heisa/clarity', 'newHire'],
      [
        200,
        'GET /entries/shutsuno-heisa/clarity?fiscalYear=2026',
        'accounting',
      ],
      [400, 'GET /entries/shutsuno-heisa/clarity?fiscalYear=x', 'accounting'],
      [
        200,
        `GET /clarity?owner=${encodeURIComponent(ACCOUNTING)}`,
        'accounting',
      ],
      [200, 'GET /clarity', 'hr'],
      [400, 'GET /clarity?month=5', 'hr'],
      [401, 'GET /clarity'],
    ]);

    // Files out and back in: the export as CSV and YAML, the import of a CSV file.
    const exportedCsv = await expectDocumented([
      200,
      'GET /export?format=csv&cycle=settlement',
      'accounting',
    ]);
    await expectEachDocumented([
      [200, 'GET /export?format=yaml', 'newHire'],
      [200, 'GET /export?format=csv&headers=keys', 'newHire'],
      [400, 'GET /export?format=pdf', 'newHire'],
      [401, 'GET /export'],
    ]);
    // Change proposals, on an entry of 財政課 made for them.
    const proposed = await callAs(ctx, 'finance')
      .post('/entries')
      .send(entryBody(FINANCE));
    const proposalTarget = proposed.body;
    const proposalBody = (summary: string) => ({
      fields: {
        ...putBody(proposalTarget),
        version: undefined,
        summary: { ja: summary },
      },
      basedOnVersion: proposalTarget.version,
      reason: '日程が今年度と違います。',
    });
    const first = await expectDocumented([
      201,
      `POST /entries/${proposalTarget.slug}/proposals`,
      'newHire',
      proposalBody('10月中旬から要求します。'),
    ]);
    const p = first.body.id;
    await expectEachDocumented([
      [
        400,
        `POST /entries/${proposalTarget.slug}/proposals`,
        'newHire',
        { reason: '' },
      ],
      [404, 'POST /entries/none-such/proposals', 'newHire', proposalBody('x')],
      [401, `POST /entries/${proposalTarget.slug}/proposals`],
      [200, `GET /entries/${proposalTarget.slug}/proposals`, 'newHire'],
      [200, `GET /proposals?owner=${FINANCE}&status=open`, 'finance'],
      [200, 'GET /proposals?mine=true', 'newHire'],
      [400, 'GET /proposals?status=maybe', 'newHire'],
      [200, `GET /proposals/${p}`, 'finance'],
      [404, 'GET /proposals/00000000-0000-4000-8000-000000000000', 'finance'],
      [403, `POST /proposals/${p}/accept`, 'council', {}],
      [
        200,
        `POST /proposals/${p}/request-changes`,
        'finance',
        { comment: '英語もお願いします。' },
      ],
      [
        200,
        `PUT /proposals/${p}`,
        'newHire',
        { ...proposalBody('10月中旬から要求します（英語も）。'), version: 2 },
      ],
      [
        409,
        `PUT /proposals/${p}`,
        'newHire',
        { ...proposalBody('古い版'), version: 2 },
      ],
      [
        403,
        `PUT /proposals/${p}`,
        'accounting',
        { ...proposalBody('横から'), version: 3 },
      ],
      [200, `POST /proposals/${p}/accept`, 'finance', {}],
      [409, `POST /proposals/${p}/decline`, 'finance', { comment: '遅い' }],
    ]);
    const second = await expectDocumented([
      201,
      `POST /entries/${proposalTarget.slug}/proposals`,
      'newHire',
      {
        ...proposalBody('別の直し'),
        basedOnVersion: proposalTarget.version + 1,
      },
    ]);
    await expectEachDocumented([
      [400, `POST /proposals/${second.body.id}/decline`, 'finance', {}],
      [
        200,
        `POST /proposals/${second.body.id}/decline`,
        'finance',
        { comment: '今のままにします。' },
      ],
    ]);
    const third = await expectDocumented([
      201,
      `POST /entries/${proposalTarget.slug}/proposals`,
      'newHire',
      { ...proposalBody('三つ目'), basedOnVersion: proposalTarget.version + 1 },
    ]);
    await expectEachDocumented([
      [
        403,
        `POST /proposals/${third.body.id}/withdraw`,
        'finance',
        { version: 1 },
      ],
      [
        200,
        `POST /proposals/${third.body.id}/withdraw`,
        'newHire',
        { version: 1 },
      ],
    ]);

    // Process-review ideas, on the same entry.
    const idea = await expectDocumented([
      201,
      `POST /entries/${proposalTarget.slug}/ideas`,
      'newHire',
      {
        suggestion: 'stop',
        body: 'この照会はやめられませんか。',
        anonymous: true,
      },
    ]);
    await expectEachDocumented([
      [
        400,
        `POST /entries/${proposalTarget.slug}/ideas`,
        'newHire',
        { body: '' },
      ],
      [401, `POST /entries/${proposalTarget.slug}/ideas`],
      [200, `GET /entries/${proposalTarget.slug}/ideas`, 'finance'],
      [200, `GET /ideas/${idea.body.id}`, 'review'],
      [404, 'GET /ideas/00000000-0000-4000-8000-000000000000', 'review'],
      [
        403,
        `PUT /ideas/${idea.body.id}/status`,
        'council',
        { status: 'considering', answer: '検討します。', version: 1 },
      ],
      [
        200,
        `PUT /ideas/${idea.body.id}/status`,
        'review',
        { status: 'considering', answer: '検討します。', version: 1 },
      ],
      [
        409,
        `PUT /ideas/${idea.body.id}/status`,
        'review',
        { status: 'adopted', answer: '採用します。', version: 1 },
      ],
      [
        400,
        `PUT /ideas/${idea.body.id}/status`,
        'review',
        { status: 'adopted', version: 2 },
      ],
      [200, `GET /ideas?owner=${FINANCE}&status=considering`, 'review'],
      [400, 'GET /ideas?status=soon', 'review'],
    ]);

    // The CSV is text, described by its content type (jest-openapi reads JSON only).
    const ideasCsv = await callAs(ctx, 'review').get('/ideas?format=csv');
    expect(ideasCsv.status).toBe(200);
    expect(ideasCsv.headers['content-type']).toContain('text/csv');

    const importing = async (status: number, target: string, file: string) => {
      const res = await callAs(ctx, 'accounting')
        .post(target)
        .set('Content-Type', 'text/csv')
        .send(file);
      exercised.add(operationOf(`POST ${target}`));
      expect(res.status).toBe(status);
      expect(res).toSatisfyApiSpec();
    };
    await importing(200, '/import?format=csv&dryRun=true', exportedCsv.text);
    await importing(
      400,
      '/import?format=csv&dryRun=false',
      '\uFEFFスラッグ,名称\nBad Slug,\n',
    );

    expect([...exercised].sort()).toEqual(documentedOperations().sort());
  });
});
