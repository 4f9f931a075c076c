import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EntryAuthorizer } from './EntryAuthorizer';

function authorizerWith(result: AuthorizeResult) {
  const calls: string[] = [];
  const permissions = {
    authorizeConditional: jest.fn(async (requests: any[]) => {
      calls.push(requests[0].permission.name);
      return [{ result }];
    }),
    authorize: jest.fn(async (requests: any[]) => {
      calls.push(requests[0].permission.name);
      return [{ result }];
    }),
  } as unknown as PermissionsService;
  const registry = {
    getPermissionRuleset: () => ({ getRuleByName: () => undefined }),
  } as unknown as PermissionsRegistryService;
  return { authorizer: new EntryAuthorizer(permissions, registry), calls };
}

const user = (ref: string, expiresAt?: Date) => ({
  ...mockCredentials.user(ref),
  ...(expiresAt ? { expiresAt } : {}),
});

describe('EntryAuthorizer', () => {
  it('asks once for the read decision of the same token, and again for another token', async () => {
    const { authorizer, calls } = authorizerWith(AuthorizeResult.ALLOW);
    const expiry = new Date(Date.now() + 3600_000);
    const kimura = user('user:default/kimura.aoi', expiry);
    for (let i = 0; i < 5; i++) {
      expect(await authorizer.readScope(kimura)).toEqual({ kind: 'all' });
    }
    expect(calls).toHaveLength(1);

    // A refreshed token (new expiry) may carry other claims: asked again.
    await authorizer.readScope(
      user('user:default/kimura.aoi', new Date(expiry.getTime() + 1000)),
    );
    await authorizer.readScope(user('user:default/yamada.taro', expiry));
    expect(calls).toHaveLength(3);
  });

  it('never reuses decisions without an expiry, for services, or for writes', async () => {
    const { authorizer, calls } = authorizerWith(AuthorizeResult.DENY);
    await authorizer.readScope(user('user:default/kimura.aoi'));
    await authorizer.readScope(user('user:default/kimura.aoi'));
    await authorizer.readScope(mockCredentials.service('plugin:search'));
    await authorizer.readScope(mockCredentials.service('plugin:search'));
    expect(calls).toHaveLength(4);
    const writer = user(
      'user:default/kimura.aoi',
      new Date(Date.now() + 3600_000),
    );
    for (const attempt of [1, 2]) {
      await expect(
        authorizer.assertAllowed(
          { name: 'city-hall-year.entry.update' } as any,
          'id-1',
          writer,
        ),
      ).rejects.toThrow('Not allowed');
      expect(
        calls.filter(c => c === 'city-hall-year.entry.update'),
      ).toHaveLength(attempt);
    }
  });

  it('asks again when the permission backend could not be reached', async () => {
    const { authorizer } = authorizerWith(AuthorizeResult.ALLOW);
    const permissions = (authorizer as any).permissions as {
      authorizeConditional: jest.Mock;
    };
    permissions.authorizeConditional.mockRejectedValueOnce(
      new Error('permission backend down'),
    );
    const kimura = user(
      'user:default/kimura.aoi',
      new Date(Date.now() + 3600_000),
    );
    await expect(authorizer.readScope(kimura)).rejects.toThrow('down');
    await expect(authorizer.readScope(kimura)).resolves.toEqual({
      kind: 'all',
    });
  });
});
