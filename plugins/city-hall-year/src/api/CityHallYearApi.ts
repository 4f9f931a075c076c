import { createApiRef } from '@backstage/core-plugin-api';
import type {
  Answer,
  AnswerKind,
  ChangesSince,
  ClarityInput,
  ClarityOverview,
  ConfirmationOverview,
  ContentUpdateList,
  Course,
  CourseBacklink,
  CourseInput,
  CourseProgress,
  CourseProgressSummary,
  CourseView,
  CreatedFeedToken,
  Entry,
  EntryInput,
  EntryClarity,
  FaqInput,
  FaqItemResult,
  FaqList,
  EntryPage,
  EntryRevision,
  EntryRevisionSummary,
  FeedToken,
  HandoverReport,
  ImportExportFormat,
  ImportReport,
  Idea,
  IdeaInput,
  IdeaList,
  IdeaListQuery,
  IdeaStatusInput,
  Proposal,
  ProposalInput,
  ProposalList,
  ProposalListQuery,
  ProposalStatus,
  Question,
  QuestionInput,
  QuestionList,
  QuestionListQuery,
  YearView,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/**
 * How far an import has come: the file is sent, then the server checks (and writes) it.
 *
 * @public
 */
export type ImportProgress =
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'checking' };

/**
 * What {@link CityHallYearApi.importEntries} sends.
 *
 * @public
 */
export interface ImportRequest {
  format: ImportExportFormat;
  /** The file's text (YAML or CSV, UTF-8, with or without BOM). */
  content: string;
  dryRun: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * An apply that was refused because rows have errors: the report says which rows and
 * columns, and nothing was written.
 *
 * @public
 */
export class ImportRefusedError extends Error {
  constructor(message: string, readonly report: ImportReport) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/**
 * Filters of {@link CityHallYearApi.listEntries}; lists are sent comma-separated.
 *
 * @public
 */
export interface ListEntriesRequest {
  cycle?: string[];
  owner?: string[];
  q?: string;
  fiscalYear?: number;
  month?: number;
  offset?: number;
  limit?: number;
}

/**
 * What a calendar feed holds; nothing chosen means every published entry.
 *
 * @public
 */
export interface FeedSelection {
  /** Only the steps of the token holder's own year (あなたの一年). */
  mine?: boolean;
  owner?: string;
  cycle?: string;
  course?: string;
  entry?: string;
}

/**
 * Client of the City Hall Year backend.
 *
 * @public
 */
export interface CityHallYearApi {
  /** Every published occurrence of a fiscal year, sorted, for the year views. */
  getYear(fiscalYear: number): Promise<YearView>;
  /**
   * The signed-in person's own year (あなたの一年): the steps that are theirs, each
   * with why (`mine`), and whether they are a new hire of the fiscal year.
   */
  getMyYear(fiscalYear: number): Promise<YearView>;
  /** A page of published entries. */
  listEntries(request?: ListEntriesRequest): Promise<EntryPage>;
  /** One entry by slug or id. */
  getEntry(idOrSlug: string): Promise<Entry>;
  /** Creates an entry; the server sets who and when from the signed-in user. */
  createEntry(fields: EntryInput): Promise<Entry>;
  /**
   * Replaces an entry's editable fields. Rejects with a 409 `ResponseError` when the
   * entry changed since `version`: nothing was written, the caller merges and retries.
   */
  updateEntry(id: string, fields: EntryInput, version: number): Promise<Entry>;
  /** Confirms the entry for the current fiscal year. */
  confirmEntry(id: string, version: number): Promise<Entry>;
  /** The entry's revisions, newest first. */
  listRevisions(id: string): Promise<EntryRevisionSummary[]>;
  /** One revision with the whole entry as it was. */
  getRevision(id: string, revision: number): Promise<EntryRevision>;
  /** Brings a revision's content back as a new revision. */
  restoreRevision(
    id: string,
    revision: number,
    version: number,
  ): Promise<Entry>;
  /** The readable entries matching the filters, as a YAML or CSV file. */
  exportEntries(
    format: ImportExportFormat,
    filters?: Pick<ListEntriesRequest, 'cycle' | 'owner' | 'q'>,
  ): Promise<Blob>;
  /**
   * Imports a file: a dry run reports per row what would happen; an apply writes all
   * rows or none (then rejects with {@link ImportRefusedError}).
   */
  importEntries(request: ImportRequest): Promise<ImportReport>;

