/**
 * Limits shared by the API, the editor and imports, so that both sides refuse the same input.
 *
 * @public
 */
export const ENTRY_LIMITS = {
  slugLength: 80,
  titleLength: 120,
  summaryLength: 400,
  markdownLength: 8000,
  lawLength: 100,
  articleLength: 60,
  noteLength: 400,
  urlLength: 2000,
  tagLength: 40,
  listLength: 20,
  legalBasisCount: 10,
  occurrencesPerYear: 12,
  overrideCount: 30,
  maxOffsetDays: 366,
  maxReminderDays: 180,
  /** FAQ items (よくある質問) of one entry. */
  faqCount: 30,
  faqQuestionLength: 300,
} as const;

/**
 * The largest version a write may name: versions are 32-bit integers in the database,
 * and a write stores the version after the one it names.
 *
 * @public
 */
export const MAX_VERSION = 2_147_483_646;

/**
 * Paging of list routes.
 *
 * @public
 */
export const PAGE_LIMITS = {
  defaultLimit: 50,
  maxLimit: 200,
} as const;

/**
 * Limits of courses.
 *
 * @public
 */
export const COURSE_LIMITS = {
  steps: 60,
} as const;

/**
 * Limits of calendar feed tokens.
 *
 * @public
 */
export const FEED_TOKEN_LIMITS = {
  perUser: 20,
  labelLength: 80,
} as const;

/**
 * Limits of questions, answers and comments on entries.
 *
 * @public
 */
export const DIALOGUE_LIMITS = {
  titleLength: 120,
  bodyLength: 5000,
  /** Questions of one entry in a page when the caller names no `limit` (newest first). */
  questionsPerPage: 20,
  /** The most questions a page may ask for. */
  maxQuestionsPerPage: 100,
  /** Questions, answers and comments one person may post a minute, by default. */
  postsPerMinute: 10,
} as const;

/**
 * Limits of change proposals (変更の提案).
 *
 * @public
 */
export const PROPOSAL_LIMITS = {
  /** The reason a proposer gives, and a reviewer's comment or reason to decline. */
  reasonLength: 2000,
  /** Proposals in a page when the caller names no `limit` (newest first). */
  proposalsPerPage: 50,
  /** The most proposals a page may ask for. */
  maxProposalsPerPage: 200,
} as const;

/**
 * Limits of process-review ideas (業務見直しの提案).
 *
 * @public
 */
export const IDEA_LIMITS = {
  bodyLength: 2000,
  answerLength: 2000,
  ideasPerPage: 50,
  maxIdeasPerPage: 500,
} as const;
