import type {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  entryCreatePermission,
  entryReadPermission,
  type Entry,
  type EntryFields,
  type EntryPermission,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { LRUCache } from 'lru-cache';
import { entryResourceRef, type EntryQuery } from '../permissions/rules';

type ReadDecision = Awaited<
  ReturnType<PermissionsService['authorizeConditional']>
>[number];

/** What a caller may read: everything, nothing, or what the criteria select (in SQL). */
export type ReadScope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'some'; criteria: PermissionCriteria<EntryQuery> };

/** How long a reader's read decision is reused for the same token. */
const READ_DECISION_TTL_MS = 30_000;
const READ_DECISION_MAX = 10_000;

/**
 * Asks the permission framework about entries. The server always decides: every
 * read and write goes through here, whatever the UI showed.
 */
export class EntryAuthorizer {
  private readonly toQuery;
  private readonly authorizeLoaded;
  private readonly readDecisions = new LRUCache<string, Promise<ReadDecision>>({
    max: READ_DECISION_MAX,
    ttl: READ_DECISION_TTL_MS,
  });

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    const ruleset = registry.getPermissionRuleset(entryResourceRef);
    this.toQuery = createConditionTransformer(ruleset);
    this.authorizeLoaded = createConditionAuthorizer(ruleset);
  }

  /**
   * The read decision for a caller. A user's decision depends only on the claims their
   * token carries and on the policy, so it is reused for the same token (user and
   * expiry) for a few seconds: readers of a busy year page are not each a round trip
   * to the permission backend. Write decisions are never reused.
   */
  private readDecision(
    credentials: BackstageCredentials,
  ): Promise<ReadDecision> {
    const ask = () =>
      this.permissions
        .authorizeConditional([{ permission: entryReadPermission }], {
          credentials,
        })
        .then(([decision]) => decision);
    const principal = credentials.principal as {
      type?: string;
      userEntityRef?: string;
    };
    if (principal.type !== 'user' || !credentials.expiresAt) return ask();
    const key = `${principal.userEntityRef}|${credentials.expiresAt.getTime()}`;
    const memo = this.readDecisions.get(key);
    if (memo) return memo;
    const decision = ask();
    // A failed question is asked again next time, not remembered.
    decision.catch(() => {
      if (this.readDecisions.peek(key) === decision) {
        this.readDecisions.delete(key);
      }
    });
    this.readDecisions.set(key, decision);
    return decision;
  }

  /** Which entries the caller may read, as criteria for the list query. */
  async readScope(credentials: BackstageCredentials): Promise<ReadScope> {
    const decision = await this.readDecision(credentials);
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return { kind: 'some', criteria: this.toQuery(decision.conditions) };
    }
    return decision.result === AuthorizeResult.ALLOW
      ? { kind: 'all' }
      : { kind: 'none' };
  }

  /** Whether the caller may read an entry already loaded. */
  async canRead(
    entry: Entry,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    return this.authorizeLoaded(await this.readDecision(credentials), entry);
  }

  /** Refuses unless the caller may create this entry; see {@link EntryAuthorizer.creatable}. */
  async assertCanCreate(
    fields: Pick<EntryFields, 'owner' | 'status'>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [allowed] = await this.creatable([fields], credentials);
    if (!allowed) {
      throw new NotAllowedError(
        `You may not create entries owned by ${fields.owner}`,
      );
    }
  }

  /** Refuses unless the permission is granted on the stored entry with this id. */
  async assertAllowed(
    permission: EntryPermission,
    entryId: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission, resourceRef: entryId }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  /**
   * For each entry about to be created, whether the caller may create it, in one
   * permission request. The entries are not stored yet, so the policy's conditions are
   * applied here to what the rules look at (owner and status).
   */
  async creatable(
    entries: Array<Pick<EntryFields, 'owner' | 'status'>>,
    credentials: BackstageCredentials,
  ): Promise<boolean[]> {
    if (entries.length === 0) return [];
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: entryCreatePermission }],
      { credentials },
    );
    return entries.map(({ owner, status }) =>
      this.authorizeLoaded(decision, { id: '', owner, status }),
    );
  }

  /** The ids of stored entries on which the permission is granted (one batched request). */
  async allowedIds(
    permission: EntryPermission,
    ids: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const decisions = await this.permissions.authorize(
      ids.map(resourceRef => ({ permission, resourceRef })),
      { credentials },
    );
    return new Set(
      ids.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
    );
  }

  /** Whether a basic permission is granted. */
  async has(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  /** Refuses unless a basic permission is granted. */
  async assertBasic(
    permission: BasicPermission,
    credentials: BackstageCredentials,
  ): Promise<void> {
    if (!(await this.has(permission, credentials))) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }
}
