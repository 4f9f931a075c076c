import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The year page, mounted by the app at /city-hall-year. */
export const rootRouteRef = createRouteRef({ id: 'city-hall-year' });

/** Import and export of entries, under the year page. */
export const transferRouteRef = createSubRouteRef({
  id: 'city-hall-year/transfer',
  parent: rootRouteRef,
  path: '/transfer',
});
