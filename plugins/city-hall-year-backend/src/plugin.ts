import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { cityHallYearPermissions } from '@internal/plugin-city-hall-year-common';
import { DatabaseEntryStore } from './database/DatabaseEntryStore';
import { entryPermissionRules, entryResourceRef } from './permissions/rules';
import {
  loadStartingContent,
  SEED_ACTOR,
  STARTING_CONTENT,
} from './service/contentSeed';
import { EntryAuthorizer } from './service/EntryAuthorizer';
import { EntryService } from './service/EntryService';
import { EntryValidator } from './service/EntryValidator';
import { TransferService } from './service/TransferService';
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
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
      },
      async init(deps) {
        const {
          config,
          database,
          httpAuth,
          httpRouter,
          logger,
          permissionsRegistry,
        } = deps;
        const store = await DatabaseEntryStore.create({ database });

        permissionsRegistry.addResourceType({
          resourceRef: entryResourceRef,
          permissions: cityHallYearPermissions,
          rules: Object.values(entryPermissionRules),
          // Deleted entries too: bringing one back is authorized on the deleted entry.
          getResources: ids =>
            store.getEntriesByIds(ids, { includeDeleted: true }),
        });
        permissionsRegistry.addPermissions(cityHallYearPermissions);

        // Reading and checking the content files is skipped on every start after the first.
        if (
          (config.getOptionalBoolean('cityHallYear.seed.enabled') ?? true) &&
          !(await store.isSeeded(STARTING_CONTENT))
        ) {
          const seeded = await store.seedOnce(
            STARTING_CONTENT,
            await loadStartingContent(),
            {
              actor: SEED_ACTOR,
              at: new Date().toISOString(),
            },
          );
          if (seeded) {
            logger.info(`Loaded the starting content (${STARTING_CONTENT})`);
          }
        }

        const authorizer = new EntryAuthorizer(
          deps.permissions,
          permissionsRegistry,
        );
        const yearService = new YearService(store, authorizer, logger);
        const validator = new EntryValidator(deps.catalog);
        const entryService = new EntryService({
          store,
          authorizer,
          validator,
          auditor: deps.auditor,
          events: deps.events,
          logger,
        });
        const transferService = new TransferService({
          store,
          authorizer,
          validator,
          auditor: deps.auditor,
          events: deps.events,
          logger,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            yearService,
            entryService,
            transferService,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
