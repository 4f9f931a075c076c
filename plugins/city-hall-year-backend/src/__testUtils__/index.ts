import {
  mockCredentials,
  type TestDatabaseId,
  type TestDatabases,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { as, startCityHallYearBackend, type Person } from './testBackend';
import { createTestDatabases } from './testDatabases';

export * from './testBackend';
export { createTestDatabases } from './testDatabases';

// Each file that uses the harness starts backends, once per database: slower than
// Jest's 5 s default on a loaded machine.
jest.setTimeout(120_000);

/** Where the plugin's routes are mounted in a test backend. */
export const API = '/api/city-hall-year';

/** Departments of the example organisation the tests write as. */
export const FINANCE = 'group:default/zaisei-ka';
export const COUNCIL = 'group:default/giji-ka';
export const ACCOUNTING = 'group:default/kaikei-ka';
export const BUREAU = 'group:default/kikaku-zaisei-kyoku';

/** A started test backend: its server, database, and what it recorded. */
export type TestBackend = Awaited<ReturnType<typeof startCityHallYearBackend>>;

/** How {@link startCityHallYearBackend} starts the backend. */
export type TestBackendOptions = NonNullable<
  Parameters<typeof startCityHallYearBackend>[2]
>;

/**
 * A suite run once on every database of {@link createTestDatabases} (SQLite, and each
 * configured PostgreSQL), each time against a backend started for it before the
 * suite's own `beforeAll`s. The suite gets the backend as an object whose fields are
 * filled when it has started; read them inside tests and hooks. The databases are
 * there for suites that start a second backend.
 */
export function describeOnEachDatabase(
  name: string,
  options: TestBackendOptions,
  suite: (
    backend: TestBackend,
    databaseId: TestDatabaseId,
    databases: TestDatabases,
  ) => void,
) {
  // The callers' titles are string literals; the rule cannot see through the call.
  // eslint-disable-next-line jest/valid-title
  describe(name, () => {
    const databases = createTestDatabases();
    describe.each(databases.eachSupportedId())('on %p', databaseId => {
      const backend = {} as TestBackend;
      beforeAll(async () => {
        Object.assign(
          backend,
          await startCityHallYearBackend(databases, databaseId, options),
        );
      });
      suite(backend, databaseId, databases);
    });
  });
}

/**
 * Requests to the plugin's routes of a test backend, as a person of the example
 * organisation (or any user, by entity ref), or signed out when no person is given: `callAs(ctx, 'finance')
 * .post('/entries').send(body)`. Paths are below the plugin's mount point.
 */
export function callAs(
  backend: Pick<TestBackend, 'server'>,
  person?: Person | `user:${string}`,
) {
  // Anyone else than the example people is a user with no groups.
  const header = (who: Person | `user:${string}`) =>
    who.startsWith('user:')
      ? mockCredentials.user.header(who)
      : as(who as Person);
  const call =
    (method: 'get' | 'post' | 'put' | 'delete' | 'patch') => (path: string) => {
      const req = request(backend.server)[method](`${API}${path}`);
      return person ? req.set('Authorization', header(person)) : req;
    };
  return {
    get: call('get'),
    post: call('post'),
    put: call('put'),
    delete: call('delete'),
    patch: call('patch'),
  };
}

export { snapshotDatabase } from './snapshot';
