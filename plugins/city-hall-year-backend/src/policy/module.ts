import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CityHallYearPermissionPolicy } from './CityHallYearPermissionPolicy';

/**
 * Installs {@link CityHallYearPermissionPolicy} as the app's permission policy, with
 * the HR editor groups from `cityHallYear.editorGroups`.
 *
 * @public
 */
export const cityHallYearPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'city-hall-year-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(
          new CityHallYearPermissionPolicy({
            editorGroups:
              config.getOptionalStringArray('cityHallYear.editorGroups') ?? [],
          }),
        );
      },
    });
  },
});
