import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DatabaseEntryStore } from './database/DatabaseEntryStore';
import {
  loadStartingContent,
  SEED_ACTOR,
  STARTING_CONTENT,
} from './service/contentSeed';
import { createRouter } from './service/router';
import { YearService } from './service/YearService';

/**
 * City Hall Year backend plugin: entries of the city hall's fiscal year under
 * /api/city-hall-year.
 *
 * @public
 */
export const cityHallYearPlugin = createBackendPlugin({
  pluginId: 'city-hall-year',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ config, database, httpAuth, httpRouter, logger }) {
        const store = await DatabaseEntryStore.create({ database });

        if (config.getOptionalBoolean('cityHallYear.seed.enabled') ?? true) {
          const seeded = await store.seedOnce(STARTING_CONTENT, await loadStartingContent(), {
            actor: SEED_ACTOR,
            at: new Date().toISOString(),
          });
          if (seeded) {
            logger.info(`Loaded the starting content (${STARTING_CONTENT})`);
          }
        }

        const yearService = new YearService(store, logger);
        httpRouter.use(await createRouter({ httpAuth, yearService }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
