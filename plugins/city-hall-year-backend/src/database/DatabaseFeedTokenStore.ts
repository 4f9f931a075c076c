import type { FeedToken } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { Knex } from 'knex';
import type { FeedTokenStore } from './FeedTokenStore';

const TOKENS = 'city_hall_year_feed_tokens';

interface FeedTokenRow {
  id: string;
  user_ref: string;
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Knex implementation of {@link FeedTokenStore}. */
export class DatabaseFeedTokenStore implements FeedTokenStore {
  constructor(private readonly db: Knex) {}

  async createToken(token: {
    id: string;
    userRef: string;
    tokenHash: string;
    label: string;
    createdAt: string;
  }): Promise<void> {
    await this.db<FeedTokenRow>(TOKENS).insert({
      id: token.id,
      user_ref: token.userRef,
      token_hash: token.tokenHash,
      label: token.label,
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
    });
  }

  async listTokens(userRef: string): Promise<FeedToken[]> {
    const rows = await this.db<FeedTokenRow>(TOKENS)
      .where({ user_ref: userRef })
      .whereNull('revoked_at')
      .orderBy('created_at', 'desc');
    return rows.map(row => ({
      id: row.id,
      label: row.label,
      createdAt: row.created_at,
      ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
    }));
  }

  async revokeToken(userRef: string, id: string, at: string): Promise<boolean> {
    const updated = await this.db<FeedTokenRow>(TOKENS)
      .where({ id, user_ref: userRef })
      .whereNull('revoked_at')
      .update({ revoked_at: at });
    return updated === 1;
  }

  async useToken(tokenHash: string, at: string): Promise<string | undefined> {
    const row = await this.db<FeedTokenRow>(TOKENS)
      .where({ token_hash: tokenHash })
      .whereNull('revoked_at')
      .first();
    if (!row) return undefined;
    // Recorded at most once a minute: calendar apps poll, and a read needs no write lock.
    if (
      !row.last_used_at ||
      row.last_used_at.slice(0, 16) !== at.slice(0, 16)
    ) {
      await this.db<FeedTokenRow>(TOKENS)
        .where({ id: row.id })
        .update({ last_used_at: at });
    }
    return row.user_ref;
  }
}
