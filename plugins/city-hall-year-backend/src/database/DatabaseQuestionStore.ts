import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  AnswerKind,
  QuestionStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import type { ChangeContext } from './EntryStore';
import { slices } from './slices';
import type {
  DialogueRevision,
  QuestionFields,
  QuestionStore,
  StoredAnswer,
  StoredPost,
  StoredQuestion,
} from './QuestionStore';

const QUESTIONS = 'city_hall_year_questions';
const ANSWERS = 'city_hall_year_answers';
const ME_TOO = 'city_hall_year_question_me_too';
const REVISIONS = 'city_hall_year_dialogue_revisions';

/** The columns every question and reply has (the migration's `versioned`). */
interface PostRow {
  id: string;
  version: number;
  created_at: string;
  updated_by: string;
  updated_at: string;
  deleted_by: string | null;
  deleted_at: string | null;
}

interface QuestionRow extends PostRow {
  entry_id: string;
  title: string;
  body: string;
  asked_by: string;
  anonymous: boolean | number;
  resolved_answer_id: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}

interface AnswerRow extends PostRow {
  question_id: string;
  kind: AnswerKind;
  body: string;
  author: string;
}

const optional = (value: string | null) => value ?? undefined;

function rowToPost(row: PostRow): StoredPost {
  return {
    id: row.id,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    deletedBy: optional(row.deleted_by),
    deletedAt: optional(row.deleted_at),
  };
}

function rowToAnswer(row: AnswerRow): StoredAnswer {
  return {
    ...rowToPost(row),
    questionId: row.question_id,
    kind: row.kind,
    body: row.body,
    author: row.author,
  };
}

function rowToQuestion(
  row: QuestionRow,
  answers: StoredAnswer[],
  meToo: string[],
): StoredQuestion {
  return {
    ...rowToPost(row),
    entryId: row.entry_id,
    title: row.title,
    body: row.body,
    askedBy: row.asked_by,
    anonymous: Boolean(row.anonymous),
    resolvedAnswerId: optional(row.resolved_answer_id),
    resolvedBy: optional(row.resolved_by),
    resolvedAt: optional(row.resolved_at),
    answers,
    meToo,
  };
}

/** The row as it is after a change, for the history (which only moderators read). */
const stateOf = (row: QuestionRow | AnswerRow) => JSON.stringify(row);

/** The columns of a question or a reply as it is first written. */
function firstVersion(change: ChangeContext) {
  return {
    version: 1,
    created_at: change.at,
    updated_by: change.actor,
    updated_at: change.at,
    deleted_by: null,
    deleted_at: null,
  };
}

/** Knex implementation of {@link QuestionStore}. */
export class DatabaseQuestionStore implements QuestionStore {
  constructor(private readonly db: Knex) {}