  /** Every course. */
  listCourses(): Promise<Course[]>;
  /** A course with its steps resolved for a fiscal year (the current one by default). */
  getCourse(slug: string, fiscalYear?: number): Promise<CourseView>;
  /** Creates a course (HR editors). */
  createCourse(fields: CourseInput): Promise<Course>;
  /** Replaces a course; a 409 `ResponseError` when it changed since `version`. */
  updateCourse(
    slug: string,
    fields: CourseInput,
    version: number,
  ): Promise<Course>;
  /** Deletes a course. */
  deleteCourse(slug: string, version: number): Promise<void>;
  /** The courses that use an entry, with the step. */
  listEntryCourses(entrySlug: string): Promise<CourseBacklink[]>;
  /** The courses the signed-in user started, unfinished first (受講状況). */
  listMyCourseProgress(): Promise<CourseProgress[]>;
  /** The signed-in user's progress through a course. */
  getCourseProgress(slug: string): Promise<CourseProgress>;
  /** Marks a step (by its position, 1 for the first) done or not done. */
  markCourseStep(
    slug: string,
    position: number,
    done: boolean,
  ): Promise<CourseProgress>;
  /** HR's summary of a course's learners in a fiscal year (HR editors). */
  getCourseProgressSummary(
    slug: string,
    fiscalYear?: number,
  ): Promise<CourseProgressSummary>;

  /** The signed-in user's calendar feed tokens. */
  listFeedTokens(): Promise<FeedToken[]>;
  /** Creates a feed token; its secret is returned this once. */
  createFeedToken(label: string): Promise<CreatedFeedToken>;
  /** Revokes a feed token: calendars using it get 401 from then on. */
  revokeFeedToken(id: string): Promise<void>;
  /** The address a calendar app subscribes to. */
  feedUrl(token: string, selection?: FeedSelection): Promise<string>;

  /** Entries whose owner left the catalog (HR). */
  getHandover(): Promise<HandoverReport>;
  /** Gives entries to new owners, all or nothing (HR). */
  handOver(
    moves: Array<{ entry: string; version: number; owner: string }>,
  ): Promise<Entry[]>;
  /** How far each department confirmed its entries for a fiscal year (HR). */
  getConfirmations(fiscalYear: number): Promise<ConfirmationOverview>;
  /**
   * What the versioned updates of the shipped content did here: what they added and
   * corrected, and what they left as departments had edited it (HR).
   */
  getContentUpdates(): Promise<ContentUpdateList>;

  /** What others changed since the signed-in user last marked the year as seen. */
  getChangesSince(): Promise<ChangesSince>;
  /** Marks the year as seen now (or at `at`). */
  markSeen(at?: string): Promise<{ lastSeenAt: string }>;

  /**
   * A page of the questions on an entry (newest first; all, or the open or resolved
   * ones), and what the signed-in user may do with them.
   */
  listQuestions(
    entrySlug: string,
    query?: QuestionListQuery,
  ): Promise<QuestionList>;
  /** One question, as the signed-in user may see it. */
  getQuestion(questionId: string): Promise<Question>;
  /** Asks the department that owns the entry. */
  askQuestion(entrySlug: string, input: QuestionInput): Promise<Question>;
  /** An answer (the entry's owners, HR) or a comment (any reader). */
  replyToQuestion(
    questionId: string,
    kind: AnswerKind,
    body: string,
  ): Promise<Answer>;
  /** Marks the answer that settled the question. */
  resolveQuestion(questionId: string, answerId: string): Promise<Question>;
  /** Says (or takes back) 「同じ疑問」. */
  setMeToo(questionId: string, on: boolean): Promise<Question>;
  /** Deletes one's own question (softly; HR can bring it back). */
  deleteQuestion(questionId: string, version: number): Promise<Question>;

