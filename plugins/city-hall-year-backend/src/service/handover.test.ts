import {
  resolveFiscalYear,
  type ChangesSince,
  type EntryRevisionSummary,
  type HandoverReport,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  ACCOUNTING,
  callAs,
  describeOnEachDatabase,
  entryBody,
  exampleOrganisation,
  FINANCE,
  putBody,
} from '../__testUtils__';

const AUDIT_NAME = 'kansa-jimukyoku';
const AUDIT = `group:default/${AUDIT_NAME}`;

// 会計課 was removed from the catalog in a reorganisation; 監査事務局 was taken
// out of its catalog file and lingers as an orphan entity.
describeOnEachDatabase(
  'reorganisation hand-over, confirmations and changes since the last look',
  {
    seed: true,
    entities: exampleOrganisation()
      .filter(e => e.metadata.name !== 'kaikei-ka')
      .map(e =>
        e.kind === 'Group' && e.metadata.name === AUDIT_NAME
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                annotations: { 'backstage.io/orphan': 'true' },
              },
            }
          : e,
      ),
  },
  ctx => {
    const accountingRows = () =>
      ctx
        .knex('city_hall_year_entries')
        .where({ owner: ACCOUNTING })
        .whereNull('deleted_at')
        .orderBy('slug');

    it('flags the entries of a Group that left the catalog as orphaned', async () => {
      const res = await callAs(ctx, 'hr').get('/handover');
      expect(res.status).toBe(200);
      const report: HandoverReport = res.body;
      expect(report.orphans.map(o => o.owner)).toEqual([ACCOUNTING, AUDIT]);
      const slugs = report.orphans[0].entries.map(e => e.slug).sort();
      expect(report.orphans[1].entries.map(e => e.slug)).toContain(
        'teiki-kansa',
      );
      expect(slugs).toEqual((await accountingRows()).map(r => r.slug));
      expect(slugs).toContain('shutsuno-heisa');
    });

    it('tells HR once about the vanished owner', async () => {
      await ctx.scheduled.run('city-hall-year-reminders');
      await ctx.scheduled.run('city-hall-year-reminders');
      const told = ctx.notifications.sent.filter(n =>
        n.payload.scope?.startsWith('orphan:'),
      );
      expect(told.map(n => n.payload.scope).sort()).toEqual([
        `orphan:${ACCOUNTING}`,
        `orphan:${AUDIT}`,
      ]);
      expect(told[0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/jinji-kenshu-kakari'],
      });
      expect(told[0].payload.link).toBe('/city-hall-year/handover');
    });

    it.each(['finance', 'accounting', 'newHire'] as const)(
      'shows the hand-over only to HR (%s gets 403) and lets only HR reassign',
      async person => {
        const before = await accountingRows();
        expect((await callAs(ctx, person).get('/handover')).status).toBe(403);
        const res = await callAs(ctx, person)
          .post('/handover')
          .send({
            moves: [
              {
                entry: before[0].id,
                version: before[0].version,
                owner: FINANCE,
              },
            ],
          });
        expect(res.status).toBe(403);
        expect(await accountingRows()).toEqual(before);
      },
    );

    it('refuses a hand-over to a group not in the catalog, or from a stale version, and writes nothing', async () => {
      const before = await accountingRows();
      const unknown = await callAs(ctx, 'hr')
        .post('/handover')
        .send({
          moves: [
            { entry: before[0].id, version: before[0].version, owner: FINANCE },
            {
              entry: before[1].id,
              version: before[1].version,
              owner: 'group:default/no-such-ka',
            },
          ],
        });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/moves\.1\.owner/);
      const stale = await callAs(ctx, 'hr')
        .post('/handover')
        .send({
          moves: [
            { entry: before[0].id, version: before[0].version, owner: FINANCE },
            {
              entry: before[1].id,
              version: before[1].version + 5,
              owner: FINANCE,
            },
          ],
        });
      expect(stale.status).toBe(409);
      expect(await accountingRows()).toEqual(before);
    });

    it('reassigns orphaned entries in bulk, recorded in each history', async () => {
      const before = await accountingRows();
      const res = await callAs(ctx, 'hr')
        .post('/handover')
        .send({
          moves: before.map(r => ({
            entry: r.slug,
            version: r.version,
            owner: FINANCE,
          })),
        });
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(before.length);
      expect(await accountingRows()).toEqual([]);

      const history: EntryRevisionSummary[] = (
        await callAs(ctx, 'finance').get('/entries/shutsuno-heisa/revisions')
      ).body.items;
      expect(history[0]).toMatchObject({
        action: 'reassign',
        changedFields: ['owner'],
        createdBy: 'user:default/sato.hanako',
      });
      expect(ctx.events.published).toContainEqual(
        expect.objectContaining({
          eventPayload: expect.objectContaining({
            action: 'reassign',
            slug: 'shutsuno-heisa',
            owner: FINANCE,
            previousOwner: ACCOUNTING,
          }),
        }),
      );
      const report = await callAs(ctx, 'hr').get('/handover');
      expect(report.body.orphans.map((o: any) => o.owner)).toEqual([AUDIT]);
    });

    it('shows HR how far each department has confirmed its entries', async () => {
      const entry = (
        await callAs(ctx, 'finance').get('/entries/yosan-hensei-hoshin')
      ).body;
      await callAs(ctx, 'finance')
        .post(`/entries/${entry.id}/confirm`)
        .send({ version: entry.version })
        .expect(200);
      const fy = resolveFiscalYear(new Date());
      const res = await callAs(ctx, 'hr').get(`/confirmations/${fy}`);
      expect(res.status).toBe(200);
      const finance = res.body.departments.find(
        (d: any) => d.owner === FINANCE,
      );
      expect(finance.confirmed).toBe(1);
      expect(finance.total).toBe(
        finance.confirmed + finance.unconfirmed.length,
      );
      expect(finance.unconfirmed.map((e: any) => e.slug)).not.toContain(
        'yosan-hensei-hoshin',
      );
      expect(
        (await callAs(ctx, 'finance').get(`/confirmations/${fy}`)).status,
      ).toBe(403);
    });

    it('lists what others changed since the reader last looked, and nothing after marking it seen', async () => {
      const first: ChangesSince = (await callAs(ctx, 'newHire').get('/changes'))
        .body;
      expect(first).toEqual({ changes: [] });
      await callAs(ctx, 'newHire').post('/last-seen').send({}).expect(200);
      await new Promise(r => setTimeout(r, 5));

      const entry = (await callAs(ctx, 'finance').get('/entries/yosan-yokyu'))
        .body;
      await callAs(ctx, 'finance')
        .put(`/entries/${entry.id}`)
        .send(putBody(entry, { summary: { ja: '要求の締切は10月末です。' } }))
        .expect(200);
      const draft = await callAs(ctx, 'finance')
        .post('/entries')
        .send(entryBody(FINANCE, { status: 'draft' }))
        .expect(201);

      const since: ChangesSince = (await callAs(ctx, 'newHire').get('/changes'))
        .body;
      expect(since.lastSeenAt).toBeDefined();
      expect(since.changes).toEqual([
        expect.objectContaining({
          slug: 'yosan-yokyu',
          owner: FINANCE,
          actions: ['update'],
          changedFields: ['summary'],
          changedBy: ['user:default/yamada.taro'],
        }),
      ]);
      expect(JSON.stringify(since)).not.toContain(draft.body.slug);

      // The editor's own changes are not news to the editor.
      await callAs(ctx, 'finance')
        .post('/last-seen')
        .send({ at: since.lastSeenAt })
        .expect(200);
      const own: ChangesSince = (await callAs(ctx, 'finance').get('/changes'))
        .body;
      expect(own.changes).toEqual([]);

      await callAs(ctx, 'newHire').post('/last-seen').send({}).expect(200);
      const after: ChangesSince = (await callAs(ctx, 'newHire').get('/changes'))
        .body;
      expect(after.changes).toEqual([]);
    });

    it('refuses a malformed last-seen body', async () => {
      const res = await callAs(ctx, 'newHire')
        .post('/last-seen')
        .send({ at: 'yesterday' });
      expect(res.status).toBe(400);
    });
  },
);
