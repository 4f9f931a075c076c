import type {
  Entry,
  Idea,
  IdeaList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  callAs,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  PEOPLE,
  RecordingNotifications,
  snapshotDatabase,
} from '../__testUtils__';

const REVIEW_OFFICE = 'group:default/gyosei-kanri-ka';
const notifications = new RecordingNotifications();

describeOnEachDatabase(
  'process-review ideas',
  { seed: true, notifications },
  ctx => {
    const financeEntry = async (overrides = {}) => {
      const res = await callAs(ctx, 'finance')
        .post('/entries')
        .send(entryBody(FINANCE, overrides));
      expect(res.status).toBe(201);
      return res.body as Entry;
    };
    const submit = async (entry: Entry, anonymous = false) => {
      const res = await callAs(ctx, 'newHire')
        .post(`/entries/${entry.slug}/ideas`)
        .send({
          suggestion: 'simplify',
          body: '要求書の様式が三つあり、同じことを三度書いています。一つにできませんか。',
          anonymous,
        });
      expect(res.status).toBe(201);
      return res.body as Idea;
    };

    it('reaches the owner Group and the review office, who answers in public; a department cannot', async () => {
      const entry = await financeEntry();
      const idea = await submit(entry);
      expect(idea).toMatchObject({
        status: 'received',
        author: PEOPLE.newHire.ref,
        mine: true,
        owner: FINANCE,
      });
      const notice = notifications.sent.find(
        n => n.payload.scope === `city-hall-year:idea:${idea.id}`,
      )!;
      expect(notice.recipients).toMatchObject({
        entityRef: [FINANCE, REVIEW_OFFICE],
      });

      // 議事課 (another department) and 財政課 (the owners) do not set the status.
      const before = await snapshotDatabase(ctx.knex);
      for (const person of ['council', 'finance', 'hr'] as const) {
        const res = await callAs(ctx, person)
          .put(`/ideas/${idea.id}/status`)
          .send({ status: 'considering', answer: '検討します。', version: 1 });
        expect([person, res.status]).toEqual([person, 403]);
      }
      expect(await snapshotDatabase(ctx.knex)).toEqual(before);

      const answered = await callAs(ctx, 'review')
        .put(`/ideas/${idea.id}/status`)
        .send({
          status: 'considering',
          answer: '財政課と様式の統合を検討します。',
          version: 1,
        });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({
        status: 'considering',
        answer: '財政課と様式の統合を検討します。',
        answeredBy: PEOPLE.review.ref,
        version: 2,
      });
      // Everyone reads the idea and its answer on the entry.
      const onEntry = (
        await callAs(ctx, 'accounting').get(`/entries/${entry.slug}/ideas`)
      ).body as IdeaList;
      expect(onEntry.items[0]).toMatchObject({
        status: 'considering',
        answer: '財政課と様式の統合を検討します。',
      });
      expect(onEntry.abilities).toEqual({ submit: true, answer: false });
      // The author is told, in the same notification.
      const told = notifications.sent.filter(
        n => n.payload.scope === `city-hall-year:idea:${idea.id}`,
      );
      expect(told.at(-1)!.payload.title).toContain('検討中');
      expect(told.at(-1)!.recipients).toMatchObject({
        entityRef: [PEOPLE.newHire.ref, FINANCE],
      });
      // A stale version is refused and writes nothing; so is an empty answer.
      const stale = await callAs(ctx, 'review')
        .put(`/ideas/${idea.id}/status`)
        .send({ status: 'adopted', answer: '採用します。', version: 1 });
      expect(stale.status).toBe(409);
      const empty = await callAs(ctx, 'review')
        .put(`/ideas/${idea.id}/status`)
        .send({ status: 'adopted', answer: ' ', version: 2 });
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toContain('answer');
    });

    it('keeps an anonymous author from the department and other readers, never from the review office', async () => {
      const entry = await financeEntry();
      const idea = await submit(entry, true);
      const seenBy = async (
        person: 'finance' | 'council' | 'review' | 'newHire',
      ) =>
        ((await callAs(ctx, person).get(`/ideas/${idea.id}`)).body as Idea)
          .author;
      expect(await seenBy('finance')).toBeUndefined();
      expect(await seenBy('council')).toBeUndefined();
      expect(await seenBy('review')).toBe(PEOPLE.newHire.ref);
      expect(await seenBy('newHire')).toBe(PEOPLE.newHire.ref);
      const csv = await callAs(ctx, 'finance').get(
        `/ideas?format=csv&owner=${FINANCE}`,
      );
      const rows = parseCsv(csv.text.replace(/^\uFEFF/, '')) as string[][];
      const row = rows.find(r => r[0] === idea.createdAt)!;
      expect(row[5]).toBe('匿名');
    });

    it('lists the city’s ideas with counts per department and status, and as CSV with names', async () => {
      const entry = await financeEntry();
      const idea = await submit(entry);
      await callAs(ctx, 'review')
        .put(`/ideas/${idea.id}/status`)
        .send({ status: 'considering', answer: '検討します。', version: 1 })
        .expect(200);
      const list = (
        await callAs(ctx, 'review').get('/ideas?status=considering&limit=500')
      ).body as IdeaList;
      expect(list.items.map(i => i.id)).toContain(idea.id);
      expect(list.items.every(i => i.status === 'considering')).toBe(true);
      const finance = list.byOwner!.find(o => o.owner === FINANCE)!;
      expect(finance.counts.considering).toBeGreaterThanOrEqual(1);
      expect(list.abilities.answer).toBe(true);

      const csv = await callAs(ctx, 'review').get(
        `/ideas?format=csv&owner=${FINANCE}&status=considering`,
      );
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const rows = parseCsv(csv.text.replace(/^\uFEFF/, '')) as string[][];
      expect(rows[0]).toEqual([
        '受付日時',
        '項目',
        '担当課',
        '提案の種類',
        '内容',
        '提案者',
        '状況',
        '回答',
        '回答日時',
      ]);
      const row = rows.find(r => r[4].includes('要求書の様式'))!;
      expect(row.slice(2, 4)).toEqual(['財政課', '簡素化できる']);
      expect(row[5]).toBe('木村 葵');
      expect(row[6]).toBe('検討中');
    });

    it('refuses bad ideas with a 400 naming the problem and writes nothing', async () => {
      const entry = await financeEntry();
      const draft = await financeEntry({ status: 'draft' });
      const before = await snapshotDatabase(ctx.knex);
      const post = (slug: string, body: object, person = 'newHire' as const) =>
        callAs(ctx, person).post(`/entries/${slug}/ideas`).send(body);
      expect(
        (await post(entry.slug, { body: '' })).body.error.message,
      ).toContain('body');
      expect(
        (await post(entry.slug, { body: 'x', suggestion: 'maybe' })).status,
      ).toBe(400);
      expect((await post(entry.slug, { body: 'x', extra: 1 })).status).toBe(
        400,
      );
      expect((await post(draft.slug, { body: 'x' })).status).toBe(404);
      expect(
        (
          await callAs(ctx)
            .post(`/entries/${entry.slug}/ideas`)
            .send({ body: 'x' })
        ).status,
      ).toBe(401);
      expect(
        (await callAs(ctx, 'review').get('/ideas?status=soon')).status,
      ).toBe(400);
      expect((await callAs(ctx, 'review').get('/ideas/not-an-id')).status).toBe(
        400,
      );
      expect(await snapshotDatabase(ctx.knex)).toEqual(before);
    });
  },
);
