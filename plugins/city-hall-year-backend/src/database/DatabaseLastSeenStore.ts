import type { Knex } from 'knex';
import type { LastSeenStore } from './LastSeenStore';

const LAST_SEEN = 'city_hall_year_last_seen';

/** Knex implementation of {@link LastSeenStore}. */
export class DatabaseLastSeenStore implements LastSeenStore {
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
}
