import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  resolveFiscalYear,
  resolveOccurrences,
  TimingResolutionError,
  type CellError,
  type Entry,
  type EntryFields,
  type Timing,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/** Set by the catalog on entities whose source no longer lists them. */
const ORPHAN_ANNOTATION = 'backstage.io/orphan';

/**
 * The checks the schema cannot make, shared by single writes and imports: groups
 * exist in the catalog, linked entries exist, relative timings resolve without a cycle.
 */
export class EntryValidator {
  constructor(private readonly catalog: CatalogService) {}

  /**
   * Group refs among `refs` that are not Groups in the catalog, asked on behalf of the
   * caller. With `orphansToo`, also Groups the catalog keeps only as orphans (taken out
   * of their catalog file, `backstage.io/orphan`): gone for a reorganisation's purposes.
   */
  async missingGroups(
    refs: string[],
    credentials: BackstageCredentials,
    options: { orphansToo?: boolean } = {},
  ): Promise<Set<string>> {
    const unique = [...new Set(refs)];
    if (unique.length === 0) return new Set();
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: unique,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          ...(options.orphansToo ? ['metadata.annotations'] : []),
        ],
      },
      { credentials },
    );
    return new Set(
      unique.filter((_, i) => {
        const entity = items[i];
        return (
          entity?.kind?.toLocaleLowerCase('en-US') !== 'group' ||
          (options.orphansToo &&
            entity.metadata?.annotations?.[ORPHAN_ANNOTATION] === 'true')
        );
      }),
    );
  }

  /**
   * Problems of links and timings of the candidates, given the live entries they join.
   * Candidates replace live entries of the same slug; the result is keyed by slug.
   */
  linkAndTimingErrors(
    candidates: EntryFields[],
    live: Entry[],
    now: string,
  ): Map<string, CellError[]> {
    const timings = new Map<string, Timing>(live.map(e => [e.slug, e.timing]));
    for (const candidate of candidates)
      timings.set(candidate.slug, candidate.timing);
    const fiscalYear = resolveFiscalYear(now);
    const errors = new Map<string, CellError[]>();
    const add = (slug: string, error: CellError) =>
      errors.set(slug, [...(errors.get(slug) ?? []), error]);

    for (const candidate of candidates) {
      for (const key of ['dependsOn', 'feedsInto'] as const) {
        const column = key === 'dependsOn' ? 'depends_on' : 'feeds_into';
        if (candidate[key].includes(candidate.slug)) {
          add(candidate.slug, {
            column,
            message: `${key}: an entry cannot link to itself`,
          });
        }
        const unknown = candidate[key].filter(slug => !timings.has(slug));
        if (unknown.length) {
          add(candidate.slug, {
            column,
            message: `${key}: no entry with slug ${unknown.join(', ')}`,
          });
        }
      }
      try {
        resolveOccurrences(candidate.timing, fiscalYear, {
          slug: candidate.slug,
          lookup: slug => timings.get(slug),
        });
      } catch (error) {
        if (!(error instanceof TimingResolutionError)) throw error;
        add(candidate.slug, {
          column: 'timing',
          message: `timing: ${error.message}`,
        });
      }
    }
    return errors;
  }
}
