import {
  createPermission,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Resource type of the permissions that concern one entry.
 *
 * @public
 */
export const CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE = 'city-hall-year-entry';

/**
 * Resource permission on one entry of the city hall year.
 *
 * @public
 */
export type EntryPermission = ResourcePermission<
  typeof CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE
>;

/** The permission on one entry for an action, named `city-hall-year.entry.<action>`. */
function entryPermission(
  action: 'create' | 'read' | 'update' | 'delete',
): EntryPermission {
  return createPermission({
    name: `city-hall-year.entry.${action}`,
    attributes: { action },
    resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
  });
}

/**
 * Permission to create an entry. It is a resource permission on the entry about to be
 * created, so that a policy can require its owner to be one of the caller's groups.
 *
 * @public
 */
export const entryCreatePermission = entryPermission('create');

/**
 * Permission to read an entry; published entries are read by every signed-in user.
 *
 * @public
 */
export const entryReadPermission = entryPermission('read');

/**
 * Permission to change an entry, restore one of its revisions or confirm it for the year.
 *
 * @public
 */
export const entryUpdatePermission = entryPermission('update');

/**
 * Permission to delete an entry (softly) and to bring a deleted entry back.
 *
 * @public
 */
export const entryDeletePermission = entryPermission('delete');

/**
 * Permission to give an entry to another department. Owners may edit their entries
 * but not hand them away; in the default policy only HR editors hold this.
 *
 * @public
 */
export const entryReassignPermission: BasicPermission = createPermission({
  name: 'city-hall-year.entry.reassign',
  attributes: { action: 'update' },
});

/**
 * Permission to create, change and delete courses (ordered courses through the
 * year). Every signed-in user reads them; in the default policy only HR editors hold this.
 *
 * @public
 */
export const courseManagePermission: BasicPermission = createPermission({
  name: 'city-hall-year.course.manage',
  attributes: { action: 'update' },
});

/**
 * Permission to see how learners follow a course (受講状況): each learner's progress
 * and the counts by step, department and audience. Everyone sees their own progress;
 * in the default policy only HR editors hold this.
 *
 * @public
 */
export const courseProgressReadPermission: BasicPermission = createPermission({
  name: 'city-hall-year.course.progress.read',
  attributes: { action: 'read' },
});

/**
 * Permission to see the overviews HR works from: unconfirmed entries per department
 * and entries whose owner left the catalog.
 *
 * @public
 */
export const overviewReadPermission: BasicPermission = createPermission({
  name: 'city-hall-year.overview.read',
  attributes: { action: 'read' },
});

/**
 * Permission to ask the department that owns an entry a question, or to comment on
 * one, and to mark 「同じ疑問」. A resource permission on the entry; the default policy
 * grants it to every signed-in user (who must also be able to read the entry).
 *
 * @public
 */
export const questionAskPermission: EntryPermission = createPermission({
  name: 'city-hall-year.question.create',
  attributes: { action: 'create' },
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * Permission to answer questions on an entry, as the department that owns it. In the
 * default policy: the entry's owners (`IS_ENTRY_OWNER`) and HR editors.
 *
 * @public
 */
export const questionAnswerPermission: EntryPermission = createPermission({
  name: 'city-hall-year.question.answer',
  attributes: { action: 'create' },
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * Permission to moderate the dialogue: see who asked an anonymous question, hide and
 * bring back questions and replies, read their history. In the default policy: HR
 * editors.
 *
 * @public
 */
export const questionModeratePermission: BasicPermission = createPermission({
  name: 'city-hall-year.question.moderate',
  attributes: { action: 'update' },
});

/**
 * Permission to read why readers are still unclear about an entry (the reasons and
 * comments of 「まだモヤモヤする」, never who gave them). The index itself is read by
 * everyone. In the default policy: the entry's owners and HR editors.
 *
 * @public
 */
export const clarityReasonsReadPermission: EntryPermission = createPermission({
  name: 'city-hall-year.clarity.reasons.read',
  attributes: { action: 'read' },
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * Permission to propose a change to an entry (変更の提案) for its owners to review. A
 * resource permission on the entry; the default policy grants it to every signed-in
 * user (who must also be able to read the entry).
 *
 * @public
 */
export const proposalCreatePermission: EntryPermission = createPermission({
  name: 'city-hall-year.proposal.create',
  attributes: { action: 'create' },
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * Permission to review the change proposals of an entry: accept one (a new revision
 * crediting the proposer), ask for changes or decline it. In the default policy: the
 * entry's owners (`IS_ENTRY_OWNER`) and HR editors.
 *
 * @public
 */
export const proposalReviewPermission: EntryPermission = createPermission({
  name: 'city-hall-year.proposal.review',
  attributes: { action: 'update' },
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * Permission to submit a process-review idea on an entry (業務見直しの提案): that its
 * step could be simpler, done differently or stopped. A resource permission on the
 * entry; the default policy grants it to every signed-in user who may read it.
 *
 * @public
 */
export const ideaCreatePermission: EntryPermission = createPermission({
  name: 'city-hall-year.idea.create',
  attributes: { action: 'create' },
  resourceType: CITY_HALL_YEAR_ENTRY_RESOURCE_TYPE,
});

/**
 * Permission to give process-review ideas a status and a public answer, and to see
 * who wrote an anonymous one: the review office. In the default policy: members of
 * the Groups in `cityHallYear.reviewGroups`.
 *
 * @public
 */
export const ideaAnswerPermission: BasicPermission = createPermission({
  name: 'city-hall-year.idea.answer',
  attributes: { action: 'update' },
});

/**
 * Every permission of the plugin, for registration with the permissions registry.
 *
 * @public
 */
export const cityHallYearPermissions = [
  entryCreatePermission,
  entryReadPermission,
  entryUpdatePermission,
  entryDeletePermission,
  entryReassignPermission,
  courseManagePermission,
  courseProgressReadPermission,
  overviewReadPermission,
  questionAskPermission,
  questionAnswerPermission,
  questionModeratePermission,
  clarityReasonsReadPermission,
  proposalCreatePermission,
  proposalReviewPermission,
  ideaCreatePermission,
  ideaAnswerPermission,
];

/**
 * Names of the plugin's permission rules, for policies written against them.
 *
 * @public
 */
export const CITY_HALL_YEAR_RULES = {
  isEntryOwner: 'IS_ENTRY_OWNER',
  isEntryPublished: 'IS_ENTRY_PUBLISHED',
} as const;
