import {
  dialogueChannel,
  type Entry,
  type EntryRevisionSummary,
  type FaqItemResult,
  type FaqList,
  type Question,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  callAs,
  describeOnEachDatabase,
  putBody,
  type Person,
} from '../__testUtils__';

/** 出納閉鎖 belongs to 会計課 (accounting) in the starting content and has no FAQ. */
const ENTRY = 'shutsuno-heisa';

describeOnEachDatabase('the FAQ of an entry', { seed: true }, ctx => {
  const entry = async (slug = ENTRY) =>
    (await callAs(ctx, 'newHire').get(`/entries/${slug}`)).body as Entry;
  const faqOf = async (person: Person = 'newHire', slug = ENTRY) => {
    const res = await callAs(ctx, person).get(`/entries/${slug}/faq`);
    expect(res.status).toBe(200);
    return res.body as FaqList;
  };
  /** A question of the new hire on the entry, answered by 会計課 and resolved. */
  const resolvedQuestion = async (slug = ENTRY) => {
    const asked = await callAs(ctx, 'newHire')
      .post(`/entries/${slug}/questions`)
      .send({
        title: '出納整理期間に前年度の支払いができるのはなぜ？',
        body: '',
        anonymous: true,
      });
    expect(asked.status).toBe(201);
    const answer = await callAs(ctx, 'accounting')
      .post(`/questions/${asked.body.id}/answers`)
      .send({ body: '3月31日までに確定した債務は、5月31日まで支払えます。' });
    expect(answer.status).toBe(201);
    const resolved = await callAs(ctx, 'newHire')
      .post(`/questions/${asked.body.id}/resolve`)
      .send({ answerId: answer.body.id });
    expect(resolved.status).toBe(200);
    return resolved.body as Question;
  };
  const add = (person: Person, body: object, slug = ENTRY) =>
    callAs(ctx, person).post(`/entries/${slug}/faq`).send(body);

  it('turns a resolved question into a FAQ item, as a revision of the entry that search finds', async () => {
    const question = await resolvedQuestion();
    const before = await entry();
    const res = await add('accounting', {
      question: '4月なのに前年度の支払いができるのはなぜ？',
      answer:
        '出納整理期間（5月31日まで）は、前年度末までに確定した支払いができます。',
      fromQuestion: question.id,
    });
    expect(res.status).toBe(201);
    const item = res.body as FaqItemResult;
    expect(item).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fromQuestion: question.id,
      entryVersion: before.version + 1,
    });

    const faq = await faqOf();
    expect(faq.version).toBe(before.version + 1);
    expect(faq.items.map(i => i.id)).toEqual([item.id]);
    expect((await entry()).faq).toEqual(faq.items);

    const revisions: EntryRevisionSummary[] = (
      await callAs(ctx, 'newHire').get(`/entries/${ENTRY}/revisions`)
    ).body.items;
    expect(revisions[0]).toMatchObject({
      revision: before.version + 1,
      action: 'faq',
      changedFields: ['faq'],
      createdBy: 'user:default/nakamura.emi',
    });

    // The question says where its answer went; it cannot become a second item.
    const seen: Question = (
      await callAs(ctx, 'newHire').get(`/questions/${question.id}`)
    ).body;
    expect(seen.faqId).toBe(item.id);
    const again = await add('accounting', {
      question: '同じ質問',
      answer: '同じ答え',
      fromQuestion: question.id,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('fromQuestion');

    // The list's text filter finds the entry by its FAQ.
    const found = await callAs(ctx, 'newHire').get(
      `/entries?q=${encodeURIComponent('確定した支払い')}`,
    );
    expect(found.body.items.map((e: Entry) => e.slug)).toContain(ENTRY);
  });

  it('refuses the FAQ to everyone but the owners and HR, changing nothing', async () => {
    const before = await entry();
    for (const person of ['finance', 'newHire'] as const) {
      const res = await add(person, { question: '質問', answer: '答え' });
      expect(res.status).toBe(403);
    }
    expect((await entry()).version).toBe(before.version);
    // HR editors may write any entry's FAQ.
    const byHr = await add('hr', { question: 'HRから', answer: '答え' });
    expect(byHr.status).toBe(201);
  });

  it('refuses a question that is not resolved, of another entry, or unknown', async () => {
    const open = await callAs(ctx, 'newHire')
      .post(`/entries/${ENTRY}/questions`)
      .send({ title: 'まだ答えのない質問', body: '', anonymous: false });
    const other = await resolvedQuestion('shutsuno-seiri-kikan');
    const before = await entry();
    for (const [fromQuestion, message] of [
      [open.body.id, 'resolved'],
      [other.id, 'no question'],
      ['00000000-0000-4000-8000-000000000000', 'no question'],
    ]) {
      const res = await add('accounting', {
        question: '質問',
        answer: '答え',
        fromQuestion,
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    expect((await entry()).version).toBe(before.version);
  });

  it('names the field that is too long or unknown, and writes nothing', async () => {
    const before = await entry();
    for (const body of [
      { question: 'あ'.repeat(301), answer: '答え' },
      { question: '質問', answer: '' },
      { question: '質問', answer: '答え', order: 1 },
      { question: '質問', answer: '答え', fromQuestion: 'not-an-id' },
    ]) {
      const res = await add('accounting', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /question|answer|order|fromQuestion/,
      );
    }
    expect((await entry()).version).toBe(before.version);
  });

  it('changes and deletes an item only from the version it names, and restores it from the history', async () => {
    const created: FaqItemResult = (
      await add('accounting', { question: '最初の質問', answer: '最初の答え' })
    ).body;
    const stale = await callAs(ctx, 'accounting')
      .put(`/entries/${ENTRY}/faq/${created.id}`)
      .send({
        question: '言い直した質問',
        answer: '言い直した答え',
        version: created.entryVersion - 1,
      });
    expect(stale.status).toBe(409);

    const reworded = await callAs(ctx, 'accounting')
      .put(`/entries/${ENTRY}/faq/${created.id}`)
      .send({
        question: '言い直した質問',
        answer: '言い直した答え',
        version: created.entryVersion,
      });
    expect(reworded.status).toBe(200);
    expect(reworded.body).toMatchObject({
      id: created.id,
      question: '言い直した質問',
      entryVersion: created.entryVersion + 1,
    });

    const missing = await callAs(ctx, 'accounting')
      .delete(`/entries/${ENTRY}/faq/00000000-0000-4000-8000-000000000000`)
      .send({ version: reworded.body.entryVersion });
    expect(missing.status).toBe(404);
    const removed = await callAs(ctx, 'accounting')
      .delete(`/entries/${ENTRY}/faq/${created.id}`)
      .send({ version: reworded.body.entryVersion });
    expect(removed.status).toBe(200);
    expect((removed.body as FaqList).items.map(i => i.id)).not.toContain(
      created.id,
    );

    // The history keeps it: restoring the version with the reworded item brings it back.
    const current = await entry();
    const restored = await callAs(ctx, 'accounting')
      .post(`/entries/${ENTRY}/revisions/${reworded.body.entryVersion}/restore`)
      .send({ version: current.version });
    expect(restored.status).toBe(200);
    expect((await faqOf()).items).toContainEqual({
      id: created.id,
      question: '言い直した質問',
      answer: '言い直した答え',
    });
  });

  it('adds an item without a version even when the entry changed since it was read', async () => {
    const read = await entry('kessan-tokei');
    const edited = await callAs(ctx, 'finance')
      .put('/entries/kessan-tokei')
      .send(putBody(read, { tags: [...read.tags, '決算統計'] }));
    expect(edited.status).toBe(200);
    const res = await add(
      'finance',
      { question: '決算統計とは？', answer: '国への報告です。' },
      'kessan-tokei',
    );
    expect(res.status).toBe(201);
    const now = await entry('kessan-tokei');
    // Neither write is lost.
    expect(now.tags).toContain('決算統計');
    expect(now.faq.map(f => f.question)).toContain('決算統計とは？');
  });

  it('keeps the FAQ through the editor: items keep their ids, new ones get one', async () => {
    const created: FaqItemResult = (
      await add('accounting', { question: '編集前', answer: '答え' })
    ).body;
    const current = await entry();
    const res = await callAs(ctx, 'accounting')
      .put(`/entries/${ENTRY}`)
      .send(
        putBody(current, {
          faq: [
            { question: '新しい質問', answer: '新しい答え' },
            ...current.faq.map(f =>
              f.id === created.id ? { ...f, question: '編集後' } : f,
            ),
          ],
        }),
      );
    expect(res.status).toBe(200);
    const saved = res.body as Entry;
    expect(saved.faq[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      question: '新しい質問',
    });
    expect(saved.faq.find(f => f.id === created.id)?.question).toBe('編集後');

    const duplicate = await callAs(ctx, 'accounting')
      .put(`/entries/${ENTRY}`)
      .send(putBody(saved, { faq: [saved.faq[0], saved.faq[0]] }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toContain('same id');
  });

  it('tells open pages of the entry that its dialogue and FAQ changed, naming no one', async () => {
    const { id } = await entry();
    ctx.signals.sent.length = 0;
    const question = await resolvedQuestion();
    await add('accounting', {
      question: '質問',
      answer: '答え',
      fromQuestion: question.id,
    });
    expect(ctx.signals.sent.map(s => s.message.event)).toEqual([
      'question-create',
      'question-answer',
      'question-resolve',
      'faq-create',
    ]);
    for (const signal of ctx.signals.sent) {
      expect(signal).toEqual({
        recipients: { type: 'broadcast' },
        channel: dialogueChannel(id),
        message: { entryId: id, event: expect.any(String) },
      });
    }
  });

  it('shows the FAQ in calendar feeds and in both import formats', async () => {
    const token = await callAs(ctx, 'newHire')
      .post('/feed-tokens')
      .send({ label: 'FAQ' });
    const feed = await callAs(ctx).get(
      `/feeds/calendar.ics?token=${token.body.token}&entry=shutsuno-seiri-kikan`,
    );
    expect(feed.status).toBe(200);
    // ICS folds long lines; unfold before reading.
    expect(feed.text.replace(/\r\n /g, '')).toMatch(
      /よくある質問 1件 \/ FAQ: http:\/\/localhost:3000\/city-hall-year\/entries\/shutsuno-seiri-kikan\?fy=\d+#faq/,
    );

    const seeded = await entry('shutsuno-seiri-kikan');
    const csv = await callAs(ctx, 'accounting').get(
      '/export?format=csv&owner=group:default/kaikei-ka',
    );
    expect(csv.text).toContain(
      'Q: 4月に入ってから、前年度の予算で新しく契約できますか？',
    );
    // A spreadsheet without the FAQ column keeps the entry's FAQ as it is.
    const yaml = await callAs(ctx, 'accounting').get(
      '/export?format=yaml&owner=group:default/kaikei-ka',
    );
    const withoutFaq = yaml.text.replace(/^ {2}faq:\n(?: {4}.*\n| *\n)*/gm, '');
    expect(withoutFaq).not.toContain('faq:');
    const dryRun = await callAs(ctx, 'accounting')
      .post('/import?format=yaml&dryRun=true')
      .set('Content-Type', 'application/yaml')
      .send(withoutFaq);
    expect(dryRun.status).toBe(200);
    const row = dryRun.body.rows.find(
      (r: { slug: string }) => r.slug === 'shutsuno-seiri-kikan',
    );
    expect(row.changedFields ?? []).not.toContain('faq');

    // The CSV comes back with the same items (their ids kept by their questions).
    const applied = await callAs(ctx, 'accounting')
      .post('/import?format=csv&dryRun=false')
      .set('Content-Type', 'text/csv')
      .send(csv.text);
    expect(applied.status).toBe(200);
    expect((await entry('shutsuno-seiri-kikan')).faq).toEqual(seeded.faq);
  });
});