  /** Adds an item to the end of an entry's FAQ (from a resolved question, or written directly). */
  addFaqItem(entrySlug: string, input: FaqInput): Promise<FaqItemResult>;
  /** Rewords a FAQ item; `version` is the entry's (409 when it changed meanwhile). */
  updateFaqItem(
    entrySlug: string,
    faqId: string,
    input: FaqInput,
    version: number,
  ): Promise<FaqItemResult>;
  /** Takes an item out of the FAQ (the entry's history keeps it). */
  deleteFaqItem(
    entrySlug: string,
    faqId: string,
    version: number,
  ): Promise<FaqList>;

  /** The change proposals of an entry, newest first, and whether the caller may propose or review. */
  listEntryProposals(
    entrySlug: string,
    query?: { status?: ProposalStatus },
  ): Promise<ProposalList>;
  /** Proposals across the city: a Group's (レビュー待ち), the caller's own (`mine`), in a status. */
  listProposals(query: ProposalListQuery): Promise<ProposalList>;
  getProposal(proposalId: string): Promise<Proposal>;
  /** Proposes a change to a published entry, for its owners to review. */
  createProposal(entrySlug: string, input: ProposalInput): Promise<Proposal>;
  /** The proposer rewrites an open proposal, or one sent back for changes. */
  reviseProposal(
    proposalId: string,
    input: ProposalInput,
    version: number,
  ): Promise<Proposal>;
  withdrawProposal(proposalId: string, version: number): Promise<Proposal>;
  /**
   * Accepts a proposal: as proposed (no `merge`), or with the fields the reviewer chose
   * over the entry at `entryVersion` (409 when the entry changed meanwhile).
   */
  acceptProposal(
    proposalId: string,
    version: number,
    merge?: { fields: EntryInput; entryVersion: number },
  ): Promise<Proposal>;
  /** Declines a proposal, or sends it back for changes, with what the proposer reads. */
  reviewProposal(
    proposalId: string,
    decision: 'decline' | 'request-changes',
    comment: string,
    version: number,
  ): Promise<Proposal>;

  /** The process-review ideas of an entry, newest first, with their answers. */
  listEntryIdeas(entrySlug: string): Promise<IdeaList>;
  /** Says a step could be simpler, done differently or stopped, and why. */
  submitIdea(entrySlug: string, input: IdeaInput): Promise<Idea>;
  /** Ideas across the city, with counts per department and status. */
  listIdeas(query: Omit<IdeaListQuery, 'format'>): Promise<IdeaList>;
  /** {@link CityHallYearApi.listIdeas} as a CSV file. */
  exportIdeas(query: Omit<IdeaListQuery, 'format'>): Promise<Blob>;
  /** The review office's status and public answer, on the idea's version. */
  setIdeaStatus(ideaId: string, input: IdeaStatusInput): Promise<Idea>;

  /** The モヤモヤ指数 of an entry, and the signed-in user's own answer. */
  getClarity(entrySlug: string, fiscalYear?: number): Promise<EntryClarity>;
  /** The signed-in user's わかった / まだモヤモヤする on an entry. */
  answerClarity(entrySlug: string, input: ClarityInput): Promise<EntryClarity>;
  /** The index of every readable entry, or of one owner's. */
  getClarityOverview(options: {
    owner?: string;
    fiscalYear?: number;
  }): Promise<ClarityOverview>;
}

/**
 * API reference of {@link CityHallYearApi}.
 *
 * @public
 */
export const cityHallYearApiRef = createApiRef<CityHallYearApi>({
  id: 'plugin.city-hall-year.api',
});
