import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { LRUCache } from 'lru-cache';

/** How a person or department is called: `spec.profile.displayName`, then the title. */
export function displayNameOf(entity: Entity): string {
  const profile = (entity.spec as { profile?: { displayName?: unknown } })
    ?.profile;
  const displayName =
    typeof profile?.displayName === 'string' ? profile.displayName : undefined;
  return displayName || entity.metadata.title || entity.metadata.name;
}

/**
 * The catalog's names of Groups and Users, for text that leaves the browser (the
 * CSV export, calendar feeds, notifications): one batched lookup for the refs not
 * seen in the last minute, asked with the plugin's own credentials. A ref the
 * catalog does not know keeps its own name (`kaikei-ka`), never its full reference.
 */
export class CatalogNames {
  private readonly cache = new LRUCache<string, string>({
    max: 10_000,
    ttl: 60_000,
  });

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async namesOf(refs: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(refs)];
    const missing = wanted.filter(ref => !this.cache.has(ref));
    if (missing.length > 0) {
      try {
        const { items } = await this.deps.catalog.getEntitiesByRefs(
          { entityRefs: missing, fields: ['kind', 'metadata', 'spec.profile'] },
          { credentials: await this.deps.auth.getOwnServiceCredentials() },
        );
        items.forEach((entity, i) => {
          if (entity) this.cache.set(missing[i], displayNameOf(entity));
        });
      } catch (error) {
        // Names are a courtesy: the refs' own names stand in for a while.
        this.deps.logger.warn(
          `Could not read names from the catalog: ${error}`,
        );
      }
    }
    return new Map(
      wanted.map(ref => [ref, this.cache.get(ref) ?? shortName(ref)]),
    );
  }
}

/** `group:default/kaikei-ka` → `kaikei-ka`. */
export function shortName(ref: string): string {
  return ref.replace(/^[^:]+:/, '').replace(/^default\//, '');
}
