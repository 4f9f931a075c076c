import type {
  AnswerKind,
  QuestionStatus,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { ChangeContext } from './EntryStore';

/** What every stored question and reply has: its version, its changes, its deletion. */
export interface StoredPost {
  id: string;
  version: number;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  deletedBy?: string;
  deletedAt?: string;
}

/** A reply as stored: what the API shows, and who changed or hid it. */
export interface StoredAnswer extends StoredPost {
  questionId: string;
  kind: AnswerKind;
  body: string;
  author: string;
}

/** A question as stored, with its replies and 「同じ疑問」 marks. */
export interface StoredQuestion extends StoredPost {
  entryId: string;
  title: string;
  body: string;
  /** Always stored; the service decides who may see it. */
  askedBy: string;
  anonymous: boolean;
  resolvedAnswerId?: string;
  resolvedBy?: string;
  resolvedAt?: string;
  /** Oldest first; hidden replies included (the service filters them). */
  answers: StoredAnswer[];
  /** The people who marked 「同じ疑問」. */
  meToo: string[];
}

/** The fields of a question a person writes. */
export interface QuestionFields {
  title: string;
  body: string;
  anonymous: boolean;
}

/** One earlier state of a question or an answer. */
export interface DialogueRevision {
  version: number;
  action: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

/**
 * Storage of the dialogue on entries: questions, their answers and comments, and
 * 「同じ疑問」 marks. Every change of a question or an answer writes its new state to
 * the history in the same transaction; deleting only marks it deleted.
 */
export interface QuestionStore {
  /**
   * A page of the questions of an entry, newest first, deleted ones too when asked,
   * all or of one status.
   */
  listQuestions(
    entryId: string,
    options: {
      includeDeleted: boolean;
      limit: number;
      offset?: number;
      status?: QuestionStatus;
    },
  ): Promise<StoredQuestion[]>;

  /** How many questions of an entry are open and resolved. */
  countQuestions(
    entryId: string,
    options: { includeDeleted: boolean },
  ): Promise<Record<QuestionStatus, number>>;

  /** Per entry, its open questions that are not deleted (entries with none are left out). */
  openQuestionCounts(entryIds: string[]): Promise<Map<string, number>>;

  getQuestion(id: string): Promise<StoredQuestion | undefined>;

  /** The question an answer belongs to. */
  getQuestionOfAnswer(answerId: string): Promise<StoredQuestion | undefined>;

  createQuestion(
    entryId: string,
    fields: QuestionFields,
    change: ChangeContext,
  ): Promise<StoredQuestion>;

  /** Replaces the asker's fields if the question is still at the expected version. */
  updateQuestion(
    id: string,
    fields: QuestionFields,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<StoredQuestion>;

  /** Marks the question resolved by one of its answers (a new version). */
  resolveQuestion(
    id: string,
    answerId: string,
    change: ChangeContext,
  ): Promise<StoredQuestion>;

  addAnswer(
    questionId: string,
    kind: AnswerKind,
    body: string,
    change: ChangeContext,
  ): Promise<StoredAnswer>;

  updateAnswer(
    id: string,
    body: string,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<StoredAnswer>;

  /** Marks a question or a reply deleted (`deleted: true`) or brings it back, by version. */
  setDeleted(
    kind: 'question' | 'answer',
    id: string,
    deleted: boolean,
    expectedVersion: number,
    change: ChangeContext,
  ): Promise<void>;

  /** Adds (`on`) or removes a person's 「同じ疑問」 mark; marking twice is one mark. */
  setMeToo(
    questionId: string,
    userRef: string,
    on: boolean,
    at: string,
  ): Promise<void>;

  /** How many questions, answers and comments a person posted since a moment. */
  countPostsSince(userRef: string, since: string): Promise<number>;

  /** Every state a question or an answer had, oldest first. */
  listRevisions(
    kind: 'question' | 'answer',
    id: string,
  ): Promise<DialogueRevision[]>;
}
