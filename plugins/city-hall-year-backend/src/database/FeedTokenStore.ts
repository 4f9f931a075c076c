import type { FeedToken } from '@city-hall-year/backstage-plugin-city-hall-year-common';

/** Storage of calendar feed tokens. Only a hash of each secret is kept. */
export interface FeedTokenStore {
  /** Stores a new token for a user. */
  createToken(token: {
    id: string;
    userRef: string;
    tokenHash: string;
    label: string;
    createdAt: string;
  }): Promise<void>;

  /** The user's live tokens, newest first. */
  listTokens(userRef: string): Promise<FeedToken[]>;

  /** Revokes one of the user's tokens; resolves to whether there was such a live token. */
  revokeToken(userRef: string, id: string, at: string): Promise<boolean>;

  /** The user a live token belongs to, recording its use. */
  useToken(tokenHash: string, at: string): Promise<string | undefined>;
}
