import { useApiHolder } from '@backstage/core-plugin-api';
import { parseEntityRef, type Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** The short name of a Group or User ref, shown until (or unless) the catalog gives a better one. */
export function shortName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/** The name a person reads for a Group or User: its profile's display name, title, or name. */
export function entityDisplayName(entity: Entity): string {
  const profile = (
    entity.spec as { profile?: { displayName?: string } } | undefined
  )?.profile;
  return profile?.displayName ?? entity.metadata.title ?? entity.metadata.name;
}

/** No names yet: one map, so that what depends on the names sees no change. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/**
 * Display names (財政課, 佐藤 花子) of many Group and User refs: through the app's
 * entity presentation API (batched and cached across the app), or, in an app
 * without one, one catalog request for all. A ref the catalog does not know shows
 * its short name, never the full reference.
 */
export function useOwnerNames(refs: string[]): ReadonlyMap<string, string> {
  const apis = useApiHolder();
  const presentation = apis.get(entityPresentationApiRef);
  const catalogApi = apis.get(catalogApiRef);
  const key = [...new Set(refs)].sort().join(',');
  const { value } = useAsync(async () => {
    const unique = key ? key.split(',') : [];
    if (unique.length === 0) return new Map<string, string>();
    if (presentation) {
      return new Map(
        await Promise.all(
          unique.map(
            async ref =>
              [
                ref,
                (await presentation.forEntity(ref).promise).primaryTitle ||
                  shortName(ref),
              ] as const,
          ),
        ),
      );
    }
    if (!catalogApi) return new Map<string, string>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: unique,
      fields: ['metadata.name', 'metadata.title', 'spec.profile.displayName'],
    });
    return new Map(
      unique.map((ref, i) => {
        const entity = items[i];
        return [ref, entity ? entityDisplayName(entity) : shortName(ref)];
      }),
    );
  }, [presentation, catalogApi, key]);
  // The same map until the names change: safe to depend on in effects.
  return value ?? NO_NAMES;
}

/** {@link useOwnerNames} for people and departments alike. */
export const useEntityNames = useOwnerNames;
