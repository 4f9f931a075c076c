import type { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  clarityReasonsReadPermission,
  courseManagePermission,
  courseProgressReadPermission,
  entryCreatePermission,
  entryDeletePermission,
  entryReadPermission,
  entryReassignPermission,
  entryUpdatePermission,
  overviewReadPermission,
  ideaAnswerPermission,
  ideaCreatePermission,
  proposalCreatePermission,
  proposalReviewPermission,
  questionAnswerPermission,
  questionAskPermission,
  questionModeratePermission,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import {
  cityHallYearEntryConditions as conditions,
  createCityHallYearEntryConditionalDecision as conditional,
} from '../permissions/rules';

/**
 * The default permission policy of City Hall Year.
 *
 * | permission | HR editors | owners (caller's ownership claims) | other signed-in users |
 * | --- | --- | --- | --- |
 * | read | every entry | their drafts and all published | published |
 * | create | any owner | owner among their claims | — |
 * | update, confirm, restore | every entry | their entries | — |
 * | delete, undelete | every entry | their entries | — |
 * | reassign owner, hand over orphaned entries | yes | — | — |
 * | manage courses | yes | — | — |
 * | see learners' course progress and its counts (their own: everyone) | yes | — | — |
 * | read HR overviews (confirmations, orphans) | yes | — | — |
 * | ask and comment on an entry they may read | yes | yes | yes |
 * | answer questions on an entry | every entry | their entries | — |
 * | moderate the dialogue (see anonymous askers, hide, restore) | yes | — | — |
 * | read why readers are still unclear (reasons, comments) | every entry | their entries | — |
 * | propose a change to an entry they may read | yes | yes | yes |
 * | review change proposals (accept, ask for changes, decline) | every entry | their entries | — |
 * | submit a process-review idea on an entry they may read | yes | yes | yes |
 * | answer process-review ideas, see their authors | — (review Groups only: `cityHallYear.reviewGroups`) | — | — |
 *
 * Permissions of other plugins are allowed: an app with its own policy hands the
 * City Hall Year permissions to {@link CityHallYearPermissionPolicy.handle} instead.
 *
 * @public
 */
export class CityHallYearPermissionPolicy implements PermissionPolicy {
  private readonly editorGroups: Set<string>;
  private readonly reviewGroups: Set<string>;
  private readonly userInfo: UserInfoService;

  /**
   * @param options - `editorGroups`: the HR editor Groups
   *   (`cityHallYear.editorGroups`); `reviewGroups`: the process-review office
   *   (`cityHallYear.reviewGroups`); `userInfo`: where a caller's ownership claims
   *   come from (`coreServices.userInfo`)
   */
  constructor(options: {
    editorGroups: string[];
    reviewGroups?: string[];
    userInfo: UserInfoService;
  }) {
    this.editorGroups = new Set(
      options.editorGroups.map(g => g.toLocaleLowerCase('en-US')),
    );
    this.reviewGroups = new Set(
      (options.reviewGroups ?? []).map(g => g.toLocaleLowerCase('en-US')),
    );
    this.userInfo = options.userInfo;
  }

  /** Whether ownership claims make an HR editor: a member of an editor Group. */
  isEditor(claims: string[]): boolean {
    return claims.some(ref =>
      this.editorGroups.has(ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    const claims = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : [];
    const editor = this.isEditor(claims);

    if (isPermission(permission, ideaAnswerPermission)) {
      const reviewer = claims.some(ref =>
        this.reviewGroups.has(ref.toLocaleLowerCase('en-US')),
      );
      return {
        result: reviewer ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }

    if (
      isPermission(permission, entryReassignPermission) ||
      isPermission(permission, courseManagePermission) ||
      isPermission(permission, courseProgressReadPermission) ||
      isPermission(permission, overviewReadPermission) ||
      isPermission(permission, questionModeratePermission)
    ) {
      return { result: editor ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (isPermission(permission, entryReadPermission)) {
      if (editor) return { result: AuthorizeResult.ALLOW };
      return conditional(permission, {
        anyOf: [
          conditions.isEntryPublished(),
          conditions.isEntryOwner({ claims }),
        ],
      });
    }
    if (
      isPermission(permission, questionAskPermission) ||
      isPermission(permission, proposalCreatePermission) ||
      isPermission(permission, ideaCreatePermission)
    ) {
      // Whether the entry may be read at all is decided by the read permission.
      return { result: user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (
      isPermission(permission, entryCreatePermission) ||
      isPermission(permission, questionAnswerPermission) ||
      isPermission(permission, proposalReviewPermission) ||
      isPermission(permission, clarityReasonsReadPermission) ||
      isPermission(permission, entryUpdatePermission) ||
      isPermission(permission, entryDeletePermission)
    ) {
      if (!user) return { result: AuthorizeResult.DENY };
      if (editor) return { result: AuthorizeResult.ALLOW };
      return conditional(permission, conditions.isEntryOwner({ claims }));
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
