import type { Config } from '@backstage/config';
import {
  HIRED_ON_ANNOTATION,
  type PersonalContext,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { createHash } from 'node:crypto';
import {
  matchesRule,
  readMembershipRule,
  type MembershipRule,
  type PeopleDirectory,
} from './PeopleDirectory';

/** `cityHallYear.roles` and `cityHallYear.newHires`, as read at start. */
export interface PersonalYearConfig {
  roles: Partial<Record<PersonalContext['roles'][number], MembershipRule>>;
  /** Who is a new hire of a fiscal year: the day they joined, in an annotation. */
  newHires: MembershipRule;
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
    const rule = readMembershipRule(c, at);
    if (rule.dateInFiscalYear) {
      throw new Error(`${at}: a role is a Group or an annotation's value`);
    }
    roles[role] = rule;
  }
  const course = config.getOptionalString('cityHallYear.newHires.course');
  return {
    roles,
    newHires: {
      annotation:
        config.getOptionalString('cityHallYear.newHires.annotation') ??
        HIRED_ON_ANNOTATION,
      dateInFiscalYear: true,
    },
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
    const [context] = await this.contextsOf(userRef, [fiscalYear]);
    return context;
  }

  /**
   * The person in each of several fiscal years (a calendar feed holds two): the
   * catalog is read once; only the roles and being a new hire depend on the year.
   */
  async contextsOf(
    userRef: string,
    fiscalYears: number[],
  ): Promise<PersonalContext[]> {
    const user = userRef.toLocaleLowerCase('en-US');
    const person = (await this.deps.people.describe([userRef])).get(
      userRef,
    ) ?? { groups: [], annotations: {} };
    const groups = person.groups.map(g => g.toLocaleLowerCase('en-US'));
    const claims = [
      ...new Set([user, ...(await this.deps.people.withAncestors(groups))]),
    ].sort();
    const { roles, newHires } = this.deps.config;
    return fiscalYears.map(fiscalYear => ({
      claims,
      groups,
      roles: (['managers', 'unitChiefs'] as const).filter(role => {
        const rule = roles[role];
        return rule !== undefined && matchesRule(rule, person, fiscalYear);
      }),
      newHire: matchesRule(newHires, person, fiscalYear),
    }));
  }
}

/** A short key of a personal context, for caching the answers made from it. */
export function contextKey(context: PersonalContext): string {
  return createHash('sha256')
    .update(JSON.stringify(context))
    .digest('base64url')
    .slice(0, 22);
}
