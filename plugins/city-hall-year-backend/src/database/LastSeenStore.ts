/** When each reader last marked the year as seen ("changed since you last looked"). */
export interface LastSeenStore {
  /** When the user last marked the year as seen. */
  getLastSeen(userRef: string): Promise<string | undefined>;

  /** Remembers when the user last marked the year as seen. */
  setLastSeen(userRef: string, at: string): Promise<void>;
}
