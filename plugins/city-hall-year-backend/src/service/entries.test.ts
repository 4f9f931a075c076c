import type { Entry } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type request from 'supertest';
import {
  as,
  BUREAU,
  callAs,
  COUNCIL,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  PEOPLE,
  type Person,
  putBody,
} from '../__testUtils__';

describeOnEachDatabase('entries API', {}, ctx => {
  async function create(
    person: Person,
    owner: string,
    overrides = {},
  ): Promise<Entry> {
    const res = await callAs(ctx, person)
      .post('/entries')
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
      const refused = await callAs(ctx, 'finance').post('/entries').send(body);
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
      const res = await callAs(ctx, 'finance').post('/entries').send(body);
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
      const res = await callAs(ctx).post('/entries').send(entryBody(FINANCE));
      expect(res.status).toBe(401);
    });

    it('refuses an owner that is not a Group in the catalog', async () => {
      const res = await callAs(ctx, 'hr')
        .post('/entries')
        .send(entryBody('group:default/no-such-division'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /owner: not a Group in the catalog/,
      );
    });

    it('refuses a participant Group that is not in the catalog, and two of one role, naming the field', async () => {
      const unknown = await callAs(ctx, 'hr')
        .post('/entries')
        .send(
          entryBody(FINANCE, {
            participants: [
              { role: 'sections' },
              { group: 'group:default/no-such-division' },
            ],
          }),
        );
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(
        /participants: not a Group in the catalog: group:default\/no-such-division/,
      );
      const twice = await callAs(ctx, 'hr')
        .post('/entries')
        .send(
          entryBody(FINANCE, {
            participants: [{ role: 'everyone' }, { role: 'everyone' }],
          }),
        );
      expect(twice.status).toBe(400);
      expect(twice.body.error.message).toMatch(/participants/);
      const kept = await callAs(ctx, 'hr')
        .post('/entries')
        .send(
          entryBody(FINANCE, {
            participants: [
              {
                role: 'sections',
                note: { ja: '各課では：要求書をつくります。' },
              },
              { group: 'kaikei-ka' },
            ],
          }),
        );
      expect(kept.status).toBe(201);
      expect(kept.body.participants).toEqual([
        { role: 'sections', note: { ja: '各課では：要求書をつくります。' } },
        { group: 'group:default/kaikei-ka' },
      ]);
    });

    it('refuses a slug that is taken', async () => {
      const entry = await create('finance', FINANCE);
      const res = await callAs(ctx, 'finance')
        .post('/entries')
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
        const req = callAs(ctx).put(`/entries/${entry.id}`);
        if (person) req.set('Authorization', as(person));
        return req.send(putBody(entry, { title: { ja: '更新後の題名' } }));
      },
    },
    {
      name: 'DELETE /entries/:id',
      send: (entry, person) => {
        const req = callAs(ctx).delete(`/entries/${entry.id}`);
        if (person) req.set('Authorization', as(person));
        return req.send({ version: entry.version });
      },
    },
    {
      name: 'POST /entries/:id/undelete',
      prepare: async entry => {
        const res = await callAs(ctx, 'hr')
          .delete(`/entries/${entry.id}`)
          .send({ version: entry.version });
        expect(res.status).toBe(200);
      },
      send: (entry, person) => {
        const req = callAs(ctx, person).post(`/entries/${entry.id}/undelete`);
        return req.send({ version: entry.version });
      },
    },
    {
      name: 'POST /entries/:id/confirm',
      send: (entry, person) => {
        const req = callAs(ctx, person).post(`/entries/${entry.id}/confirm`);
        return req.send({ version: entry.version });
      },
    },
    {
      name: 'POST /entries/:id/revisions/:n/restore',
      send: (entry, person) => {
        const req = callAs(ctx, person).post(
          `/entries/${entry.id}/revisions/1/restore`,
        );
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
      return callAs(ctx, person)
        .put(`/entries/${entry.id}`)
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
        (await update(entry, 'finance', { title: { ja: '局の題名' } })).status,
      ).toBe(200);
    });
  });

  describe('no lost updates', () => {
    it('refuses a stale version with 409 and changes nothing', async () => {
      const entry = await create('finance', FINANCE);
      const { id } = entry;
      const first = await callAs(ctx, 'finance')
        .put(`/entries/${id}`)
        .send(putBody(entry, { title: { ja: '最初の変更' } }, 1));
      expect(first.status).toBe(200);
      const before = await row(id);
      const stale = await callAs(ctx, 'hr')
        .put(`/entries/${id}`)
        .send(putBody(entry, { title: { ja: '古い版からの変更' } }, 1));
      expect(stale.status).toBe(409);
      expect(await row(id)).toEqual(before);
    });

    it('lets exactly one of 20 concurrent updates from the same version win', async () => {
      const entry = await create('finance', FINANCE);
      const { id } = entry;
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          callAs(ctx, i % 2 ? 'finance' : 'hr')
            .put(`/entries/${id}`)
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
      await callAs(ctx, 'hr')
        .put(`/entries/${id}`)
        .send(putBody(entry, { summary: { ja: '人事課が書き換えた概要' } }, 1))
        .expect(200);

      const list = await callAs(ctx, 'newHire').get(`/entries/${id}/revisions`);
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

      const first = await callAs(ctx, 'newHire').get(
        `/entries/${id}/revisions/1`,
      );
      expect(first.body.entry.summary.ja).toBe(entry.summary.ja);

      const restored = await callAs(ctx, 'finance')
        .post(`/entries/${id}/revisions/1/restore`)
        .send({ version: 2 });
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({
        version: 3,
        summary: entry.summary,
        updatedBy: PEOPLE.finance.ref,
      });
      const after = await callAs(ctx, 'finance').get(
        `/entries/${id}/revisions`,
      );
      expect(after.body.items[0]).toMatchObject({
        revision: 3,
        action: 'restore',
        restoredFrom: 1,
        changedFields: ['summary'],
      });

      const missing = await callAs(ctx, 'finance')
        .post(`/entries/${id}/revisions/99/restore`)
        .send({ version: 3 });
      expect(missing.status).toBe(404);
    });

    it('does not let an owner restore a revision that had another owner', async () => {
      const entry = await create('hr', COUNCIL);
      const { id } = entry;
      await callAs(ctx, 'hr')
        .put(`/entries/${id}`)
        .send(putBody(entry, { owner: FINANCE }, 1))
        .expect(200);
      const res = await callAs(ctx, 'finance')
        .post(`/entries/${id}/revisions/1/restore`)
        .send({ version: 2 });
      expect(res.status).toBe(403);
      expect((await row(id)).owner).toBe(FINANCE);
    });

    it('deletes softly: the entry disappears from reads and comes back with its history', async () => {
      const entry = await create('finance', FINANCE);
      await callAs(ctx, 'finance')
        .delete(`/entries/${entry.id}`)
        .send({ version: entry.version })
        .expect(200);
      const gone = await callAs(ctx, 'finance').get(`/entries/${entry.slug}`);
      expect(gone.status).toBe(404);
      const back = await callAs(ctx, 'finance')
        .post(`/entries/${entry.id}/undelete`)
        .send({ version: entry.version + 1 });
      expect(back.status).toBe(200);
      expect(back.body.version).toBe(3);
      expect(await revisionCount(entry.id)).toBe(3);
    });

    it('confirms an entry for the current fiscal year', async () => {
      const entry = await create('finance', FINANCE);
      const res = await callAs(ctx, 'finance')
        .post(`/entries/${entry.id}/confirm`)
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
        const res = await callAs(ctx, person).get(
          '/entries?status=draft&limit=200',
        );
        expect(res.status).toBe(200);
        return res.body.items.map((e: Entry) => e.slug);
      };
      expect(await slugsFor('finance')).toContain(draft.slug);
      expect(await slugsFor('finance')).not.toContain(councilDraft.slug);
      expect(await slugsFor('newHire')).toEqual([]);
      expect(await slugsFor('hr')).toEqual(
        expect.arrayContaining([draft.slug, councilDraft.slug]),
      );

      const hidden = await callAs(ctx, 'newHire').get(`/entries/${draft.slug}`);
      expect(hidden.status).toBe(404);
      const shown = await callAs(ctx, 'finance').get(`/entries/${draft.slug}`);
      expect(shown.status).toBe(200);

      const history = await callAs(ctx, 'newHire').get(
        `/entries/${draft.id}/revisions`,
      );
      expect(history.status).toBe(404);
    });

    it('pages a permission-filtered list consistently', async () => {
      for (let i = 0; i < 3; i++)
        await create('accounting', 'group:default/kaikei-ka', {
          status: 'draft',
        });
      const page = async (offset: number) =>
        (
          await callAs(ctx, 'accounting').get(
            `/entries?status=draft&owner=group:default/kaikei-ka&limit=2&offset=${offset}`,
          )
        ).body;
      const [first, second] = [await page(0), await page(2)];
      expect(first.totalCount).toBe(3);
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(1);
    });
  });
});
