import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * A reader of the plugin's own API as the plugin's service (the search collators):
 * answers `get(path)` with the parsed JSON, throwing `ResponseError` on failure. The
 * service token lets it read everything, drafts included; the caller picks what goes
 * into the index.
 */
export async function pluginApiReader(deps: {
  discovery: DiscoveryService;
  auth: AuthService;
}): Promise<<T>(path: string) => Promise<T>> {
  const baseUrl = await deps.discovery.getBaseUrl('city-hall-year');
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: 'city-hall-year',
  });
  return async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  };
}
