/*
 * The City Hall Year backend: Backstage with the catalog of the city's departments,
 * sign-in, permissions, search and notifications, and the City Hall Year plugin.
 */
import { createBackend } from '@backstage/backend-defaults';
import {
  cityHallYearPermissionPolicyModule,
  searchModuleCityHallYearCollator,
  searchModuleJapanese,
} from '@city-hall-year/backstage-plugin-city-hall-year-backend';
import { demoAuthProviderModule } from './modules/demoAuthProvider';
import { groupHierarchyOwnershipModule } from './modules/groupHierarchyOwnership';

const backend = createBackend();

// The benchmark's baseline (scripts/bench-api.mjs): the same Backstage without City
// Hall Year, so that the plugin's own share of memory can be told apart.
const withCityHallYear = process.env.CITY_HALL_YEAR_BENCH_BASELINE !== 'true';

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));
backend.add(import('@backstage/plugin-events-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(demoAuthProviderModule);
backend.add(groupHierarchyOwnershipModule);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(cityHallYearPermissionPolicyModule);

backend.add(import('@backstage/plugin-search-backend'));
// The search engine, finding Japanese: PostgreSQL's when the database is one (in
// place of @backstage/plugin-search-backend-module-pg), Lunr on SQLite.
backend.add(searchModuleJapanese);
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
if (withCityHallYear) backend.add(searchModuleCityHallYearCollator);

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

if (withCityHallYear) {
  backend.add(
    import('@city-hall-year/backstage-plugin-city-hall-year-backend'),
  );
  // The year for AI assistants: the actions above, over MCP at /api/mcp-actions/v1.
  backend.add(import('@backstage/plugin-mcp-actions-backend'));
}

backend.start();
