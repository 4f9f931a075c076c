import { createApiFactory } from '@backstage/core-plugin-api';
// The core API refs of the new frontend system are the very refs of the legacy one
// (core-plugin-api re-exports them), so one factory serves both plugins.
import { coreApis } from '@backstage/frontend-plugin-api';
import { cityHallYearApiRef } from './CityHallYearApi';
import { CityHallYearClient } from './CityHallYearClient';

/**
 * The client of the backend on the app's discovery, fetch and identity APIs, as the
 * legacy plugin and the new frontend system's API extension both register it.
 */
export const cityHallYearApiFactory = createApiFactory({
  api: cityHallYearApiRef,
  deps: {
    discoveryApi: coreApis.discovery,
    fetchApi: coreApis.fetch,
    identityApi: coreApis.identity,
  },
  factory: ({ discoveryApi, fetchApi, identityApi }) =>
    new CityHallYearClient({ discoveryApi, fetchApi, identityApi }),
});
