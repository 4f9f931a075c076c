import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { CourseCollatorFactory } from './CourseCollatorFactory';
import { EntryCollatorFactory } from './EntryCollatorFactory';

/**
 * Puts published City Hall Year entries and training courses into Backstage search,
 * re-read every ten minutes (once across replicas, through the scheduler).
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
      },
      async init({ indexRegistry, scheduler, discovery, auth }) {
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
      },
    });
  },
});
