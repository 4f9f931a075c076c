import type {
  ClarityAnswer,
  ClarityAudience,
  ClarityCounts,
  ClarityReason,
  ClarityReasonCounts,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/** A reader's answer as given: what it says, for which entry and fiscal year. */
export interface ClarityFields {
  clear: boolean;
  reasons: ClarityReason[];
  comment?: string;
}

/**
 * Storage of the "still unclear" signal. Every answer is kept; a reader's newer
 * answer supersedes the one before. Counts are computed in SQL, for a moment: the
 * answers current then (given before it, not yet superseded).
 */
export interface ClarityStore {
  /**
   * Records a reader's answer, superseding the one before, in one transaction, with
   * whether the reader was new staff (joined in the fiscal year) when answering.
   */
  answer(
    entryId: string,
    userRef: string,
    fiscalYear: number,
    fields: ClarityFields,
    at: string,
    reader?: { newStaff: boolean },
  ): Promise<void>;

  /** The reader's current answer. */
  current(
    entryId: string,
    userRef: string,
    fiscalYear: number,
  ): Promise<ClarityAnswer | undefined>;

  /**
   * Per entry, the readers and the still-unclear among them as answers stood at each
   * moment (`at`), for the given entries (all when undefined).
   */
  countsAt(
    fiscalYear: number,
    moments: string[],
    entryIds?: string[],
  ): Promise<Map<string, ClarityCounts[]>>;

  /**
   * The same counts in the same one pass, for everyone and for the readers who were
   * new staff when they answered (only entries some of them answered).
   */
  countsByAudienceAt(
    fiscalYear: number,
    moments: string[],
    entryIds?: string[],
  ): Promise<Record<ClarityAudience, Map<string, ClarityCounts[]>>>;

  /** Per entry, how many current "still unclear" answers gave each reason. */
  reasonCounts(
    fiscalYear: number,
    entryIds: string[],
  ): Promise<Map<string, ClarityReasonCounts>>;

  /**
   * Per entry (of at most a course's steps), how many of the given readers' current
   * answers are still unclear; entries without such answers are left out.
   */
  unclearAmong(
    fiscalYear: number,
    entryIds: string[],
    userRefs: string[],
  ): Promise<Map<string, number>>;

  /** The comments of current "still unclear" answers on an entry, newest first. */
  comments(
    entryId: string,
    fiscalYear: number,
    limit: number,
  ): Promise<
    Array<{ comment: string; reasons: ClarityReason[]; answeredAt: string }>
  >;
}
