import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The year page, mounted by the app at /city-hall-year. */
export const rootRouteRef = createRouteRef({ id: 'city-hall-year' });

/** Import and export of entries, under the year page. */
export const transferRouteRef = createSubRouteRef({
  id: 'city-hall-year/transfer',
  parent: rootRouteRef,
  path: '/transfer',
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

/** The list of curricula. */
export const curriculaRouteRef = createSubRouteRef({
  id: 'city-hall-year/curricula',
  parent: rootRouteRef,
  path: '/curricula',
});

/** A curriculum's permalink; `?fy=2026` pins the fiscal year of its dates. */
export const curriculumRouteRef = createSubRouteRef({
  id: 'city-hall-year/curriculum',
  parent: rootRouteRef,
  path: '/curricula/:slug',
});

/** One step of a curriculum (1 = first): the entry with previous and next in the course. */
export const curriculumStepRouteRef = createSubRouteRef({
  id: 'city-hall-year/curriculum-step',
  parent: rootRouteRef,
  path: '/curricula/:slug/:step',
});

/** The editor of a curriculum (HR). */
export const editCurriculumRouteRef = createSubRouteRef({
  id: 'city-hall-year/edit-curriculum',
  parent: rootRouteRef,
  path: '/curricula/:slug/edit',
});

/** A new curriculum (HR). */
export const newCurriculumRouteRef = createSubRouteRef({
  id: 'city-hall-year/new-curriculum',
  parent: rootRouteRef,
  path: '/curricula/new',
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
