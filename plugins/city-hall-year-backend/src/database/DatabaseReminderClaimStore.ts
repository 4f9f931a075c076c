import type { Knex } from 'knex';
import type { ReminderClaimStore } from './ReminderClaimStore';

const REMINDERS = 'city_hall_year_reminders';

/** Knex implementation of {@link ReminderClaimStore}. */
export class DatabaseReminderClaimStore implements ReminderClaimStore {
  constructor(private readonly db: Knex) {}

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
