import { createRouteRef } from '@backstage/core-plugin-api';

/** The year page, mounted by the app at /city-hall-year. */
export const rootRouteRef = createRouteRef({ id: 'city-hall-year' });
