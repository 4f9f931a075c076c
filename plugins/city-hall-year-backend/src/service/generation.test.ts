import type { Entry } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { stringify as stringifyYaml } from 'yaml';
import { createRouter } from './router';
import type { RouterOptions } from './types';
import type request from 'supertest';
import {
  ACCOUNTING,
  callAs,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  putBody,
} from '../__testUtils__';

/**
 * Writes that change no content the year view or a feed shows: they need not raise
 * the content generation. Every other write route must (docs/architecture.md).
 */
const NOT_CONTENT = new Set([
  'POST /feed-tokens',
  'DELETE /feed-tokens/:id',
  'POST /last-seen',
  // The dialogue is not shown in the year view or the feeds.
  'POST /entries/:id/questions',
  'PUT /questions/:id',
  'DELETE /questions/:id',
  'POST /questions/:id/restore',
  'POST /questions/:id/answers',
  'POST /questions/:id/comments',
  'POST /questions/:id/resolve',
  'POST /questions/:id/me-too',
  'DELETE /questions/:id/me-too',
  'PUT /answers/:id',
  'DELETE /answers/:id',
  'POST /answers/:id/restore',
  'PUT /entries/:id/clarity',
  // A proposal changes the entry only once accepted (below).
  'POST /entries/:id/proposals',
  'PUT /proposals/:id',
  'POST /proposals/:id/withdraw',
  'POST /proposals/:id/decline',
  'POST /proposals/:id/request-changes',
  // Process-review ideas are not shown in the year view or the feeds.
  'POST /entries/:id/ideas',
  'PUT /ideas/:id/status',
  // A learner's progress is theirs, never part of the year view or the feeds.
  'PUT /courses/:slug/progress/:step',
]);

/** Every route of the router that is not a read, as `METHOD /path`. */
async function writeRoutes(): Promise<string[]> {
  // Routes only keep their options; nothing is called while they are mounted.
  const router = await createRouter({} as RouterOptions);
  return (
    (router.stack as any[])
      .filter(layer => layer.route)
      .flatMap(layer =>
        Object.keys(layer.route.methods)
          .filter(m => m !== 'get' && m !== 'head' && m !== '_all')
          // A route mounted under an alias too (`/curricula`) is one handler:
          // it is named by its first path.
          .map(m => `${m.toUpperCase()} ${[layer.route.path].flat()[0]}`),
      )
      .filter(route => !NOT_CONTENT.has(route))
      // POST /import is mounted twice: its body parser, then the route.
      .filter((route, i, all) => all.indexOf(route) === i)
  );
}

