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
