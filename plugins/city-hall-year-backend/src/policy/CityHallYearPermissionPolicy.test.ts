import { mockCredentials } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  cityHallYearPermissions,
  clarityReasonsReadPermission,
  entryCreatePermission,
  entryDeletePermission,
  entryReadPermission,
  entryReassignPermission,
  entryUpdatePermission,
  questionAnswerPermission,
  questionAskPermission,
  proposalCreatePermission,
  ideaAnswerPermission,
  ideaCreatePermission,
  proposalReviewPermission,
  questionModeratePermission,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { CityHallYearPermissionPolicy } from './CityHallYearPermissionPolicy';

/** The claims of each test user, as the user info service knows them. */
const claimsOf = new Map<string, string[]>();
let users = 0;

const policy = new CityHallYearPermissionPolicy({
  editorGroups: ['group:default/jinji-kenshu-kakari'],
  reviewGroups: ['group:default/gyosei-kanri-ka'],
  userInfo: {
    async getUserInfo(credentials: BackstageCredentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return { userEntityRef: ref, ownershipEntityRefs: claimsOf.get(ref)! };
    },
  },
});

/** A signed-in user with these ownership claims (besides their own ref). */
function user(...claims: string[]): PolicyQueryUser & { claims: string[] } {
  const ref = `user:default/someone-${++users}`;
  claimsOf.set(ref, [ref, ...claims]);
  return {
    credentials: mockCredentials.user(ref),
    claims: claimsOf.get(ref)!,
  } as PolicyQueryUser & { claims: string[] };
}

const finance = user(
  'group:default/zaisei-ka',
  'group:default/kikaku-zaisei-kyoku',
);
const hr = user('group:default/jinji-kenshu-kakari', 'group:default/jinji-ka');
const reviewer = user(
  'group:default/gyosei-kanri-ka',
  'group:default/somu-kyoku',
);

describe('CityHallYearPermissionPolicy', () => {
  it.each([
    ['read', entryReadPermission, hr, AuthorizeResult.ALLOW],
    ['create', entryCreatePermission, hr, AuthorizeResult.ALLOW],
    ['update', entryUpdatePermission, hr, AuthorizeResult.ALLOW],
    ['delete', entryDeletePermission, hr, AuthorizeResult.ALLOW],
    ['reassign', entryReassignPermission, hr, AuthorizeResult.ALLOW],
    ['reassign', entryReassignPermission, finance, AuthorizeResult.DENY],
    ['create', entryCreatePermission, undefined, AuthorizeResult.DENY],
    ['update', entryUpdatePermission, undefined, AuthorizeResult.DENY],
    ['reassign', entryReassignPermission, undefined, AuthorizeResult.DENY],
    ['ask', questionAskPermission, finance, AuthorizeResult.ALLOW],
    ['ask', questionAskPermission, undefined, AuthorizeResult.DENY],
    ['answer', questionAnswerPermission, hr, AuthorizeResult.ALLOW],
    ['answer', questionAnswerPermission, undefined, AuthorizeResult.DENY],
    ['moderate', questionModeratePermission, hr, AuthorizeResult.ALLOW],
    ['moderate', questionModeratePermission, finance, AuthorizeResult.DENY],
    ['propose', proposalCreatePermission, finance, AuthorizeResult.ALLOW],
    ['propose', proposalCreatePermission, undefined, AuthorizeResult.DENY],
    ['review', proposalReviewPermission, hr, AuthorizeResult.ALLOW],
    ['review', proposalReviewPermission, undefined, AuthorizeResult.DENY],
    ['submit an idea', ideaCreatePermission, finance, AuthorizeResult.ALLOW],
    ['submit an idea', ideaCreatePermission, undefined, AuthorizeResult.DENY],
    ['answer ideas', ideaAnswerPermission, reviewer, AuthorizeResult.ALLOW],
    ['answer ideas', ideaAnswerPermission, hr, AuthorizeResult.DENY],
    ['answer ideas', ideaAnswerPermission, finance, AuthorizeResult.DENY],
  ])('%s by %# is definitive', async (_name, permission, who, expected) => {
    expect((await policy.handle({ permission }, who)).result).toBe(expected);
  });

  it.each([
    entryCreatePermission,
    entryUpdatePermission,
    entryDeletePermission,
    questionAnswerPermission,
    proposalReviewPermission,
    clarityReasonsReadPermission,
  ])('makes %s conditional on owning the entry', async permission => {
    expect(await policy.handle({ permission }, finance)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'city-hall-year',
      resourceType: 'city-hall-year-entry',
      conditions: {
        rule: 'IS_ENTRY_OWNER',
        resourceType: 'city-hall-year-entry',
        params: { claims: finance.claims },
      },
    });
  });

  it('lets everybody else read published entries and their own drafts', async () => {
    const decision = await policy.handle(
      { permission: entryReadPermission },
      finance,
    );
    expect(decision).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: {
        anyOf: [
          { rule: 'IS_ENTRY_PUBLISHED' },
          {
            rule: 'IS_ENTRY_OWNER',
            params: { claims: finance.claims },
          },
        ],
      },
    });
  });

  it('recognises editors by group ref whatever the case', () => {
    expect(
      policy.isEditor(user('group:default/JINJI-KENSHU-KAKARI').claims),
    ).toBe(true);
    expect(policy.isEditor(finance.claims)).toBe(false);
    expect(policy.isEditor([])).toBe(false);
  });

  it('leaves other plugins’ permissions allowed', async () => {
    const other = {
      ...cityHallYearPermissions[0],
      name: 'catalog.entity.read',
      resourceType: 'catalog-entity',
    };
    expect((await policy.handle({ permission: other }, finance)).result).toBe(
      AuthorizeResult.ALLOW,
    );
  });
});
