import type {
  AuditorService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  questionAnswerPermission,
  questionAskPermission,
  questionModeratePermission,
  type Answer,
  type AnswerKind,
  type Entry,
  type Question,
  type QuestionList,
  type QuestionStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryStore } from '../database/EntryStore';
import type {
  DialogueRevision,
  QuestionFields,
  QuestionStore,
  StoredAnswer,
  StoredQuestion,
} from '../database/QuestionStore';
import { audited } from './audited';
import type { CallContext } from './context';
import type { EntryAuthorizer } from './EntryAuthorizer';
import { notifyOnce } from './notify';
import { readableEntry } from './readableEntries';
import {
  publishDialogueSignal,
  type DialogueSignalDeps,
} from './dialogueSignals';

/** Too many posts in a short time: answered 429, nothing written. */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  statusCode = 429 as const;
}

/** What the dialogue works with. */
export interface QuestionServiceDeps extends DialogueSignalDeps {
  questions: QuestionStore;
  entries: EntryStore;
  authorizer: EntryAuthorizer;
  auditor: AuditorService;
  logger: LoggerService;
  /** Absent when the app has no notifications backend. */
  notifications?: NotificationService;
  /** Questions, answers and comments one person may post a minute. */
  postsPerMinute: number;
  now?: () => Date;
}

/** Who looks at a question, and what they may see of it. */
interface Viewer {
  ref: string;
  moderator: boolean;
}

/**
 * The dialogue on entries: staff ask the department that owns an entry, the department
 * (or HR) answers, others comment and say 「同じ疑問」, and the question is marked
 * resolved by the answer that settled it. Who may read the entry may ask; answering
 * is a permission on the entry (its owners and HR by default); moderation is HR's.
 * An anonymous question never names its asker to anyone but the asker and moderators.
 */
export class QuestionService {
  constructor(private readonly deps: QuestionServiceDeps) {}

  async list(
    entryIdOrSlug: string,
    page: { limit: number; offset: number; status?: QuestionStatus },
    ctx: CallContext,
  ): Promise<QuestionList> {
    const entry = await readableEntry(
      this.deps,
      entryIdOrSlug,
      ctx.credentials,
    );
    const viewer = await this.viewer(ctx);
    const [ask, answer] = await Promise.all(
      [questionAskPermission, questionAnswerPermission].map(async p =>
        (
          await this.deps.authorizer.allowedIds(p, [entry.id], ctx.credentials)
        ).has(entry.id),
      ),
    );
    const includeDeleted = viewer.moderator;
    const [stored, counts] = await Promise.all([
      this.deps.questions.listQuestions(entry.id, { includeDeleted, ...page }),
      this.deps.questions.countQuestions(entry.id, { includeDeleted }),
    ]);
    return {
      items: stored.map(q => this.view(q, entry, viewer)),
      totalCount: page.status
        ? counts[page.status]
        : counts.open + counts.resolved,
      counts,
      abilities: { ask, answer, moderate: viewer.moderator },
    };
  }

  async get(id: string, ctx: CallContext): Promise<Question> {
    const { question, entry, viewer } = await this.visible(id, ctx);
    return this.view(question, entry, viewer);
  }

  async ask(
    entryIdOrSlug: string,
    fields: QuestionFields,
    ctx: CallContext,
  ): Promise<Question> {
    const entry = await readableEntry(
      this.deps,
      entryIdOrSlug,
      ctx.credentials,
    );
    return this.audited(
      'question-create',
      ctx,
      { entryId: entry.id },
      async () => {
        await this.deps.authorizer.assertAllowed(
          questionAskPermission,
          entry.id,
          ctx.credentials,
        );
        await this.assertNotFlooding(ctx);
        const question = await this.deps.questions.createQuestion(
          entry.id,
          fields,
          this.change(ctx),
        );
        await this.notify({
          recipients: [entry.owner],
          exclude: question.askedBy,
          question,
          entry,
          title: `質問が届きました：${entry.title.ja} / New question on ${
            entry.title.en ?? entry.title.ja
          }`,
        });
        return this.view(question, entry, await this.viewer(ctx));
      },
    );
  }

