import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  HIRED_ON_ANNOTATION,
  resolveFiscalYear,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { LRUCache } from 'lru-cache';

/** What the catalog says of a person that counting needs: their Groups, annotations. */
export interface Person {
  groups: string[];
  annotations: Record<string, string>;
}

/**
 * People as the catalog describes them, for counts by department and audience: one
 * batched lookup for the Users not seen in the last minute, asked with the plugin's
 * own credentials. A person the catalog does not know belongs to no Group.
 */
export class PeopleDirectory {
  private readonly cache?: LRUCache<string, Person>;
  /** The Groups directly above each Group (`childOf`), for ownership claims. */
  private readonly parents?: LRUCache<string, string[]>;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      /**
       * How long what the catalog said is kept (default a minute); 0 asks the catalog
       * every time (`cityHallYear.people.cacheSeconds`).
       */
      cacheMs?: number;
    },
  ) {
    const ttl = deps.cacheMs ?? 60_000;
    if (ttl > 0) {
      this.cache = new LRUCache({ max: 10_000, ttl });
      this.parents = new LRUCache({ max: 10_000, ttl });
    }
  }

  /**
   * The Groups given and every Group above them in the catalog (`childOf`), lower
   * case: the claims through which a person owns steps, as the app's ownership
   * resolution gives them to a signed-in user.
   */
  async withAncestors(groups: Iterable<string>): Promise<string[]> {
    const found = new Set<string>();
    let level = [...new Set(groups)].map(g => g.toLocaleLowerCase('en-US'));
    // A catalog with a cycle in its Groups still ends: each Group is asked once.
    for (let depth = 0; level.length > 0 && depth < 20; depth++) {
      level.forEach(g => found.add(g));
      const known = new Map<string, string[]>();
      const missing: string[] = [];
      for (const g of level) {
        const cached = this.parents?.get(g);
        if (cached) known.set(g, cached);
        else missing.push(g);
      }
      if (missing.length > 0) {
        try {
          const { items } = await this.deps.catalog.getEntitiesByRefs(
            {
              entityRefs: missing,
              fields: ['kind', 'spec.parent', 'relations'],
            },
            { credentials: await this.deps.auth.getOwnServiceCredentials() },
          );
          items.forEach((entity, i) => {
            const above = entity ? parentsOf(entity) : [];
            this.parents?.set(missing[i], above);
            known.set(missing[i], above);
          });
        } catch (error) {
          this.deps.logger.warn(
            `Could not read Groups from the catalog: ${error}`,
          );
        }
      }
      level = [...new Set([...known.values()].flat())].filter(
        g => !found.has(g),
      );
    }
    return [...found].sort();
  }

  async describe(refs: Iterable<string>): Promise<Map<string, Person>> {
    const wanted = [...new Set(refs)];
    const fresh = new Map<string, Person>();
    const missing = wanted.filter(ref => !this.cache?.has(ref));
    if (missing.length > 0) {
      try {
        const { items } = await this.deps.catalog.getEntitiesByRefs(
          {
            entityRefs: missing,
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.annotations',
              'spec.memberOf',
              'relations',
            ],
          },
          { credentials: await this.deps.auth.getOwnServiceCredentials() },
        );
        items.forEach((entity, i) => {
          if (!entity) return;
          const person = {
            groups: groupsOf(entity),
            annotations: entity.metadata.annotations ?? {},
          };
          fresh.set(missing[i], person);
          this.cache?.set(missing[i], person);
        });
      } catch (error) {
        // Counts are kept either way; only their breakdown is unknown for a while.
        this.deps.logger.warn(
          `Could not read people from the catalog: ${error}`,
        );
      }
    }
    return new Map(
      wanted.map(ref => [
        ref,
        fresh.get(ref) ??
          this.cache?.get(ref) ?? { groups: [], annotations: {} },
      ]),
    );
  }
}

/** The Groups directly above a Group: `childOf` relations, and `spec.parent` as written. */
function parentsOf(entity: Entity): string[] {
  const above = new Set(
    (entity.relations ?? [])
      .filter(r => r.type === 'childOf')
      .map(r => r.targetRef.toLocaleLowerCase('en-US')),
  );
  const written = (entity.spec as { parent?: unknown } | undefined)?.parent;
  if (typeof written === 'string') {
    try {
      above.add(
        stringifyEntityRef(
          parseEntityRef(written, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata?.namespace ?? 'default',
          }),
        ).toLocaleLowerCase('en-US'),
      );
    } catch {
      // Not a reference: the catalog would not relate it either.
    }
  }
  return [...above];
}

