import { useApiHolder } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** The short name of a Group ref, shown until (or unless) the catalog gives a better one. */
export function shortName(ref: string): string {
  return parseEntityRef(ref).name;
}

/**
 * Display names (e.g. 財政課) of many Group refs in one catalog request, for lists
 * that would otherwise ask once per row.
 */
export function useOwnerNames(refs: string[]): Map<string, string> {
  const catalogApi = useApiHolder().get(catalogApiRef);
  const key = [...new Set(refs)].sort().join(',');
  const { value } = useAsync(async () => {
    const unique = key ? key.split(',') : [];
    if (!catalogApi || unique.length === 0) return new Map<string, string>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: unique,
      fields: ['metadata.name', 'metadata.title', 'spec.profile.displayName'],
    });
    return new Map(
      unique.map((ref, i) => {
        const entity = items[i];
        const profile = (
          entity?.spec as { profile?: { displayName?: string } } | undefined
        )?.profile;
        return [
          ref,
          profile?.displayName ?? entity?.metadata.title ?? shortName(ref),
        ];
      }),
    );
  }, [catalogApi, key]);
  return value ?? new Map();
}
