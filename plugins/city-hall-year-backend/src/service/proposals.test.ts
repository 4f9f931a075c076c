import {
  editableFields,
  type Entry,
  type EntryInput,
  type Proposal,
  type ProposalList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  callAs,
  COUNCIL,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  PEOPLE,
  putBody,
  RecordingNotifications,
  snapshotDatabase,
  type Person,
} from '../__testUtils__';
import { ENTRY_CHANGED_TOPIC } from './entryEvents';

const NEW_HIRE = PEOPLE.newHire.ref;
const notifications = new RecordingNotifications();

describeOnEachDatabase(
  'change proposals',
  { seed: true, notifications },
  ctx => {
    /** A published entry of 財政課 that no other test touches. */
    const financeEntry = async (overrides: Partial<EntryInput> = {}) => {
      const res = await callAs(ctx, 'finance')
        .post('/entries')
        .send(entryBody(FINANCE, overrides));
      expect(res.status).toBe(201);
      return res.body as Entry;
    };
    const propose = async (
      entry: Entry,
      changes: Partial<EntryInput>,
      person: Person = 'newHire',
      reason = '日付が今年度の日程と違っていました。',
    ) => {
      const res = await callAs(ctx, person)
        .post(`/entries/${entry.slug}/proposals`)
        .send({
          fields: { ...editableFields(entry), ...changes },
          basedOnVersion: entry.version,
          reason,
        });
      expect(res.status).toBe(201);
      return res.body as Proposal;
    };
    const getEntry = async (slug: string) =>
      (await callAs(ctx, 'newHire').get(`/entries/${slug}`)).body as Entry;
    const corrected = {
      summary: {
        ja: '各課が例年10月中旬から11月上旬に翌年度の予算を要求します。',
        en: 'Sections request next year’s budget from mid-October to early November.',
      },
    };

    it('a new hire proposes, 財政課 sees it waiting and accepts it over its own edit: both changes kept, both people credited', async () => {
      const entry = await financeEntry();
      const proposal = await propose(entry, corrected);
      expect(proposal).toMatchObject({
        status: 'open',
        entrySlug: entry.slug,
        owner: FINANCE,
        proposedBy: NEW_HIRE,
        basedOnVersion: entry.version,
        changedFields: ['summary'],
        conflicts: [],
        abilities: { review: false, revise: true },
      });
      expect(proposal.events.map(e => e.kind)).toEqual(['proposed']);

      // 財政課 is told, once per proposal.
      const notices = notifications.sent.filter(
        n => n.payload.scope === `city-hall-year:proposal:${proposal.id}`,
      );
      expect(notices).toHaveLength(1);
      expect(notices[0].recipients).toMatchObject({ entityRef: [FINANCE] });
      expect(notices[0].payload.link).toBe(
        `/city-hall-year/proposals/${proposal.id}`,
      );

      // Waiting for review, in the department's list and on the entry.
      const waiting = await callAs(ctx, 'finance').get(
        `/proposals?owner=${FINANCE}&status=open`,
      );
      expect(waiting.status).toBe(200);
      const mine = (waiting.body as ProposalList).items.find(
        p => p.id === proposal.id,
      )!;
      expect(mine.abilities).toEqual({ review: true, revise: false });
      const onEntry = await callAs(ctx, 'newHire').get(
        `/entries/${entry.slug}/proposals`,
      );
      expect(onEntry.body).toMatchObject({
        totalCount: 1,
        counts: { open: 1 },
        abilities: { propose: true, review: false },
      });

      // Meanwhile 財政課 edits another field.
      const edited = await callAs(ctx, 'finance')
        .put(`/entries/${entry.id}`)
        .send(
          putBody(entry, { forNewStaff: { ja: '係で要求資料を作ります。' } }),
        );
      expect(edited.status).toBe(200);

      const accepted = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/accept`)
        .send({});
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        acceptedRevision: entry.version + 2,
        conflicts: [],
        abilities: { review: false, revise: false },
      });
      const after = await getEntry(entry.slug);
      expect(after.summary).toEqual(corrected.summary);
      expect(after.forNewStaff.ja).toBe('係で要求資料を作ります。');

      const history = await callAs(ctx, 'newHire').get(
        `/entries/${entry.id}/revisions`,
      );
      expect(history.body.items[0]).toMatchObject({
        revision: entry.version + 2,
        action: 'acceptProposal',
        createdBy: PEOPLE.finance.ref,
        proposedBy: NEW_HIRE,
        proposalId: proposal.id,
        changedFields: ['summary'],
      });
      // Published like any edit, audited, and the proposer told.
      expect(ctx.events.published.at(-1)).toMatchObject({
        topic: ENTRY_CHANGED_TOPIC,
        eventPayload: { action: 'acceptProposal', slug: entry.slug },
      });
      expect(
        ctx.auditor.events.filter(e => e.eventId === 'proposal-accept').at(-1),
      ).toMatchObject({ outcome: 'success' });
      const told = notifications.sent.filter(
        n => n.payload.scope === `city-hall-year:proposal:${proposal.id}`,
      );
      expect(told.at(-1)!.recipients).toMatchObject({
        entityRef: [NEW_HIRE],
      });
      expect(told.at(-1)!.payload.title).toContain('採用');
    });

    it('asks which to keep when both sides changed a field, and writes nothing until then', async () => {
      const entry = await financeEntry();
      const proposal = await propose(entry, {
        forNewStaff: { ja: '新人はまず前年度の要求書を読みます。' },
      });
      const edited = await callAs(ctx, 'finance')
        .put(`/entries/${entry.id}`)
        .send(putBody(entry, { forNewStaff: { ja: '財政課の書き方' } }));
      expect(edited.status).toBe(200);

      const seen = await callAs(ctx, 'finance').get(
        `/proposals/${proposal.id}`,
      );
      expect(seen.body).toMatchObject({
        conflicts: ['forNewStaff'],
        entryVersion: entry.version + 1,
      });
      const before = await snapshotDatabase(ctx.knex);
      const refused = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/accept`)
        .send({});
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('forNewStaff');
      expect(await snapshotDatabase(ctx.knex)).toEqual(before);

      // The reviewer's choice, over the entry they saw; a stale one is refused.
      const now = await getEntry(entry.slug);
      const merged = {
        ...editableFields(now),
        forNewStaff: {
          ja: '新人はまず前年度の要求書を読みます。財政課の書き方も。',
        },
      };
      const stale = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/accept`)
        .send({ fields: merged, entryVersion: entry.version });
      expect(stale.status).toBe(409);
      const ok = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/accept`)
        .send({ fields: merged, entryVersion: now.version });
      expect(ok.status).toBe(200);
      expect((await getEntry(entry.slug)).forNewStaff.ja).toBe(
        merged.forNewStaff.ja,
      );
      // Settled: a second accept is a conflict.
      const again = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/accept`)
        .send({});
      expect(again.status).toBe(409);
    });

    it('declines with a reason the proposer reads; only the owners (and HR) review', async () => {
      const entry = await financeEntry();
      const proposal = await propose(entry, corrected);
      const before = await snapshotDatabase(ctx.knex);
      for (const route of ['accept', 'decline', 'request-changes']) {
        const res = await callAs(ctx, 'council')
          .post(`/proposals/${proposal.id}/${route}`)
          .send(route === 'accept' ? {} : { comment: 'x' });
        expect([route, res.status]).toEqual([route, 403]);
      }
      expect(await snapshotDatabase(ctx.knex)).toEqual(before);

      const declined = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/decline`)
        .send({
          comment: '日程は議会の会期で決まるため、この書き方のままにします。',
          version: proposal.version,
        });
      expect(declined.status).toBe(200);
      const seen = (
        await callAs(ctx, 'newHire').get(`/proposals/${proposal.id}`)
      ).body as Proposal;
      expect(seen.status).toBe('declined');
      expect(seen.events.at(-1)).toMatchObject({
        kind: 'declined',
        actor: PEOPLE.finance.ref,
        comment: '日程は議会の会期で決まるため、この書き方のままにします。',
      });
      expect((await getEntry(entry.slug)).summary).toEqual(entry.summary);
      const mine = await callAs(ctx, 'newHire').get(
        '/proposals?mine=true&status=declined',
      );
      expect((mine.body as ProposalList).items.map(p => p.id)).toContain(
        proposal.id,
      );
      const notices = notifications.sent.filter(
        n => n.payload.scope === `city-hall-year:proposal:${proposal.id}`,
      );
      expect(notices.at(-1)!.payload.title).toContain('見送');
    });

    it('sends a proposal back for changes; the proposer revises it, nobody else may', async () => {
      const entry = await financeEntry();
      const proposal = await propose(entry, corrected);
      const sentBack = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/request-changes`)
        .send({ comment: '英語の概要も直してください。' });
      expect(sentBack.body.status).toBe('changesRequested');

      const body = {
        fields: { ...editableFields(entry), ...corrected },
        basedOnVersion: entry.version,
        reason: '英語も直しました。',
        version: sentBack.body.version,
      };
      const other = await callAs(ctx, 'accounting')
        .put(`/proposals/${proposal.id}`)
        .send(body);
      expect(other.status).toBe(403);
      const revised = await callAs(ctx, 'newHire')
        .put(`/proposals/${proposal.id}`)
        .send(body);
      expect(revised.status).toBe(200);
      expect(revised.body).toMatchObject({
        status: 'open',
        reason: '英語も直しました。',
      });
      expect((revised.body as Proposal).events.map(e => e.kind)).toEqual([
        'proposed',
        'changesRequested',
        'revised',
      ]);
      const stale = await callAs(ctx, 'newHire')
        .put(`/proposals/${proposal.id}`)
        .send(body);
      expect(stale.status).toBe(409);

      const withdrawn = await callAs(ctx, 'newHire')
        .post(`/proposals/${proposal.id}/withdraw`)
        .send({ version: revised.body.version });
      expect(withdrawn.body.status).toBe('withdrawn');
    });

    it('HR drafts a proposal on behalf of a department, which accepts it', async () => {
      const entry = await financeEntry();
      const proposal = await propose(
        entry,
        corrected,
        'hr',
        '人事課で下書きしました。確認をお願いします。',
      );
      expect(proposal.abilities.review).toBe(true);
      const list = await callAs(ctx, 'finance').get(
        `/proposals?owner=${FINANCE}&status=open`,
      );
      expect(
        (list.body as ProposalList).items.map(p => p.proposedBy),
      ).toContain(PEOPLE.hr.ref);
      const accepted = await callAs(ctx, 'finance')
        .post(`/proposals/${proposal.id}/accept`)
        .send({});
      expect(accepted.body.status).toBe('accepted');
    });

    it('refuses bad proposals with a 400 naming the problem, and writes nothing', async () => {
      const entry = await financeEntry();
      const fields = editableFields(entry);
      const before = await snapshotDatabase(ctx.knex);
      const cases: Array<[object, string]> = [
        [
          {
            fields: { ...fields, owner: COUNCIL },
            basedOnVersion: 1,
            reason: 'x',
          },
          'fields.owner',
        ],
        [{ fields, basedOnVersion: 1, reason: 'x' }, 'changes nothing'],
        [{ fields: { ...fields, ...corrected }, basedOnVersion: 1 }, 'reason'],
        [
          {
            fields: { ...fields, ...corrected },
            basedOnVersion: 1,
            reason: '   ',
          },
          'reason',
        ],
        [
          {
            fields: { ...fields, ...corrected },
            basedOnVersion: 99,
            reason: 'x',
          },
          'basedOnVersion',
        ],
        [
          {
            fields: { ...fields, title: { ja: '' } },
            basedOnVersion: 1,
            reason: 'x',
          },
          'title',
        ],
        [
          {
            fields: { ...fields, dependsOn: ['no-such-step'] },
            basedOnVersion: 1,
            reason: 'x',
          },
          'no-such-step',
        ],
      ];
      for (const [body, named] of cases) {
        const res = await callAs(ctx, 'newHire')
          .post(`/entries/${entry.slug}/proposals`)
          .send(body);
        expect([named, res.status]).toEqual([named, 400]);
        expect(res.body.error.message).toContain(named);
      }
      expect(
        (await callAs(ctx).post(`/entries/${entry.slug}/proposals`).send({}))
          .status,
      ).toBe(401);
      expect(
        (await callAs(ctx, 'newHire').get('/proposals/not-an-id')).status,
      ).toBe(400);
      expect(
        (
          await callAs(ctx, 'newHire').get(
            '/proposals/00000000-0000-4000-8000-000000000000',
          )
        ).status,
      ).toBe(404);
      expect(
        (await callAs(ctx, 'newHire').get('/proposals?status=maybe')).status,
      ).toBe(400);
      expect(await snapshotDatabase(ctx.knex)).toEqual(before);
    });

    it('keeps drafts out of sight: no proposals on a draft another department cannot read', async () => {
      const draft = await financeEntry({ status: 'draft' });
      const res = await callAs(ctx, 'newHire')
        .post(`/entries/${draft.slug}/proposals`)
        .send({
          fields: { ...editableFields(draft), ...corrected },
          basedOnVersion: 1,
          reason: 'x',
        });
      expect(res.status).toBe(404);
      const own = await callAs(ctx, 'finance')
        .post(`/entries/${draft.slug}/proposals`)
        .send({
          fields: { ...editableFields(draft), ...corrected },
          basedOnVersion: 1,
          reason: 'x',
        });
      expect(own.status).toBe(400);
      expect(own.body.error.message).toContain('published');
    });
  },
);
