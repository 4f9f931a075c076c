import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type {
  ChangesSince,
  Entry,
  EntryChangeSince,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type { EntryStore } from '../database/EntryStore';
import type { LastSeenStore } from '../database/LastSeenStore';
import type { EntryAuthorizer } from './EntryAuthorizer';

/** At most this many revisions are read for one "changed since" list. */
const MAX_REVISIONS = 5000;

/**
 * "What changed since you last looked": each reader marks the year as seen, and is
 * shown the entries changed by others since then, with the fields that changed.
 */
export class ChangeService {
  constructor(
    private readonly deps: {
      store: EntryStore;
      lastSeen: LastSeenStore;
      authorizer: EntryAuthorizer;
      now?: () => Date;
    },
  ) {}

  async changesSince(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<ChangesSince> {
    const userRef = credentials.principal.userEntityRef;
    const lastSeenAt = await this.deps.lastSeen.getLastSeen(userRef);
    if (!lastSeenAt) return { changes: [] };
    const revisions = await this.deps.store.listRevisionsSince(lastSeenAt, {
      excludeActor: userRef,
      limit: MAX_REVISIONS,
    });
    if (revisions.length === 0) return { lastSeenAt, changes: [] };

    const ids = [...new Set(revisions.map(r => r.entryId))];
    const scope = await this.deps.authorizer.readScope(credentials);
    const readable =
      scope.kind === 'none'
        ? new Set<string>()
        : await this.deps.store.listEntryIds({
            ...(scope.kind === 'some' ? { permission: scope.criteria } : {}),
          });
    const [all, live] = await Promise.all([
      this.deps.store.getEntriesByIds(ids, { includeDeleted: true }),
      this.deps.store.getEntriesByIds(ids),
    ]);
    const liveIds = new Set(live.flatMap(e => (e ? [e.id] : [])));
    const byId = new Map<string, Entry>();
    for (const entry of all) {
      if (!entry) continue;
      // A deleted entry is reported when it was published: its removal is news too.
      const visible = liveIds.has(entry.id)
        ? readable.has(entry.id)
        : entry.status === 'published';
      if (visible) byId.set(entry.id, entry);
    }

    const changes = new Map<string, EntryChangeSince>();
    for (const revision of revisions) {
      const entry = byId.get(revision.entryId);
      if (!entry) continue;
      const change = changes.get(entry.id) ?? {
        entryId: entry.id,
        slug: entry.slug,
        title: entry.title,
        cycle: entry.cycle,
        owner: entry.owner,
        actions: [],
        changedFields: [],
        changedBy: [],
        lastChangedAt: revision.createdAt,
      };
      const add = <T>(list: T[], value: T) => {
        if (!list.includes(value)) list.push(value);
      };
      add(change.actions, revision.action);
      revision.changedFields.forEach(f => add(change.changedFields, f));
      add(change.changedBy, revision.createdBy);
      change.lastChangedAt = revision.createdAt;
      changes.set(entry.id, change);
    }
    return {
      lastSeenAt,
      changes: [...changes.values()].sort((a, b) =>
        b.lastChangedAt.localeCompare(a.lastChangedAt),
      ),
    };
  }

  /** Marks the year as seen; a moment in the future is taken as now. */
  async markSeen(
    at: string | undefined,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ lastSeenAt: string }> {
    const now = this.now().toISOString();
    const seen = at && at < now ? new Date(at).toISOString() : now;
    await this.deps.lastSeen.setLastSeen(
      credentials.principal.userEntityRef,
      seen,
    );
    return { lastSeenAt: seen };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
