import type {
  Answer,
  Question,
  QuestionList,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DatabaseQuestionStore } from '../database/DatabaseQuestionStore';
import {
  ACCOUNTING,
  callAs,
  describeOnEachDatabase,
  entryBody,
  FINANCE,
  PEOPLE,
  RecordingNotifications,
  type Person,
} from '../__testUtils__';

/** 出納閉鎖 belongs to 会計課 (accounting) in the starting content. */
const ENTRY = 'shutsuno-heisa';
const NEW_HIRE = PEOPLE.newHire.ref;
const notifications = new RecordingNotifications();

describeOnEachDatabase(
  'the dialogue on an entry',
  { seed: true, notifications, config: { dialogue: { postsPerMinute: 30 } } },
  ctx => {
    // The largest page: this suite asks more than one page of questions on 出納閉鎖.
    const list = async (person: Person, entry = ENTRY) => {
      const res = await callAs(ctx, person).get(
        `/entries/${entry}/questions?limit=100`,
      );
      expect(res.status).toBe(200);
      return res.body as QuestionList;
    };
    const ask = async (person: Person, anonymous = false, entry = ENTRY) => {
      const res = await callAs(ctx, person)
        .post(`/entries/${entry}/questions`)
        .send({
          title: '出納整理期間に前年度の支払いができるのはなぜ？',
          body: '4月なのに前年度の支払いをしていて、不思議に思いました。',
          anonymous,
        });
      expect(res.status).toBe(201);
      return res.body as Question;
    };
    const reply = async (
      person: Person,
      question: Question,
      kind: 'answers' | 'comments',
      body = '出納整理期間（5月31日まで）は、前年度末までに確定した債務の支払いができます（地方自治法第235条の5）。',
    ) =>
      callAs(ctx, person)
        .post(`/questions/${question.id}/${kind}`)
        .send({ body });
    /** The notifications of an answer to the question. */
    const answerNotices = (question: Question) =>
      notifications.sent.filter(
        n =>
          n.payload.scope === `city-hall-year:question:${question.id}` &&
          n.payload.title.startsWith('回答'),
      );
    const seenBy = async (person: Person, question: Question) =>
      (await list(person)).items.find(q => q.id === question.id)!;

    it('keeps an anonymous asker unnamed to the department and other readers, but not to HR', async () => {
      const question = await ask('newHire', true);
      expect(question).toMatchObject({ mine: true, askedBy: NEW_HIRE });

      const forAccounting = await seenBy('accounting', question);
      expect(forAccounting.askedBy).toBeUndefined();
      expect(forAccounting.mine).toBe(false);
      expect(JSON.stringify(forAccounting)).not.toContain('kimura.aoi');
      expect(JSON.stringify(await list('finance'))).not.toContain('kimura.aoi');

      expect((await seenBy('hr', question)).askedBy).toBe(NEW_HIRE);
      expect((await seenBy('newHire', question)).mine).toBe(true);
    });

    it('tells the owning department of a new question, without naming an anonymous asker', async () => {
      const question = await ask('newHire', true);
      const sent = notifications.sent.find(n =>
        n.payload.scope?.endsWith(question.id),
      )!;
      expect(sent.recipients).toEqual({
        type: 'entity',
        entityRef: [ACCOUNTING],
        excludeEntityRef: NEW_HIRE,
      });
      expect(sent.payload.link).toBe(
        `/city-hall-year/entries/${ENTRY}#question-${question.id}`,
      );
      // What the department receives; the exclusion only instructs the notifications
      // backend, which stores nothing of it.
      expect(JSON.stringify(sent.payload)).not.toMatch(/kimura|木村/);
    });

    it('lets the owners and HR answer, and refuses other departments with 403', async () => {
      const question = await ask('newHire');
      const before = await seenBy('newHire', question);

      const refused = await reply('finance', question, 'answers');
      expect(refused.status).toBe(403);
      expect((await seenBy('newHire', question)).answers).toEqual(
        before.answers,
      );
      expect((await list('finance')).abilities).toEqual({
        ask: true,
        answer: false,
        moderate: false,
      });
      expect((await list('accounting')).abilities.answer).toBe(true);
      expect((await list('hr')).abilities).toEqual({
        ask: true,
        answer: true,
        moderate: true,
      });

      const answered = await reply('accounting', question, 'answers');
      expect(answered.status).toBe(201);
      expect(answered.body).toMatchObject({
        kind: 'answer',
        author: PEOPLE.accounting.ref,
        byAsker: false,
      });
      const addition = '人事課からも補足します。';
      const byHr = await reply('hr', question, 'answers', addition);
      expect(byHr.status).toBe(201);

      // The asker hears of the answer; the one who answered does not.
      const sent = answerNotices(question);
      expect(sent[0].recipients).toMatchObject({ entityRef: [NEW_HIRE] });
    });

    it('takes comments from any reader; only an answer settles the question', async () => {
      const question = await ask('newHire', true);
      const meToo = '私も知りたいです。';
      const comment = await reply('finance', question, 'comments', meToo);
      expect(comment.status).toBe(201);
      expect(comment.body.kind).toBe('comment');
      const answer = (await reply('accounting', question, 'answers'))
        .body as Answer;

      const byComment = await callAs(ctx, 'newHire')
        .post(`/questions/${question.id}/resolve`)
        .send({ answerId: comment.body.id });
      expect(byComment.status).toBe(400);
      expect(byComment.body.error.message).toContain('answerId');

      const notTheirs = await callAs(ctx, 'finance')
        .post(`/questions/${question.id}/resolve`)
        .send({ answerId: answer.id });
      expect(notTheirs.status).toBe(403);

      const resolved = await callAs(ctx, 'newHire')
        .post(`/questions/${question.id}/resolve`)
        .send({ answerId: answer.id });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        status: 'resolved',
        resolvedAnswerId: answer.id,
        resolvedBy: NEW_HIRE,
      });
      // The department sees it resolved, not who resolved it: that would name the asker.
      const forAccounting = await seenBy('accounting', question);
      expect(forAccounting.status).toBe('resolved');
      expect(forAccounting.resolvedBy).toBeUndefined();
    });

    it('hides the asker behind their own comment on an anonymous question', async () => {
      const question = await ask('newHire', true);
      expect(
        (await reply('newHire', question, 'comments', '補足です。')).status,
      ).toBe(201);
      const [comment] = (await seenBy('accounting', question)).answers;
      expect(comment).toMatchObject({ byAsker: true, kind: 'comment' });
      expect(comment.author).toBeUndefined();
      expect((await seenBy('hr', question)).answers[0].author).toBe(NEW_HIRE);
    });

    it('counts one 「同じ疑問」 per person, and none from the asker', async () => {
      const question = await ask('newHire');
      for (let i = 0; i < 2; i++) {
        const marked = await callAs(ctx, 'finance').post(
          `/questions/${question.id}/me-too`,
        );
        expect(marked.status).toBe(200);
        expect(marked.body.meToo).toEqual({ count: 1, mine: true });
      }
      expect((await seenBy('council', question)).meToo).toEqual({
        count: 1,
        mine: false,
      });
      const own = await callAs(ctx, 'newHire').post(
        `/questions/${question.id}/me-too`,
      );
      expect(own.status).toBe(400);

      // Whoever said 「同じ疑問」 hears of the answer too.
      await reply('accounting', question, 'answers');
      const sent = answerNotices(question);
      expect(sent[0].recipients).toMatchObject({
        entityRef: [NEW_HIRE, PEOPLE.finance.ref],
      });

      const unmarked = await callAs(ctx, 'finance').delete(
        `/questions/${question.id}/me-too`,
      );
      expect(unmarked.body.meToo).toEqual({ count: 0, mine: false });
    });

    it('lets only the asker change a question, by its version, and keeps the history', async () => {
      const question = await ask('newHire', true);
      const change = { title: '出納整理期間とは？', body: '', anonymous: true };
      const foreign = await callAs(ctx, 'accounting')
        .put(`/questions/${question.id}`)
        .send({ ...change, version: question.version });
      expect(foreign.status).toBe(403);
      const missing = await callAs(ctx, 'newHire')
        .put(`/questions/${question.id}`)
        .send(change);
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toContain('version');
      // A full replace: leaving out `anonymous` must not name the asker again.
      const partial = await callAs(ctx, 'newHire')
        .put(`/questions/${question.id}`)
        .send({ title: '出納整理期間とは？', version: question.version });
      expect(partial.status).toBe(400);
      expect(partial.body.error.message).toContain('anonymous');
      expect((await seenBy('accounting', question)).askedBy).toBeUndefined();

      const changed = await callAs(ctx, 'newHire')
        .put(`/questions/${question.id}`)
        .send({ ...change, version: question.version });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        title: '出納整理期間とは？',
        version: 2,
      });
      const stale = await callAs(ctx, 'newHire')
        .put(`/questions/${question.id}`)
        .send({ ...change, version: question.version });
      expect(stale.status).toBe(409);

      const history = await callAs(ctx, 'hr').get(
        `/questions/${question.id}/history`,
      );
      expect(history.status).toBe(200);
      expect(
        history.body.question.map((r: { action: string }) => r.action),
      ).toEqual(['create', 'update']);
      expect(
        (
          await callAs(ctx, 'accounting').get(
            `/questions/${question.id}/history`,
          )
        ).status,
      ).toBe(403);
    });

    it('deletes softly; only HR sees a deleted question and brings it back', async () => {
      const question = await ask('newHire');
      const byOwner = await callAs(ctx, 'accounting')
        .delete(`/questions/${question.id}`)
        .send({ version: question.version });
      expect(byOwner.status).toBe(403);

      const deleted = await callAs(ctx, 'newHire')
        .delete(`/questions/${question.id}`)
        .send({ version: question.version });
      expect(deleted.status).toBe(200);
      expect(
        (await callAs(ctx, 'accounting').get(`/questions/${question.id}`))
          .status,
      ).toBe(404);
      expect((await list('accounting')).items.map(q => q.id)).not.toContain(
        question.id,
      );
      expect((await seenBy('hr', question)).deletedAt).toBeDefined();
      // Nothing acts on a deleted question, not even HR, until it is brought back.
      const onDeleted = await callAs(ctx, 'hr')
        .post(`/questions/${question.id}/me-too`)
        .send({});
      expect(onDeleted.status).toBe(400);
      expect(onDeleted.body.error.message).toContain('deleted');

      const byAsker = await callAs(ctx, 'newHire')
        .post(`/questions/${question.id}/restore`)
        .send({ version: deleted.body.version });
      expect(byAsker.status).toBe(404);
      const restored = await callAs(ctx, 'hr')
        .post(`/questions/${question.id}/restore`)
        .send({ version: deleted.body.version });
      expect(restored.status).toBe(200);
      expect(restored.body.deletedAt).toBeUndefined();
      expect((await seenBy('accounting', question)).id).toBe(question.id);
    });

    it('lets the author change or delete a reply by its version', async () => {
      const question = await ask('newHire');
      const answer = (await reply('accounting', question, 'answers'))
        .body as Answer;
      const foreign = await callAs(ctx, 'hr')
        .put(`/answers/${answer.id}`)
        .send({ body: '書き換え', version: answer.version });
      // HR moderates: it may change any reply.
      expect(foreign.status).toBe(200);
      const stale = await callAs(ctx, 'accounting')
        .put(`/answers/${answer.id}`)
        .send({ body: '訂正します。', version: answer.version });
      expect(stale.status).toBe(409);
      const other = await callAs(ctx, 'finance')
        .put(`/answers/${answer.id}`)
        .send({ body: '横から', version: foreign.body.version });
      expect(other.status).toBe(403);
      const removed = await callAs(ctx, 'accounting')
        .delete(`/answers/${answer.id}`)
        .send({ version: foreign.body.version });
      expect(removed.status).toBe(200);
      expect((await seenBy('newHire', question)).answers).toEqual([]);
    });

    it('keeps questions on a draft to those who may read the draft', async () => {
      const draft = await callAs(ctx, 'finance')
        .post('/entries')
        .send(entryBody(FINANCE, { status: 'draft' }));
      expect(draft.status).toBe(201);
      const slug = draft.body.slug;
      expect(
        (await callAs(ctx, 'newHire').get(`/entries/${slug}/questions`)).status,
      ).toBe(404);
      const asked = await callAs(ctx, 'newHire')
        .post(`/entries/${slug}/questions`)
        .send({ title: '見えないはず' });
      expect(asked.status).toBe(404);
      const own = await ask('finance', false, slug);
      expect(
        (await callAs(ctx, 'newHire').get(`/questions/${own.id}`)).status,
      ).toBe(404);
    });

    it('pages the questions newest first, all or the open or resolved ones', async () => {
      // 25 questions on 決算審査 (which has no others), a minute apart; every fifth
      // settled. Written through the store: no person posts 25 in a minute.
      const entryId = (await callAs(ctx, 'hr').get('/entries/kessan-shinsa'))
        .body.id as string;
      const store = new DatabaseQuestionStore(ctx.knex);
      for (let i = 0; i < 25; i++) {
        const at = new Date(Date.UTC(2026, 5, 1, 0, i)).toISOString();
        const q = await store.createQuestion(
          entryId,
          { title: `質問${i + 1}`, body: '', anonymous: false },
          { actor: NEW_HIRE, at },
        );
        if (i % 5 === 0) {
          const a = await store.addAnswer(q.id, 'answer', '回答', {
            actor: PEOPLE.hr.ref,
            at,
          });
          await store.resolveQuestion(q.id, a.id, { actor: NEW_HIRE, at });
        }
      }
      const page = async (query: string) => {
        const res = await callAs(ctx, 'finance').get(
          `/entries/kessan-shinsa/questions${query}`,
        );
        expect(res.status).toBe(200);
        const body = res.body as QuestionList;
        return { ...body, titles: body.items.map(q => q.title) };
      };

      const first = await page('');
      expect(first.totalCount).toBe(25);
      expect(first.counts).toEqual({ open: 20, resolved: 5 });
      expect(first.titles).toHaveLength(20);
      expect(first.titles.slice(0, 2)).toEqual(['質問25', '質問24']);
      const second = await page('?offset=20');
      expect(second.titles).toEqual([
        '質問5',
        '質問4',
        '質問3',
        '質問2',
        '質問1',
      ]);

      const resolved = await page('?status=resolved&limit=2');
      expect(resolved.totalCount).toBe(5);
      expect(resolved.counts).toEqual({ open: 20, resolved: 5 });
      expect(resolved.titles).toEqual(['質問21', '質問16']);
      const open = await page('?status=open&offset=18');
      expect(open.totalCount).toBe(20);
      expect(open.titles).toEqual(['質問3', '質問2']);

      for (const [query, field] of [
        ['?limit=101', 'limit'],
        ['?limit=0', 'limit'],
        ['?offset=-1', 'offset'],
        ['?status=closed', 'status'],
        ['?sort=old', 'sort'],
      ]) {
        const res = await callAs(ctx, 'finance').get(
          `/entries/kessan-shinsa/questions${query}`,
        );
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body.error.message).toContain(field);
      }
    });

    it('names the field of bad input and writes nothing', async () => {
      const before = (await list('hr')).totalCount;
      for (const [body, field] of [
        [{ title: 'あ'.repeat(121) }, 'title'],
        [{ title: '' }, 'title'],
        [{ title: '質問', body: 'あ'.repeat(5001) }, 'body'],
        [{ title: '質問', askedBy: 'user:default/sato.hanako' }, 'askedBy'],
        [{ title: '質問', anonymous: 'yes' }, 'anonymous'],
      ] as const) {
        const res = await callAs(ctx, 'newHire')
          .post(`/entries/${ENTRY}/questions`)
          .send(body);
        expect([field, res.status]).toEqual([field, 400]);
        expect(res.body.error.message).toContain(field);
      }
      expect((await list('hr')).totalCount).toBe(before);
      expect(
        (await callAs(ctx, 'newHire').get('/questions/not-an-id')).status,
      ).toBe(400);
    });

    it('answers 429 when one person posts too much in a minute, and writes nothing', async () => {
      // 30 a minute in this suite's config; the council's person posted nothing yet.
      const responses = [];
      for (let i = 0; i < 31; i++) {
        responses.push(
          await callAs(ctx, 'council')
            .post(`/entries/${ENTRY}/questions`)
            .send({ title: `質問 ${i}` }),
        );
      }
      const statuses = responses.map(r => r.status);
      expect(responses[30].body.error.message).toContain('the limit is 30');
      expect(statuses).toEqual([...Array(30).fill(201), 429]);
      const mine = (await list('council')).items.filter(q => q.mine);
      expect(mine).toHaveLength(30);
    });
  },
);