  async listQuestions(
    entryId: string,
    options: {
      includeDeleted: boolean;
      limit: number;
      offset?: number;
      status?: QuestionStatus;
    },
  ): Promise<StoredQuestion[]> {
    const query = this.db<QuestionRow>(QUESTIONS)
      .where({ entry_id: entryId })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit)
      .offset(options.offset ?? 0);
    if (!options.includeDeleted) query.whereNull('deleted_at');
    if (options.status === 'open') query.whereNull('resolved_answer_id');
    if (options.status === 'resolved') query.whereNotNull('resolved_answer_id');
    return this.withReplies(this.db, await query);
  }

  async countQuestions(
    entryId: string,
    options: { includeDeleted: boolean },
  ): Promise<Record<QuestionStatus, number>> {
    const query = this.db<QuestionRow>(QUESTIONS)
      .where({ entry_id: entryId })
      .count({ all: '*' })
      .count({ resolved: 'resolved_answer_id' });
    if (!options.includeDeleted) query.whereNull('deleted_at');
    const [row] = (await query) as Array<{ all: unknown; resolved: unknown }>;
    const all = Number(row?.all ?? 0);
    const resolved = Number(row?.resolved ?? 0);
    return { open: all - resolved, resolved };
  }

  async openQuestionCounts(entryIds: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    for (const slice of slices(entryIds)) {
      const rows = (await this.db<QuestionRow>(QUESTIONS)
        .whereIn('entry_id', slice)
        .whereNull('deleted_at')
        .whereNull('resolved_answer_id')
        .groupBy('entry_id')
        .select('entry_id')
        .count({ n: '*' })) as Array<{ entry_id: string; n: unknown }>;
      for (const row of rows) result.set(row.entry_id, Number(row.n));
    }
    return result;
  }

  async getQuestion(id: string): Promise<StoredQuestion | undefined> {
    return this.load(this.db, id);
  }

  async getQuestionOfAnswer(
    answerId: string,
  ): Promise<StoredQuestion | undefined> {
    const answer = await this.db<AnswerRow>(ANSWERS)
      .where({ id: answerId })
      .first('question_id');
    return answer ? this.load(this.db, answer.question_id) : undefined;
  }

  async createQuestion(
    entryId: string,
    fields: QuestionFields,
    change: ChangeContext,
  ): Promise<StoredQuestion> {
    const row: QuestionRow = {
      id: randomUUID(),
      entry_id: entryId,
      title: fields.title,
      body: fields.body,
      asked_by: change.actor,
      anonymous: fields.anonymous,
      resolved_answer_id: null,
      resolved_by: null,
      resolved_at: null,
      ...firstVersion(change),
    };
    await this.insert('question', row, change);
    return rowToQuestion(row, [], []);
  }

  async updateQuestion(
    id: string,
    fields: QuestionFields,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<StoredQuestion> {
    return this.changeQuestion(id, expectedVersion, change, 'update', {
      title: fields.title,
      body: fields.body,
      anonymous: fields.anonymous,
    });
  }

  async resolveQuestion(
    id: string,
    answerId: string,
    change: ChangeContext,
  ): Promise<StoredQuestion> {
    // Resolving acts on the question as it is: no version, but one at a time.
    const current = await this.load(this.db, id);
    if (!current) throw new NotFoundError(`No question '${id}'`);
    return this.changeQuestion(id, current.version, change, 'resolve', {
      resolved_answer_id: answerId,
      resolved_by: change.actor,
      resolved_at: change.at,
    });
  }

  async addAnswer(
    questionId: string,
    kind: AnswerKind,
    body: string,
    change: ChangeContext,
  ): Promise<StoredAnswer> {
    const row: AnswerRow = {
      id: randomUUID(),
      question_id: questionId,
      kind,
      body,
      author: change.actor,
      ...firstVersion(change),
    };
    await this.insert('answer', row, change);
    return rowToAnswer(row);
  }

  async updateAnswer(
    id: string,
    body: string,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<StoredAnswer> {
    return this.changeAnswer(id, expectedVersion, change, 'update', { body });
  }

  async setDeleted(
    kind: 'question' | 'answer',
    id: string,
    deleted: boolean,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<void> {
    await this.db.transaction(tx =>
      this.changeRow(
        tx,
        kind,
        id,
        expectedVersion,
        change,
        deleted ? 'delete' : 'restore',
        {
          deleted_by: deleted ? change.actor : null,
          deleted_at: deleted ? change.at : null,
        },
      ),
    );
  }

  async setMeToo(
    questionId: string,
    userRef: string,
    on: boolean,
    at: string,
  ): Promise<void> {
    if (on) {
      await this.db(ME_TOO)
        .insert({ question_id: questionId, user_ref: userRef, created_at: at })
        .onConflict(['question_id', 'user_ref'])
        .ignore();
    } else {
      await this.db(ME_TOO)
        .where({ question_id: questionId, user_ref: userRef })
        .delete();
    }
  }

  async countPostsSince(userRef: string, since: string): Promise<number> {
    const count = async (table: string, column: string) => {
      const [{ n }] = await this.db(table)
        .where(column, userRef)
        .andWhere('created_at', '>=', since)
        .count({ n: '*' });
      return Number(n);
    };
    return (
      (await count(QUESTIONS, 'asked_by')) + (await count(ANSWERS, 'author'))
    );
  }

  async listRevisions(
    kind: 'question' | 'answer',
    id: string,
  ): Promise<DialogueRevision[]> {
    const rows = await this.db(REVISIONS)
      .where({ subject_kind: kind, subject_id: id })
      .orderBy('version');
    return rows.map(row => ({
      version: Number(row.version),
      action: row.action,
      actor: row.actor,
      at: row.at,
      data: JSON.parse(row.data),
    }));
  }

  private async changeQuestion(
    id: string,
    expectedVersion: number,
    change: ChangeContext,
    action: string,
    values: Partial<QuestionRow>,
  ): Promise<StoredQuestion> {
    return this.db.transaction(async tx => {
      await this.changeRow(
        tx,
        'question',
        id,
        expectedVersion,
        change,
        action,
        values,
      );
      return (await this.load(tx, id))!;
    });
  }

  private async changeAnswer(
    id: string,
    expectedVersion: number,
    change: ChangeContext,
    action: string,
    values: Partial<AnswerRow>,
  ): Promise<StoredAnswer> {
    return this.db.transaction(async tx =>
      rowToAnswer(
        await this.changeRow<AnswerRow>(
          tx,
          'answer',
          id,
          expectedVersion,
          change,
          action,
          values,
        ),
      ),
    );
  }

  /**
   * Changes a question or an answer if it is still at the expected version, and
   * writes its new state to the history, in the caller's transaction.
   */
  private async changeRow<R extends QuestionRow | AnswerRow>(
    tx: Knex.Transaction,
    kind: 'question' | 'answer',
    id: string,
    expectedVersion: number,
    change: ChangeContext,
    action: string,
    values: Partial<R>,
  ): Promise<R> {
    const table = kind === 'question' ? QUESTIONS : ANSWERS;
    const current: R | undefined = await tx(table).where({ id }).first();
    if (!current) throw new NotFoundError(`No ${kind} '${id}'`);
    const updated = await tx(table)
      .where({ id, version: expectedVersion })
      .update({
        ...values,
        version: expectedVersion + 1,
        updated_by: change.actor,
        updated_at: change.at,
      });
    if (updated !== 1) {
      throw new ConflictError(
        `The ${kind} is at version ${current.version}, not ${expectedVersion}: it was changed meanwhile`,
      );
    }
    const row: R = await tx(table).where({ id }).first();
    await this.record(tx, kind, row, action, change);
    return row;
  }

  /** Writes a new question or reply and its first state in the history, together. */
  private async insert(
    kind: 'question' | 'answer',
    row: QuestionRow | AnswerRow,
    change: ChangeContext,
  ) {
    await this.db.transaction(async tx => {
      await tx(kind === 'question' ? QUESTIONS : ANSWERS).insert(row);
      await this.record(tx, kind, row, 'create', change);
    });
  }

  private async record(
    tx: Knex.Transaction,
    kind: 'question' | 'answer',
    row: QuestionRow | AnswerRow,
    action: string,
    change: ChangeContext,
  ) {
    await tx(REVISIONS).insert({
      subject_kind: kind,
      subject_id: row.id,
      version: Number(row.version),
      action,
      data: stateOf(row),
      actor: change.actor,
      at: change.at,
    });
  }

  private async load(
    db: Knex,
    id: string,
  ): Promise<StoredQuestion | undefined> {
    const row = await db<QuestionRow>(QUESTIONS).where({ id }).first();
    if (!row) return undefined;
    const [question] = await this.withReplies(db, [row]);
    return question;
  }

  private async withReplies(
    db: Knex,
    rows: QuestionRow[],
  ): Promise<StoredQuestion[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const answers = new Map<string, StoredAnswer[]>();
    const marks = new Map<string, string[]>();
    for (const slice of slices(ids)) {
      const answerRows = await db<AnswerRow>(ANSWERS)
        .whereIn('question_id', slice)
        .orderBy([{ column: 'created_at' }, { column: 'id' }]);
      for (const a of answerRows) {
        const list = answers.get(a.question_id) ?? [];
        list.push(rowToAnswer(a));
        answers.set(a.question_id, list);
      }
      const markRows = await db(ME_TOO)
        .whereIn('question_id', slice)
        .select('question_id', 'user_ref');
      for (const m of markRows) {
        const list = marks.get(m.question_id) ?? [];
        list.push(m.user_ref);
        marks.set(m.question_id, list);
      }
    }
    return rows.map(r =>
      rowToQuestion(r, answers.get(r.id) ?? [], marks.get(r.id) ?? []),
    );
  }
}
