import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { demoAuthProviderModule } from './demoAuthProvider';
import { groupHierarchyOwnershipModule } from './groupHierarchyOwnership';

jest.setTimeout(60_000);

const group = (name: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'division', children: [], ...(parent ? { parent } : {}) },
});

const entities: Entity[] = [
  group('kikaku-zaisei-kyoku'),
  group('zaisei-ka', 'kikaku-zaisei-kyoku'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'yamada.taro', namespace: 'default' },
    spec: { memberOf: ['zaisei-ka'] },
    relations: [{ type: 'memberOf', targetRef: 'group:default/zaisei-ka' }],
  },
];

async function startAuth(environment: 'development' | 'production') {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      demoAuthProviderModule,
      groupHierarchyOwnershipModule,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          auth: {
            environment,
            session: { secret: 'test' },
            providers: { demo: { development: {} } },
          },
        },
      }),
    ],
  });
  return server;
}

function decodeIdentity(token: string) {
  const payload = token.split('.')[1];
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

describe('demo sign-in', () => {
  describe('in development', () => {
    let server: Awaited<ReturnType<typeof startAuth>>;
    beforeAll(async () => {
      server = await startAuth('development');
    });

    it('issues a token for the named catalog user, owning their groups and parent groups', async () => {
      const res = await request(server)
        .get('/api/auth/demo/refresh?env=development')
        .set('X-Requested-With', 'XMLHttpRequest')
        .set('X-Demo-User', 'yamada.taro');
      expect(res.status).toBe(200);
      const { token, identity } = res.body.backstageIdentity;
      expect(decodeIdentity(token).sub).toBe('user:default/yamada.taro');
      expect(identity.userEntityRef).toBe('user:default/yamada.taro');
      expect(identity.ownershipEntityRefs.sort()).toEqual([
        'group:default/kikaku-zaisei-kyoku',
        'group:default/zaisei-ka',
        'user:default/yamada.taro',
      ]);
    });

    it('refuses a user who is not in the catalog', async () => {
      const res = await request(server)
        .get('/api/auth/demo/refresh?env=development')
        .set('X-Requested-With', 'XMLHttpRequest')
        .set('X-Demo-User', 'nobody');
      expect(res.status).toBe(404);
    });

    it('refuses a request that names nobody', async () => {
      const res = await request(server)
        .get('/api/auth/demo/refresh?env=development')
        .set('X-Requested-With', 'XMLHttpRequest');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/x-demo-user/);
    });
  });

  it('does not exist when auth.environment is production', async () => {
    const server = await startAuth('production');
    const res = await request(server)
      .get('/api/auth/demo/refresh?env=development')
      .set('X-Requested-With', 'XMLHttpRequest')
      .set('X-Demo-User', 'yamada.taro');
    expect(res.status).toBe(404);
    expect(res.body.backstageIdentity).toBeUndefined();
  });
});
