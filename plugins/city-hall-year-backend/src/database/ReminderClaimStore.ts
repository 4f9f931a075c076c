/** Which reminders went out to whom: each is claimed once before it is sent. */
export interface ReminderClaimStore {
  /**
   * Claims a reminder before it is sent: resolves to true for exactly one caller per
   * key, however many replicas try at once.
   */
  claimReminder(key: string, recipient: string, at: string): Promise<boolean>;

  /** Gives a claim back when sending failed, so that the next run retries it. */
  releaseReminder(key: string): Promise<void>;
}