  async update(
    id: string,
    fields: QuestionFields,
    version: number,
    ctx: CallContext,
  ): Promise<Question> {
    const { question, entry, viewer } = await this.visible(id, ctx);
    return this.audited(
      'question-update',
      ctx,
      { entryId: question.entryId, questionId: id },
      async () => {
        if (question.askedBy !== viewer.ref && !viewer.moderator) {
          throw new NotAllowedError('Only the asker may change a question');
        }
        const updated = await this.deps.questions.updateQuestion(
          question.id,
          fields,
          version,
          this.change(ctx),
        );
        return this.view(updated, entry, viewer);
      },
    );
  }

  /** Deletes softly (the asker or a moderator), or brings back (a moderator). */
  async setDeleted(
    id: string,
    deleted: boolean,
    version: number,
    ctx: CallContext,
  ): Promise<Question> {
    const { question, entry, viewer } = await this.visible(id, ctx);
    return this.audited(
      deleted ? 'question-delete' : 'question-restore',
      ctx,
      { entryId: question.entryId, questionId: id },
      async () => {
        const mayDelete = question.askedBy === viewer.ref || viewer.moderator;
        if (!(deleted ? mayDelete : viewer.moderator)) {
          throw new NotAllowedError(
            deleted
              ? 'Only the asker or HR may delete a question'
              : 'Only HR may bring back a deleted question',
          );
        }
        await this.deps.questions.setDeleted(
          'question',
          question.id,
          deleted,
          version,
          this.change(ctx),
        );
        return this.view(await this.reload(question.id), entry, viewer);
      },
    );
  }

  /** An answer (owners, HR) or a comment (any reader who may ask). */
  async reply(
    questionId: string,
    kind: AnswerKind,
    body: string,
    ctx: CallContext,
  ): Promise<Answer> {
    const { question, entry, viewer } = await this.visible(questionId, ctx);
    return this.audited(
      kind === 'answer' ? 'question-answer' : 'question-comment',
      ctx,
      { entryId: question.entryId, questionId },
      async () => {
        this.assertNotDeleted(question);
        await this.deps.authorizer.assertAllowed(
          kind === 'answer' ? questionAnswerPermission : questionAskPermission,
          entry.id,
          ctx.credentials,
        );
        await this.assertNotFlooding(ctx);
        const answer = await this.deps.questions.addAnswer(
          question.id,
          kind,
          body,
          this.change(ctx),
        );
        if (kind === 'answer') {
          await this.notify({
            recipients: [question.askedBy, ...question.meToo],
            exclude: viewer.ref,
            question,
            entry,
            title: `回答がつきました：${question.title} / Your question was answered`,
          });
        }
        return this.answerView(answer, question, viewer);
      },
    );
  }

  async updateReply(
    answerId: string,
    body: string,
    version: number,
    ctx: CallContext,
  ): Promise<Answer> {
    const { question, answer, viewer } = await this.visibleReply(answerId, ctx);
    return this.audited(
      'answer-update',
      ctx,
      { entryId: question.entryId, answerId },
      async () => {
        if (answer.author !== viewer.ref && !viewer.moderator) {
          throw new NotAllowedError('Only its author may change a reply');
        }
        const changed = await this.deps.questions.updateAnswer(
          answer.id,
          body,
          version,
          this.change(ctx),
        );
        return this.answerView(changed, question, viewer);
      },
    );
  }

  /** Hides a reply (its author or a moderator), or brings it back (a moderator). */
  async setReplyDeleted(
    answerId: string,
    deleted: boolean,
    version: number,
    ctx: CallContext,
  ): Promise<Answer> {
    const { question, answer, viewer } = await this.visibleReply(answerId, ctx);
    return this.audited(
      deleted ? 'answer-delete' : 'answer-restore',
      ctx,
      { entryId: question.entryId, answerId },
      async () => {
        const mayDelete = answer.author === viewer.ref || viewer.moderator;
        if (!(deleted ? mayDelete : viewer.moderator)) {
          throw new NotAllowedError(
            deleted
              ? 'Only its author or HR may delete a reply'
              : 'Only HR may bring back a deleted reply',
          );
        }
        await this.deps.questions.setDeleted(
          'answer',
          answer.id,
          deleted,
          version,
          this.change(ctx),
        );
        const changed = await this.reload(question.id);
        const reply = changed.answers.find(a => a.id === answer.id)!;
        return this.answerView(reply, question, viewer);
      },
    );
  }

