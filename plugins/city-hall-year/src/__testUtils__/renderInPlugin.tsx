import type { ApiRef } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { cityHallYearApiRef, type CityHallYearApi } from '../api';
import { rootRouteRef } from '../routes';
import { createFakeApi } from './fakeYear';

/** Options of {@link renderInPlugin}. */
export interface RenderInPluginOptions {
  /** The plugin's client; {@link createFakeApi} when not given. */
  api?: Partial<CityHallYearApi>;
  /** More APIs the component uses than the plugin's client and toasts. */
  apis?: ReadonlyArray<readonly [ApiRef<unknown>, object]>;
  /** The address the test app opens at. */
  path?: string;
}

/**
 * Renders `element` in a test app as the plugin's pages live in an app: the plugin
 * mounted at /city-hall-year, the catalog's entity pages linkable, and a toast API
 * that keeps what was posted, which it returns.
 */
export async function renderInPlugin(
  element: ReactNode,
  options: RenderInPluginOptions = {},
): Promise<ReturnType<typeof mockApis.toast>> {
  const toastApi = mockApis.toast();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [cityHallYearApiRef, options.api ?? createFakeApi()],
        [coreApis.toast, toastApi],
        ...(options.apis ?? []),
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.path ? [options.path] : undefined,
      mountedRoutes: {
        '/city-hall-year': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return toastApi;
}

/** The routes of a test app: each path with what it shows. */
export function routes(table: Record<string, ReactNode>) {
  return (
    <Routes>
      {Object.entries(table).map(([path, element]) => (
        <Route key={path} path={path} element={element} />
      ))}
    </Routes>
  );
}

/** A permission API that allows every request, or denies every one. */
export function mockPermissionApi(allowed: boolean) {
  return mockApis.permission({
    authorize: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
}
