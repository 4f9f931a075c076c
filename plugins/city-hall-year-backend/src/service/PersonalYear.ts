import type { Config } from '@backstage/config';
import {
  HIRED_ON_ANNOTATION,
  type PersonalContext,
} from '@internal/plugin-city-hall-year-common';
import { createHash } from 'node:crypto';
import { inAudience, type PeopleDirectory } from './PeopleDirectory';

/** How a role is read from the catalog: a Group's members, or an annotation's value. */
export interface RoleRule {
  group?: string;
  annotation?: string;
  value?: string;
}

/** `cityHallYear.roles` and `cityHallYear.newHires`, as read at start. */
export interface PersonalYearConfig {
  roles: Partial<Record<PersonalContext['roles'][number], RoleRule>>;
  /** The User annotation holding the day a person joined (YYYY-MM-DD). */
  hiredOnAnnotation: string;
  /** The course that walks a new hire through the first year, by its slug. */
  newHireCourse?: string;
}

/** The course the example content ships for new hires. */
const DEFAULT_NEW_HIRE_COURSE = 'shinki-saiyo-shiyakusho-no-ichinen';

/** Reads the roles and new-hire settings; a mistake stops the backend at start. */
export function readPersonalYearConfig(config: Config): PersonalYearConfig {
  const roles: PersonalYearConfig['roles'] = {};
  for (const role of ['managers', 'unitChiefs'] as const) {
    const at = `cityHallYear.roles.${role}`;
    const c = config.getOptionalConfig(at);
    if (!c) continue;
    const group = c.getOptionalString('group');
    const annotation = c.getOptionalString('annotation');
    const value = c.getOptionalString('value');
    if (Boolean(group) === Boolean(annotation)) {
      throw new Error(`${at}: name either a group or an annotation`);
    }
    if (group && value !== undefined) {
      throw new Error(`${at}: a value goes with an annotation`);
    }
    roles[role] = {
      ...(group ? { group: group.toLocaleLowerCase('en-US') } : {}),
      ...(annotation ? { annotation } : {}),
      ...(value !== undefined ? { value } : {}),
    };
  }
  const course = config.getOptionalString('cityHallYear.newHires.course');
  return {
    roles,
    hiredOnAnnotation:
      config.getOptionalString('cityHallYear.newHires.annotation') ??
      HIRED_ON_ANNOTATION,
    newHireCourse:
      course === '' ? undefined : course ?? DEFAULT_NEW_HIRE_COURSE,
  };
}

/**
 * Who a person is for their own year (あなたの一年), from the catalog as it is now:
 * their Groups and the Groups above them, their roles as config maps them, and
 * whether they joined in the fiscal year. Asked for each request, so that a change
 * of a person's Groups changes their year (after the directory's short cache).
 */
export class PersonalYear {
  constructor(
    private readonly deps: {
      people: Pick<PeopleDirectory, 'describe' | 'withAncestors'>;
      config: PersonalYearConfig;
    },
  ) {}

  get newHireCourse(): string | undefined {
    return this.deps.config.newHireCourse;
  }

  async contextOf(
    userRef: string,
    fiscalYear: number,
  ): Promise<PersonalContext> {
    const user = userRef.toLocaleLowerCase('en-US');
    const person = (await this.deps.people.describe([userRef])).get(
      userRef,
    ) ?? { groups: [], annotations: {} };
    const groups = person.groups.map(g => g.toLocaleLowerCase('en-US'));
    const claims = [user, ...(await this.deps.people.withAncestors(groups))];
    const roles = (['managers', 'unitChiefs'] as const).filter(role => {
      const rule = this.deps.config.roles[role];
      return rule
        ? inAudience(
            { id: role, title: { ja: role }, ...rule },
            person,
            fiscalYear,
          )
        : false;
    });
    const newHire = inAudience(
      {
        id: 'new-hires',
        title: { ja: '新規採用職員' },
        annotation: this.deps.config.hiredOnAnnotation,
        dateInFiscalYear: true,
      },
      person,
      fiscalYear,
    );
    return { claims: [...new Set(claims)].sort(), groups, roles, newHire };
  }
}

/** A short key of a personal context, for caching the answers made from it. */
export function contextKey(context: PersonalContext): string {
  return createHash('sha256')
    .update(JSON.stringify(context))
    .digest('base64url')
    .slice(0, 22);
}