  /** The asker, the entry's owners or HR mark the answer that settled the question. */
  async resolve(
    id: string,
    answerId: string,
    ctx: CallContext,
  ): Promise<Question> {
    const { question, entry, viewer } = await this.visible(id, ctx);
    return this.audited(
      'question-resolve',
      ctx,
      { entryId: question.entryId, questionId: id },
      async () => {
        this.assertNotDeleted(question);
        if (question.askedBy !== viewer.ref) {
          await this.deps.authorizer.assertAllowed(
            questionAnswerPermission,
            entry.id,
            ctx.credentials,
          );
        }
        const answer = question.answers.find(
          a => a.id === answerId && !a.deletedAt,
        );
        if (!answer || answer.kind !== 'answer') {
          throw new InputError(
            `answerId: '${answerId}' is not an answer to this question (comments cannot settle it)`,
          );
        }
        const resolved = await this.deps.questions.resolveQuestion(
          question.id,
          answer.id,
          this.change(ctx),
        );
        await this.notify({
          recipients: [question.askedBy, ...question.meToo],
          exclude: viewer.ref,
          question,
          entry,
          title: `質問が解決しました：${question.title} / A question was resolved`,
        });
        return this.view(resolved, entry, viewer);
      },
    );
  }

  /** Marks (or unmarks) 「同じ疑問」: one mark per person; the asker has none to add. */
  async setMeToo(id: string, on: boolean, ctx: CallContext): Promise<Question> {
    const { question, entry, viewer } = await this.visible(id, ctx);
    await this.deps.authorizer.assertAllowed(
      questionAskPermission,
      entry.id,
      ctx.credentials,
    );
    this.assertNotDeleted(question);
    if (question.askedBy === viewer.ref) {
      throw new InputError('You asked this question yourself');
    }
    await this.deps.questions.setMeToo(question.id, viewer.ref, on, this.now());
    // Already authorized above: read it again without asking the permission backend twice.
    return this.view(await this.reload(question.id), entry, viewer);
  }

  /** Every state of a question and of its replies: for moderators only. */
  async history(
    id: string,
    ctx: CallContext,
  ): Promise<{
    question: DialogueRevision[];
    answers: Record<string, DialogueRevision[]>;
  }> {
    const { question } = await this.visible(id, ctx);
    await this.deps.authorizer.assertBasic(
      questionModeratePermission,
      ctx.credentials,
    );
    const answers: Record<string, DialogueRevision[]> = {};
    for (const answer of question.answers) {
      answers[answer.id] = await this.deps.questions.listRevisions(
        'answer',
        answer.id,
      );
    }
    return {
      question: await this.deps.questions.listRevisions('question', id),
      answers,
    };
  }

  /** The question as this viewer may see it: an anonymous asker stays unnamed. */
  private view(q: StoredQuestion, entry: Entry, viewer: Viewer): Question {
    const mine = q.askedBy === viewer.ref;
    const named = !q.anonymous || mine || viewer.moderator;
    const faqItem = entry.faq.find(f => f.fromQuestion === q.id);
    return {
      id: q.id,
      entryId: q.entryId,
      entrySlug: entry.slug,
      title: q.title,
      body: q.body,
      anonymous: q.anonymous,
      ...(named ? { askedBy: q.askedBy } : {}),
      mine,
      status: q.resolvedAnswerId ? 'resolved' : 'open',
      ...(q.resolvedAnswerId
        ? {
            resolvedAnswerId: q.resolvedAnswerId,
            resolvedAt: q.resolvedAt,
            // The asker who settled their own question stays unnamed too.
            ...(named || q.resolvedBy !== q.askedBy
              ? { resolvedBy: q.resolvedBy }
              : {}),
          }
        : {}),
      ...(faqItem ? { faqId: faqItem.id } : {}),
      meToo: { count: q.meToo.length, mine: q.meToo.includes(viewer.ref) },
      answers: q.answers
        .filter(a => viewer.moderator || !a.deletedAt)
        .map(a => this.answerView(a, q, viewer)),
      version: q.version,
      createdAt: q.createdAt,
      updatedAt: q.updatedAt,
      ...(q.deletedAt ? { deletedAt: q.deletedAt } : {}),
    };
  }

