import type { Entry } from '@internal/plugin-city-hall-year-common';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  as,
  entryBody,
  putBody,
  PEOPLE,
  startCityHallYearBackend,
  type Person,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const API = '/api/city-hall-year';
const FINANCE = 'group:default/zaisei-ka';
const COUNCIL = 'group:default/giji-ka';
const BUREAU = 'group:default/kikaku-zaisei-kyoku';

describe('entries API', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let ctx: Awaited<ReturnType<typeof startCityHallYearBackend>>;

    beforeAll(async () => {
      ctx = await startCityHallYearBackend(databases, databaseId);
    });

    async function create(
      person: Person,
      owner: string,
      overrides = {},
    ): Promise<Entry> {
      const res = await request(ctx.server)
        .post(`${API}/entries`)
        .set('Authorization', as(person))
        .send(entryBody(owner, overrides));
      expect(res.status).toBe(201);
      return res.body;
    }

    async function row(id: string) {
      return ctx.knex('city_hall_year_entries').where({ id }).first();
    }

    async function revisionCount(id: string) {
      const [{ count }] = await ctx
        .knex('city_hall_year_entry_revisions')
        .where({ entry_id: id })
        .count({ count: '*' });
      return Number(count);
    }

    describe('POST /entries', () => {
      it('creates an entry for the caller’s own department, identity from the token', async () => {
        const body = {
          ...entryBody(FINANCE),
          createdBy: 'user:default/someone-else',
        };
        const refused = await request(ctx.server)
          .post(`${API}/entries`)
          .set('Authorization', as('finance'))
          .send(body);
        // Server-set fields are not accepted from the body at all.
        expect(refused.status).toBe(400);
        expect(refused.body.error.message).toMatch(/createdBy/);

        const entry = await create('finance', FINANCE);
        expect(entry).toMatchObject({
          owner: FINANCE,
          version: 1,
          createdBy: PEOPLE.finance.ref,
          updatedBy: PEOPLE.finance.ref,
        });
        expect(await revisionCount(entry.id)).toBe(1);
      });

      it('lets a division’s staff create entries of its parent bureau', async () => {
        const entry = await create('finance', BUREAU);
        expect(entry).toMatchObject({
          owner: BUREAU,
          createdBy: PEOPLE.finance.ref,
        });
      });

      it('refuses an entry for a department the caller does not belong to', async () => {
        const body = entryBody(COUNCIL);
        const res = await request(ctx.server)
          .post(`${API}/entries`)
          .set('Authorization', as('finance'))
          .send(body);
        expect(res.status).toBe(403);
        expect(
          await ctx
            .knex('city_hall_year_entries')
            .where({ slug: body.slug })
            .first(),
        ).toBeUndefined();
      });

      it('lets an HR editor create for any department', async () => {
        const entry = await create('hr', COUNCIL);
        expect(entry).toMatchObject({
          owner: COUNCIL,
          createdBy: PEOPLE.hr.ref,
        });
      });

      it('refuses a caller without a token', async () => {
        const res = await request(ctx.server)
          .post(`${API}/entries`)
          .send(entryBody(FINANCE));
        expect(res.status).toBe(401);
      });

      it('refuses an owner that is not a Group in the catalog', async () => {
        const res = await request(ctx.server)
          .post(`${API}/entries`)
          .set('Authorization', as('hr'))
          .send(entryBody('group:default/no-such-division'));
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          /owner: not a Group in the catalog/,
        );
      });

      it('refuses a slug that is taken', async () => {
        const entry = await create('finance', FINANCE);
        const res = await request(ctx.server)
          .post(`${API}/entries`)
          .set('Authorization', as('finance'))
          .send(entryBody(FINANCE, { slug: entry.slug }));
        expect(res.status).toBe(409);
      });
    });

    /** Every route that changes an existing entry, as a request builder. */
    const mutations: Array<{
      name: string;
      prepare?: (entry: Entry) => Promise<void>;
      send: (entry: Entry, person?: Person) => request.Test;
    }> = [
      {
        name: 'PUT /entries/:id',
        send: (entry, person) => {
          const req = request(ctx.server).put(`${API}/entries/${entry.id}`);
          if (person) req.set('Authorization', as(person));
          return req.send(putBody(entry, { title: { ja: '更新後の題名' } }));
        },
      },
      {
        name: 'DELETE /entries/:id',
        send: (entry, person) => {
          const req = request(ctx.server).delete(`${API}/entries/${entry.id}`);
          if (person) req.set('Authorization', as(person));
          return req.send({ version: entry.version });
        },
      },
      {
        name: 'POST /entries/:id/undelete',
        prepare: async entry => {
          const res = await request(ctx.server)
            .delete(`${API}/entries/${entry.id}`)
            .set('Authorization', as('hr'))
            .send({ version: entry.version });
          expect(res.status).toBe(200);
        },
        send: (entry, person) => {
          const req = request(ctx.server).post(
            `${API}/entries/${entry.id}/undelete`,
          );
          if (person) req.set('Authorization', as(person));
          return req.send({ version: entry.version });
        },
      },
      {
        name: 'POST /entries/:id/confirm',
        send: (entry, person) => {
          const req = request(ctx.server).post(
            `${API}/entries/${entry.id}/confirm`,
          );
          if (person) req.set('Authorization', as(person));
          return req.send({ version: entry.version });
        },
      },
      {
        name: 'POST /entries/:id/revisions/:n/restore',
        send: (entry, person) => {
          const req = request(ctx.server).post(
            `${API}/entries/${entry.id}/revisions/1/restore`,
          );
          if (person) req.set('Authorization', as(person));
          return req.send({ version: entry.version });
        },
      },
    ];

    describe.each(mutations)('$name', ({ prepare, send }) => {
      async function fresh(owner = FINANCE) {
        const entry = await create('hr', owner);
        await prepare?.(entry);
        const current = (await row(entry.id))!;
        return { ...entry, version: Number(current.version) };
      }

      it('succeeds for the owner', async () => {
        const entry = await fresh();
        const res = await send(entry, 'finance');
        expect(res.status).toBe(200);
        expect(res.body.version).toBe(entry.version + 1);
        expect(res.body.updatedBy).toBe(PEOPLE.finance.ref);
        expect(await revisionCount(entry.id)).toBe(entry.version + 1);
      });

      it.each<Person>(['council', 'newHire', 'bureau'])(
        'is refused for %s staff, changing nothing',
        async person => {
          const entry = await fresh();
          const before = await row(entry.id);
          const res = await send(entry, person);
          expect(res.status).toBe(403);
          expect(await row(entry.id)).toEqual(before);
          expect(await revisionCount(entry.id)).toBe(entry.version);
        },
      );

      it('succeeds for an HR editor', async () => {
        const entry = await fresh();
        const res = await send(entry, 'hr');
        expect(res.status).toBe(200);
        expect(res.body.updatedBy).toBe(PEOPLE.hr.ref);
      });

      it('is refused without a token, changing nothing', async () => {
        const entry = await fresh();
        const before = await row(entry.id);
        const res = await send(entry);
        expect(res.status).toBe(401);
        expect(await row(entry.id)).toEqual(before);
      });

      it('audits the change and the refusal', async () => {
        const entry = await fresh();
        const seen = ctx.auditor.events.length;
        await send(entry, 'council');
        await send(entry, 'finance');
        const outcomes = ctx.auditor.events.slice(seen).map(e => e.outcome);
        expect(outcomes).toEqual(['fail', 'success']);
      });
    });

    describe('owners and reassignment', () => {
      function update(
        entry: Entry,
        person: Person,
        changes: Record<string, unknown>,
      ) {
        return request(ctx.server)
          .put(`${API}/entries/${entry.id}`)
          .set('Authorization', as(person))
          .send(putBody(entry, changes));
      }

      it('does not let an owner give the entry to another department', async () => {
        const entry = await create('finance', FINANCE);
        const res = await update(entry, 'finance', { owner: COUNCIL });
        expect(res.status).toBe(403);
        expect((await row(entry.id)).owner).toBe(FINANCE);
      });

      it('lets an HR editor reassign, and publishes the change with the previous owner', async () => {
        const entry = await create('finance', FINANCE);
        const res = await update(entry, 'hr', { owner: COUNCIL });
        expect(res.status).toBe(200);
        expect(res.body.owner).toBe(COUNCIL);
        expect(ctx.events.published.at(-1)).toMatchObject({
          topic: 'city-hall-year.entry-changed',
          eventPayload: {
            action: 'update',
            owner: COUNCIL,
            previousOwner: FINANCE,
            slug: entry.slug,
          },
        });
      });

      it('never lets the slug change', async () => {
        const entry = await create('finance', FINANCE);
        const res = await update(entry, 'finance', {
          slug: `${entry.slug}-renamed`,
        });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/slug/);
      });

      it('lets bureau-owned entries be edited by the staff of its divisions', async () => {
        const entry = await create('hr', BUREAU);
        expect(
          (await update(entry, 'finance', { title: { ja: '局の題名' } }))
            .status,
        ).toBe(200);
      });
    });

    describe('no lost updates', () => {
      it('refuses a stale version with 409 and changes nothing', async () => {
        const entry = await create('finance', FINANCE);
        const { id } = entry;
        const first = await request(ctx.server)
          .put(`${API}/entries/${id}`)
          .set('Authorization', as('finance'))
          .send(putBody(entry, { title: { ja: '最初の変更' } }, 1));
        expect(first.status).toBe(200);
        const before = await row(id);
        const stale = await request(ctx.server)
          .put(`${API}/entries/${id}`)
          .set('Authorization', as('hr'))
          .send(putBody(entry, { title: { ja: '古い版からの変更' } }, 1));
        expect(stale.status).toBe(409);
        expect(await row(id)).toEqual(before);
      });

      it('lets exactly one of 20 concurrent updates from the same version win', async () => {
        const entry = await create('finance', FINANCE);
        const { id } = entry;
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            request(ctx.server)
              .put(`${API}/entries/${id}`)
              .set('Authorization', as(i % 2 ? 'finance' : 'hr'))
              .send(putBody(entry, { title: { ja: `同時編集 ${i}` } }, 1)),
          ),
        );
        const statuses = responses.map(r => r.status).sort();
        expect(statuses.filter(s => s === 200)).toHaveLength(1);
        expect(statuses.filter(s => s === 409)).toHaveLength(19);
        expect(await revisionCount(id)).toBe(2);
        const winner = responses.find(r => r.status === 200)!;
        expect((await row(id)).version).toBe(2);
        expect(JSON.parse((await row(id)).data).title.ja).toBe(
          winner.body.title.ja,
        );
      });
    });

    describe('history', () => {
      it('lists revisions with who changed what, and restores one as a new revision', async () => {
        const entry = await create('finance', FINANCE);
        const { id } = entry;
        await request(ctx.server)
          .put(`${API}/entries/${id}`)
          .set('Authorization', as('hr'))
          .send(
            putBody(entry, { summary: { ja: '人事課が書き換えた概要' } }, 1),
          )
          .expect(200);

        const list = await request(ctx.server)
          .get(`${API}/entries/${id}/revisions`)
          .set('Authorization', as('newHire'));
        expect(list.status).toBe(200);
        expect(
          list.body.items.map(
            (r: {
              revision: number;
              action: string;
              createdBy: string;
              changedFields: string[];
            }) => [r.revision, r.action, r.createdBy, r.changedFields],
          ),
        ).toEqual([
          [2, 'update', PEOPLE.hr.ref, ['summary']],
          [
            1,
            'create',
            PEOPLE.finance.ref,
            expect.arrayContaining(['title', 'owner']),
          ],
        ]);

        const first = await request(ctx.server)
          .get(`${API}/entries/${id}/revisions/1`)
          .set('Authorization', as('newHire'));
        expect(first.body.entry.summary.ja).toBe(entry.summary.ja);

        const restored = await request(ctx.server)
          .post(`${API}/entries/${id}/revisions/1/restore`)
          .set('Authorization', as('finance'))
          .send({ version: 2 });
        expect(restored.status).toBe(200);
        expect(restored.body).toMatchObject({
          version: 3,
          summary: entry.summary,
          updatedBy: PEOPLE.finance.ref,
        });
        const after = await request(ctx.server)
          .get(`${API}/entries/${id}/revisions`)
          .set('Authorization', as('finance'));
        expect(after.body.items[0]).toMatchObject({
          revision: 3,
          action: 'restore',
          restoredFrom: 1,
          changedFields: ['summary'],
        });

        const missing = await request(ctx.server)
          .post(`${API}/entries/${id}/revisions/99/restore`)
          .set('Authorization', as('finance'))
          .send({ version: 3 });
        expect(missing.status).toBe(404);
      });

      it('does not let an owner restore a revision that had another owner', async () => {
        const entry = await create('hr', COUNCIL);
        const { id } = entry;
        await request(ctx.server)
          .put(`${API}/entries/${id}`)
          .set('Authorization', as('hr'))
          .send(putBody(entry, { owner: FINANCE }, 1))
          .expect(200);
        const res = await request(ctx.server)
          .post(`${API}/entries/${id}/revisions/1/restore`)
          .set('Authorization', as('finance'))
          .send({ version: 2 });
        expect(res.status).toBe(403);
        expect((await row(id)).owner).toBe(FINANCE);
      });

      it('deletes softly: the entry disappears from reads and comes back with its history', async () => {
        const entry = await create('finance', FINANCE);
        await request(ctx.server)
          .delete(`${API}/entries/${entry.id}`)
          .set('Authorization', as('finance'))
          .send({ version: entry.version })
          .expect(200);
        const gone = await request(ctx.server)
          .get(`${API}/entries/${entry.slug}`)
          .set('Authorization', as('finance'));
        expect(gone.status).toBe(404);
        const back = await request(ctx.server)
          .post(`${API}/entries/${entry.id}/undelete`)
          .set('Authorization', as('finance'))
          .send({ version: entry.version + 1 });
        expect(back.status).toBe(200);
        expect(back.body.version).toBe(3);
        expect(await revisionCount(entry.id)).toBe(3);
      });

      it('confirms an entry for the current fiscal year', async () => {
        const entry = await create('finance', FINANCE);
        const res = await request(ctx.server)
          .post(`${API}/entries/${entry.id}/confirm`)
          .set('Authorization', as('finance'))
          .send({ version: 1 });
        expect(res.status).toBe(200);
        const now = new Date();
        const tokyoMonth = Number(
          new Intl.DateTimeFormat('en', {
            timeZone: 'Asia/Tokyo',
            month: 'numeric',
          }).format(now),
        );
        const tokyoYear = Number(
          new Intl.DateTimeFormat('en', {
            timeZone: 'Asia/Tokyo',
            year: 'numeric',
          }).format(now),
        );
        expect(res.body.confirmedFiscalYear).toBe(
          tokyoMonth >= 4 ? tokyoYear : tokyoYear - 1,
        );
      });
    });

    describe('drafts', () => {
      it('are read only by their owners and editors, and lists filter them in SQL', async () => {
        const draft = await create('finance', FINANCE, { status: 'draft' });
        const councilDraft = await create('council', COUNCIL, {
          status: 'draft',
        });

        const slugsFor = async (person: Person) => {
          const res = await request(ctx.server)
            .get(`${API}/entries?status=draft&limit=200`)
            .set('Authorization', as(person));
          expect(res.status).toBe(200);
          return res.body.items.map((e: Entry) => e.slug);
        };
        expect(await slugsFor('finance')).toContain(draft.slug);
        expect(await slugsFor('finance')).not.toContain(councilDraft.slug);
        expect(await slugsFor('newHire')).toEqual([]);
        expect(await slugsFor('hr')).toEqual(
          expect.arrayContaining([draft.slug, councilDraft.slug]),
        );

        const hidden = await request(ctx.server)
          .get(`${API}/entries/${draft.slug}`)
          .set('Authorization', as('newHire'));
        expect(hidden.status).toBe(404);
        const shown = await request(ctx.server)
          .get(`${API}/entries/${draft.slug}`)
          .set('Authorization', as('finance'));
        expect(shown.status).toBe(200);

        const history = await request(ctx.server)
          .get(`${API}/entries/${draft.id}/revisions`)
          .set('Authorization', as('newHire'));
        expect(history.status).toBe(404);
      });

      it('pages a permission-filtered list consistently', async () => {
        for (let i = 0; i < 3; i++)
          await create('accounting', 'group:default/kaikei-ka', {
            status: 'draft',
          });
        const page = async (offset: number) =>
          (
            await request(ctx.server)
              .get(
                `${API}/entries?status=draft&owner=group:default/kaikei-ka&limit=2&offset=${offset}`,
              )
              .set('Authorization', as('accounting'))
          ).body;
        const [first, second] = [await page(0), await page(2)];
        expect(first.totalCount).toBe(3);
        expect(first.items).toHaveLength(2);
        expect(second.items).toHaveLength(1);
      });
    });
  });
});