describeOnEachDatabase(
  'the content generation rule',
  {
    seed: true,
  },
  ctx => {
    const generation = async () =>
      Number(
        (
          await ctx
            .knex('city_hall_year_state')
            .where({ name: 'content' })
            .first('value')
        ).value,
      );
    const hr = (method: 'post' | 'put' | 'delete', path: string) =>
      callAs(ctx, 'hr')[method](path);
    const created = async (overrides = {}): Promise<Entry> =>
      (
        await hr('post', '/entries')
          .send(entryBody(FINANCE, overrides))
          .expect(201)
      ).body;
    type FaqFixture = {
      entry: Entry;
      item: { id: string; entryVersion: number };
    };
    const createdWithFaq = async (): Promise<FaqFixture> => {
      const entry = await created();
      const item = (
        await hr('post', `/entries/${entry.id}/faq`)
          .send({ question: '質問', answer: '答え' })
          .expect(201)
      ).body;
      return { entry, item };
    };
    let counter = 0;
    const unique = () => `generation-${process.pid}-${++counter}`;
    const courseBody = (slug: string) => ({
      slug,
      title: { ja: '世代の試験' },
      audience: { ja: '試験' },
      steps: [{ entry: 'yosan-hensei-hoshin', note: { ja: '最初に' } }],
    });

    /**
     * Each write route: fixtures made first (`setup`), then the one successful request
     * under test (`send`), so that only that request's write is measured.
     */
    const WRITES: Record<
      string,
      { setup?: () => Promise<any>; send: (state: any) => request.Test }
    > = {
      'POST /entries': {
        send: () => hr('post', '/entries').send(entryBody(FINANCE)),
      },
      'PUT /entries/:id': {
        setup: () => created(),
        send: (e: Entry) =>
          hr('put', `/entries/${e.id}`).send(
            putBody(e, { title: { ja: '改題' } }),
          ),
      },
      'DELETE /entries/:id': {
        setup: () => created(),
        send: (e: Entry) =>
          hr('delete', `/entries/${e.id}`).send({ version: e.version }),
      },
      'POST /entries/:id/undelete': {
        setup: async () => {
          const e = await created();
          await hr('delete', `/entries/${e.id}`)
            .send({ version: e.version })
            .expect(200);
          return e;
        },
        send: (e: Entry) =>
          hr('post', `/entries/${e.id}/undelete`).send({
            version: e.version + 1,
          }),
      },
      'POST /entries/:id/confirm': {
        setup: () => created(),
        send: (e: Entry) =>
          hr('post', `/entries/${e.id}/confirm`).send({ version: e.version }),
      },
      'POST /entries/:id/revisions/:revision/restore': {
        setup: async () => {
          const e = await created();
          return (
            await hr('put', `/entries/${e.id}`)
              .send(putBody(e, { title: { ja: '改題' } }))
              .expect(200)
          ).body;
        },
        send: (e: Entry) =>
          hr('post', `/entries/${e.id}/revisions/1/restore`).send({
            version: e.version,
          }),
      },
      // The FAQ is part of the entry: feeds link it and search indexes it.
      'POST /entries/:id/faq': {
        setup: () => created(),
        send: (e: Entry) =>
          hr('post', `/entries/${e.id}/faq`).send({
            question: '質問',
            answer: '答え',
          }),
      },
      'POST /proposals/:id/accept': {
        setup: async () => {
          const entry = await created();
          return (
            await callAs(ctx, 'newHire')
              .post(`/entries/${entry.id}/proposals`)
              .send({
                fields: {
                  ...putBody(entry),
                  version: undefined,
                  summary: { ja: '提案で直した概要' },
                },
                basedOnVersion: entry.version,
                reason: '日程が違います。',
              })
              .expect(201)
          ).body;
        },
        send: (proposal: { id: string }) =>
          hr('post', `/proposals/${proposal.id}/accept`).send({}),
      },
      'PUT /entries/:id/faq/:faqId': {
        setup: () => createdWithFaq(),
        send: ({ entry, item }: FaqFixture) =>
          hr('put', `/entries/${entry.id}/faq/${item.id}`).send({
            question: '言い直した質問',
            answer: '答え',
            version: item.entryVersion,
          }),
      },
      'DELETE /entries/:id/faq/:faqId': {
        setup: () => createdWithFaq(),
        send: ({ entry, item }: FaqFixture) =>
          hr('delete', `/entries/${entry.id}/faq/${item.id}`).send({
            version: item.entryVersion,
          }),
      },
      'POST /import': {
        send: () =>
          hr('post', '/import?format=yaml&dryRun=false')
            .set('Content-Type', 'application/yaml')
            .send(stringifyYaml([entryBody(FINANCE)])),
      },
      'POST /courses': {
        send: () => hr('post', '/courses').send(courseBody(unique())),
      },
      'PUT /courses/:slug': {
        setup: async () =>
          (await hr('post', '/courses').send(courseBody(unique())).expect(201))
            .body,
        send: (c: { slug: string; version: number }) =>
          hr('put', `/courses/${c.slug}`).send({
            ...courseBody(c.slug),
            title: { ja: '改題' },
            version: c.version,
          }),
      },
      'DELETE /courses/:slug': {
        setup: async () =>
          (await hr('post', '/courses').send(courseBody(unique())).expect(201))
            .body,
        send: (c: { slug: string; version: number }) =>
          hr('delete', `/courses/${c.slug}`).send({ version: c.version }),
      },
      'POST /handover': {
        setup: () => created(),
        send: (e: Entry) =>
          hr('post', '/handover').send({
            moves: [{ entry: e.id, version: e.version, owner: ACCOUNTING }],
          }),
      },
    };

    it('knows every write route of the router (a new one must be added here)', async () => {
      expect((await writeRoutes()).sort()).toEqual(Object.keys(WRITES).sort());
    });

    it.each(Object.keys(WRITES))(
      '%s raises the generation in its write',
      async route => {
        const { setup, send } = WRITES[route];
        const state = await setup?.();
        const before = await generation();
        const res = await send(state);
        expect({
          status: res.status,
          body: res.status < 300 ? undefined : res.body,
        }).toEqual({ status: expect.any(Number), body: undefined });
        expect(res.status).toBeLessThan(300);
        expect(await generation()).toBeGreaterThan(before);
      },
    );

    it('is not raised by a read', async () => {
      const before = await generation();
      await callAs(ctx, 'newHire').get('/years/2026').expect(200);
      expect(await generation()).toBe(before);
    });
  },
);
