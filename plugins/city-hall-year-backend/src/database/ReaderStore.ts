/**
 * What the plugin remembers about people rather than entries: when each reader last
 * looked at the year, and which reminders went out to whom.
 */
export interface ReaderStore {
  /** When the user last marked the year as seen. */
  getLastSeen(userRef: string): Promise<string | undefined>;

  /** Remembers when the user last marked the year as seen. */
  setLastSeen(userRef: string, at: string): Promise<void>;

  /**
   * Claims a reminder before it is sent: resolves to true for exactly one caller per
   * key, however many replicas try at once.
   */
  claimReminder(key: string, recipient: string, at: string): Promise<boolean>;

  /** Gives a claim back when sending failed, so that the next run retries it. */
  releaseReminder(key: string): Promise<void>;
}