/**
 * The Groups a User is a member of: the catalog's `memberOf` relations, and
 * `spec.memberOf` as written (for a catalog that has not processed the entity).
 */
function groupsOf(entity: Entity): string[] {
  const groups = new Set(
    (entity.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef),
  );
  const written = (entity.spec as { memberOf?: unknown } | undefined)?.memberOf;
  if (Array.isArray(written)) {
    for (const ref of written) {
      if (typeof ref !== 'string') continue;
      try {
        groups.add(
          stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        );
      } catch {
        // Not a reference: the catalog would not relate it either.
      }
    }
  }
  return [...groups].sort();
}

/**
 * Who belongs to a set of people, as the catalog says: the members of a Group, or
 * the Users with an annotation — with a given value, or holding a date (YYYY-MM-DD)
 * in the fiscal year asked about (that year's new hires).
 */
export interface MembershipRule {
  group?: string;
  annotation?: string;
  value?: string;
  dateInFiscalYear?: boolean;
}

/** An audience HR counts course progress for (`cityHallYear.progress.audiences`). */
export interface Audience extends MembershipRule {
  id: string;
  title: { ja: string; en?: string };
}

/** The audience when config names none: the staff who joined in the fiscal year. */
export const DEFAULT_AUDIENCES: Audience[] = [
  {
    id: 'new-staff',
    title: { ja: 'その年度の新規採用職員', en: 'Staff who joined in the year' },
    annotation: HIRED_ON_ANNOTATION,
    dateInFiscalYear: true,
  },
];

/** Reads `cityHallYear.progress.audiences`; a mistake stops the backend at start. */
export function readAudiences(config: Config): Audience[] {
  const list = config.getOptionalConfigArray('cityHallYear.progress.audiences');
  if (!list) return DEFAULT_AUDIENCES;
  const seen = new Set<string>();
  return list.map((c, i) => {
    const at = `cityHallYear.progress.audiences[${i}]`;
    const id = c.getString('id');
    if (seen.has(id)) throw new Error(`${at}.id: '${id}' is named twice`);
    seen.add(id);
    const titleEn = c.getOptionalString('title.en');
    return {
      id,
      title: {
        ja: c.getString('title.ja'),
        ...(titleEn ? { en: titleEn } : {}),
      },
      ...readMembershipRule(c, at),
    };
  });
}

/** Reads a {@link MembershipRule} from config; a mistake stops the backend at start. */
export function readMembershipRule(c: Config, at: string): MembershipRule {
  const group = c.getOptionalString('group');
  const annotation = c.getOptionalString('annotation');
  if (Boolean(group) === Boolean(annotation)) {
    throw new Error(`${at}: name either a group or an annotation`);
  }
  const value = c.getOptionalString('value');
  const dateInFiscalYear = c.getOptionalBoolean('dateInFiscalYear');
  if (group && (value !== undefined || dateInFiscalYear !== undefined)) {
    throw new Error(`${at}: value and dateInFiscalYear go with an annotation`);
  }
  if (value !== undefined && dateInFiscalYear) {
    throw new Error(`${at}: give a value or dateInFiscalYear, not both`);
  }
  return {
    ...(group ? { group: group.toLocaleLowerCase('en-US') } : {}),
    ...(annotation ? { annotation } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(dateInFiscalYear ? { dateInFiscalYear } : {}),
  };
}

/** Whether a person is among those a rule names, in a fiscal year. */
export function matchesRule(
  rule: MembershipRule,
  person: Person,
  fiscalYear: number,
): boolean {
  if (rule.group) {
    return person.groups.some(g => g.toLocaleLowerCase('en-US') === rule.group);
  }
  const held = person.annotations[rule.annotation!];
  if (held === undefined) return false;
  if (rule.value !== undefined) return held.trim() === rule.value;
  if (rule.dateInFiscalYear) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(held.trim())) return false;
    try {
      return resolveFiscalYear(held.trim()) === fiscalYear;
    } catch {
      return false;
    }
  }
  return true;
}
