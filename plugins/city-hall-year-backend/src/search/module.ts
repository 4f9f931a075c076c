import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { CourseCollatorFactory } from './CourseCollatorFactory';
import {
  CITY_HALL_YEAR_DOCUMENT_TYPE,
  EntryCollatorFactory,
} from './EntryCollatorFactory';
import { SearchRefresher, searchIndexTaskId } from './SearchRefresher';

/**
 * Puts published City Hall Year entries and training courses into Backstage search,
 * re-read every ten minutes (once across replicas, through the scheduler), and the
 * entries again a few seconds after one of them changes.
 *
 * @public
 */
export const searchModuleCityHallYearCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'city-hall-year-collator',
  register(reg) {
    reg.registerInit({
      deps: {
        indexRegistry: searchIndexRegistryExtensionPoint,
        scheduler: coreServices.scheduler,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
        logger: coreServices.logger,
      },
      async init({
        indexRegistry,
        scheduler,
        discovery,
        auth,
        events,
        logger,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 10 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 5 },
          }),
          factory: new EntryCollatorFactory({ discovery, auth }),
        });
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner({
            frequency: { minutes: 10 },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 10 },
          }),
          factory: new CourseCollatorFactory({ discovery, auth }),
        });
        await new SearchRefresher(
          { events, scheduler, logger },
          { taskIds: [searchIndexTaskId(CITY_HALL_YEAR_DOCUMENT_TYPE)] },
        ).start();
      },
    });
  },
});
