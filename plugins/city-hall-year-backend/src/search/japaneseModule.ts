import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchEngineRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import type { Knex } from 'knex';
import { JapaneseLunrSearchEngine } from './JapaneseLunrSearchEngine';

/**
 * Whether search should use the Japanese-aware Lunr engine: on every database but
 * PostgreSQL, where `@backstage/plugin-search-backend-module-pg` registers its own.
 */
export function usesJapaneseLunr(client: Knex): boolean {
  // The same test as the pg module's; it registers its engine only on 'pg'.
  return client.client.config.client !== 'pg';
}

/**
 * Makes Backstage search find Japanese (出納閉鎖, 予算編成) when it runs on Lunr, that
 * is when the search plugin's database is not PostgreSQL.
 *
 * @public
 */
export const searchModuleJapaneseLunr = createBackendModule({
  pluginId: 'search',
  moduleId: 'japanese-lunr-engine',
  register(reg) {
    reg.registerInit({
      deps: {
        searchEngineRegistry: searchEngineRegistryExtensionPoint,
        database: coreServices.database,
        logger: coreServices.logger,
      },
      async init({ searchEngineRegistry, database, logger }) {
        if (!usesJapaneseLunr(await database.getClient())) {
          logger.info(
            'Search runs on PostgreSQL: the Japanese Lunr engine is not used',
          );
          return;
        }
        searchEngineRegistry.setSearchEngine(
          new JapaneseLunrSearchEngine({ logger }),
        );
      },
    });
  },
});
