import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis } from '@backstage/frontend-test-utils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ChangesSince } from '@internal/plugin-city-hall-year-common';
import { cityHallYearApiRef } from '../api';
import { YearPage } from '../components/YearPage';
import { rootRouteRef } from '../routes';
import { createFakeApi } from './fakeYear';

/** Renders the year page on the fake year, as HR or as anybody else. */
export async function renderYearPage(
  options: { changes?: ChangesSince; hr?: boolean } = {},
) {
  const api = createFakeApi({ changes: options.changes });
  const permissionApi = mockApis.permission({
    authorize: options.hr ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cityHallYearApiRef, api],
        [permissionApiRef, permissionApi],
      ]}
    >
      <YearPage />
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/city-hall-year': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}
