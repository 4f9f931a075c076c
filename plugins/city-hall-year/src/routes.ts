import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The year page, mounted by the app at /city-hall-year. */
export const rootRouteRef = createRouteRef({ id: 'city-hall-year' });

/** Import and export of entries, under the year page. */
export const importExportRouteRef = createSubRouteRef({
  id: 'city-hall-year/import-export',
  parent: rootRouteRef,
  path: '/import-export',
});

/** One entry's page; its slug is the permalink and never changes. */
export const entryRouteRef = createSubRouteRef({
  id: 'city-hall-year/entry',
  parent: rootRouteRef,
  path: '/entries/:slug',
});

/** The editor of an entry. */
export const editEntryRouteRef = createSubRouteRef({
  id: 'city-hall-year/edit-entry',
  parent: rootRouteRef,
  path: '/entries/:slug/edit',
});

/** The history of an entry: revisions, differences and restore. */
export const entryHistoryRouteRef = createSubRouteRef({
  id: 'city-hall-year/entry-history',
  parent: rootRouteRef,
  path: '/entries/:slug/history',
});

/** A new entry. */
export const newEntryRouteRef = createSubRouteRef({
  id: 'city-hall-year/new-entry',
  parent: rootRouteRef,
  path: '/new',
});

/** The year on one sheet, for printing. */
export const printRouteRef = createSubRouteRef({
  id: 'city-hall-year/print',
  parent: rootRouteRef,
  path: '/print',
});

/** The list of courses. */
export const coursesRouteRef = createSubRouteRef({
  id: 'city-hall-year/courses',
  parent: rootRouteRef,
  path: '/courses',
});

/** A course's permalink; `?fy=2026` pins the fiscal year of its dates. */
export const courseRouteRef = createSubRouteRef({
  id: 'city-hall-year/course',
  parent: rootRouteRef,
  path: '/courses/:slug',
});

/** One step of a course (1 = first): the entry with previous and next in the course. */
export const courseStepRouteRef = createSubRouteRef({
  id: 'city-hall-year/course-step',
  parent: rootRouteRef,
  path: '/courses/:slug/:step',
});

/** The editor of a course (HR). */
export const editCourseRouteRef = createSubRouteRef({
  id: 'city-hall-year/edit-course',
  parent: rootRouteRef,
  path: '/courses/:slug/edit',
});

/** A new course (HR). */
export const newCourseRouteRef = createSubRouteRef({
  id: 'city-hall-year/new-course',
  parent: rootRouteRef,
  path: '/courses/new',
});

/** Calendar feeds and the user's feed tokens. */
export const feedsRouteRef = createSubRouteRef({
  id: 'city-hall-year/feeds',
  parent: rootRouteRef,
  path: '/feeds',
});

/** Hand-over of entries whose owner left the catalog (HR). */
export const handoverRouteRef = createSubRouteRef({
  id: 'city-hall-year/handover',
  parent: rootRouteRef,
  path: '/handover',
});

/** How far departments confirmed their entries for the year (HR). */
export const confirmationsRouteRef = createSubRouteRef({
  id: 'city-hall-year/confirmations',
  parent: rootRouteRef,
  path: '/confirmations',
});

/** The モヤモヤ指数 of the year's entries, for a department or the whole city hall. */
export const clarityRouteRef = createSubRouteRef({
  id: 'city-hall-year/clarity',
  parent: rootRouteRef,
  path: '/clarity',
});

/** Proposing a change to an entry, for the department that owns it to review. */
export const proposeEntryRouteRef = createSubRouteRef({
  id: 'city-hall-year/propose-entry',
  parent: rootRouteRef,
  path: '/entries/:slug/propose',
});

/** Change proposals: waiting for review, one's own, all. */
export const proposalsRouteRef = createSubRouteRef({
  id: 'city-hall-year/proposals',
  parent: rootRouteRef,
  path: '/proposals',
});

/** One change proposal: its difference, its steps, and review. */
export const proposalRouteRef = createSubRouteRef({
  id: 'city-hall-year/proposal',
  parent: rootRouteRef,
  path: '/proposals/:id',
});

/** The proposer revising a proposal. */
export const reviseProposalRouteRef = createSubRouteRef({
  id: 'city-hall-year/revise-proposal',
  parent: rootRouteRef,
  path: '/proposals/:id/revise',
});

/** Process-review ideas across the city hall (the review office's list). */
export const ideasRouteRef = createSubRouteRef({
  id: 'city-hall-year/ideas',
  parent: rootRouteRef,
  path: '/ideas',
});