  private answerView(
    a: StoredAnswer,
    q: StoredQuestion,
    viewer: Viewer,
  ): Answer {
    const byAsker = a.author === q.askedBy;
    const named =
      !byAsker || !q.anonymous || q.askedBy === viewer.ref || viewer.moderator;
    return {
      id: a.id,
      questionId: a.questionId,
      kind: a.kind,
      body: a.body,
      ...(named ? { author: a.author } : {}),
      byAsker,
      version: a.version,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      ...(a.deletedAt ? { deletedAt: a.deletedAt } : {}),
    };
  }

  private async viewer(ctx: CallContext): Promise<Viewer> {
    return {
      ref: ctx.credentials.principal.userEntityRef,
      moderator: await this.deps.authorizer.has(
        questionModeratePermission,
        ctx.credentials,
      ),
    };
  }

  /** A question the caller may see: on an entry they may read, deleted only for HR. */
  private async visible(id: string, ctx: CallContext) {
    const question = await this.deps.questions.getQuestion(id);
    if (!question) throw new NotFoundError(`No question '${id}'`);
    const entry = await readableEntry(
      this.deps,
      question.entryId,
      ctx.credentials,
    ).catch(() => {
      throw new NotFoundError(`No question '${id}'`);
    });
    const viewer = await this.viewer(ctx);
    if (question.deletedAt && !viewer.moderator) {
      throw new NotFoundError(`No question '${id}'`);
    }
    return { question, entry, viewer };
  }

  private async visibleReply(answerId: string, ctx: CallContext) {
    const owner = await this.deps.questions.getQuestionOfAnswer(answerId);
    if (!owner) throw new NotFoundError(`No answer '${answerId}'`);
    const { question, entry, viewer } = await this.visible(owner.id, ctx);
    const answer = question.answers.find(a => a.id === answerId);
    if (!answer || (answer.deletedAt && !viewer.moderator)) {
      throw new NotFoundError(`No answer '${answerId}'`);
    }
    return { question, entry, viewer, answer };
  }

  /** The question as stored after a change the caller just made. */
  private async reload(id: string): Promise<StoredQuestion> {
    const question = await this.deps.questions.getQuestion(id);
    if (!question) throw new NotFoundError(`No question '${id}'`);
    return question;
  }

  /** A deleted question (which only moderators see) takes no replies, marks or resolution. */
  private assertNotDeleted(question: StoredQuestion) {
    if (question.deletedAt) {
      throw new InputError(
        'The question was deleted; bring it back before acting on it',
      );
    }
  }

  private async assertNotFlooding(ctx: CallContext) {
    const limit = this.deps.postsPerMinute;
    const since = new Date(
      (this.deps.now?.() ?? new Date()).getTime() - 60_000,
    ).toISOString();
    const posted = await this.deps.questions.countPostsSince(
      ctx.credentials.principal.userEntityRef,
      since,
    );
    if (posted >= limit) {
      throw new TooManyRequestsError(
        `You posted ${posted} questions, answers and comments in the last minute; the limit is ${limit}. Please wait a moment and send it again.`,
      );
    }
  }

  /**
   * One notification per question and person: later events on the question update it
   * (the scope) instead of adding another. It never names an anonymous asker.
   */
  private async notify(options: {
    recipients: string[];
    exclude: string;
    question: StoredQuestion;
    entry: Entry;
    title: string;
  }) {
    await notifyOnce(this.deps, {
      recipients: options.recipients,
      exclude: options.exclude,
      title: options.title,
      description: options.question.title,
      link: `/city-hall-year/entries/${encodeURIComponent(
        options.entry.slug,
      )}#question-${options.question.id}`,
      topic: 'city-hall-year-questions',
      scope: `city-hall-year:question:${options.question.id}`,
      about: `question ${options.question.id}`,
    });
  }

  private change(ctx: CallContext) {
    return {
      actor: ctx.credentials.principal.userEntityRef,
      at: this.now(),
    };
  }

  private now(): string {
    return (this.deps.now?.() ?? new Date()).toISOString();
  }

  /**
   * Runs a change with its audit event; once it is done, tells the readers of the
   * entry's page (through the signals service) that its dialogue changed. The signal
   * names only the entry and the event: each page reads again what its reader may see.
   */
  private async audited<T>(
    eventId: string,
    ctx: CallContext,
    meta: { entryId: string } & Record<string, string>,
    change: () => Promise<T>,
  ): Promise<T> {
    const result = await audited(
      this.deps.auditor,
      { eventId, ctx, meta },
      change,
    );
    await publishDialogueSignal(this.deps, meta.entryId, eventId);
    return result;
  }
}
