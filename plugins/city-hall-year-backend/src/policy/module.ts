import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CityHallYearPermissionPolicy } from './CityHallYearPermissionPolicy';

/**
 * Installs {@link CityHallYearPermissionPolicy} as the app's permission policy, with
 * the HR editor groups from `cityHallYear.editorGroups` and the process-review office
 * from `cityHallYear.reviewGroups`.
 *
 * @public
 */
export const cityHallYearPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'city-hall-year-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new CityHallYearPermissionPolicy({
            editorGroups:
              config.getOptionalStringArray('cityHallYear.editorGroups') ?? [],
            reviewGroups:
              config.getOptionalStringArray('cityHallYear.reviewGroups') ?? [],
            userInfo,
          }),
        );
      },
    });
  },
});
