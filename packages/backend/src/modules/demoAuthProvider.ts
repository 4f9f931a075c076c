import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** Header that names the example user to sign in as. */
export const DEMO_USER_HEADER = 'x-demo-user';

const userNamePattern = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

/**
 * Reads the example user's name from the request. Nothing is verified: that is why
 * the provider exists only in development.
 */
const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize() {
    return undefined;
  },
  async authenticate({ req }) {
    const userName = req.header(DEMO_USER_HEADER);
    if (!userName || !userNamePattern.test(userName)) {
      throw new InputError(
        `Name an example user in the ${DEMO_USER_HEADER} header`,
      );
    }
    return { result: { userName } };
  },
});

/**
 * Development sign-in as any user of the example catalog (`demo` provider, proxy
 * pattern). The user must exist in the catalog; the token carries the ownership
 * claims the catalog gives them. It registers only when `auth.environment` is
 * `development`, so a production config cannot turn it on by accident.
 */
export const demoAuthProviderModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ providers, config, logger }) {
        const environment =
          config.getOptionalString('auth.environment') ?? 'development';
        if (environment !== 'development') {
          logger.info(
            `Demo sign-in is off: auth.environment is '${environment}'`,
          );
          return;
        }
        if (!config.has('auth.providers.demo')) {
          return;
        }
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: { name: result.userName },
              });
            },
          }),
        });
      },
    });
  },
});
