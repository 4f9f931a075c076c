import type { Knex } from 'knex';
import type { ReaderStore } from './ReaderStore';

const LAST_SEEN = 'city_hall_year_last_seen';
const REMINDERS = 'city_hall_year_reminders';

/** Knex implementation of {@link ReaderStore}. */
export class DatabaseReaderStore implements ReaderStore {
  constructor(private readonly db: Knex) {}

  async getLastSeen(userRef: string): Promise<string | undefined> {
    const row = await this.db(LAST_SEEN).where({ user_ref: userRef }).first();
    return row?.seen_at;
  }

  async setLastSeen(userRef: string, at: string): Promise<void> {
    await this.db(LAST_SEEN)
      .insert({ user_ref: userRef, seen_at: at })
      .onConflict('user_ref')
      .merge(['seen_at']);
  }

  async claimReminder(
    key: string,
    recipient: string,
    at: string,
  ): Promise<boolean> {
    const inserted = await this.db(REMINDERS)
      .insert({ reminder_key: key, recipient, sent_at: at })
      .onConflict('reminder_key')
      .ignore()
      .returning('reminder_key');
    return inserted.length === 1;
  }

  async releaseReminder(key: string): Promise<void> {
    await this.db(REMINDERS).where({ reminder_key: key }).delete();
  }
}
