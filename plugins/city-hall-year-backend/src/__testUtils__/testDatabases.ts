import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

function configuredPostgres(): TestDatabaseId[] {
  return POSTGRES_IDS.filter(id => {
    const version = id.replace('POSTGRES_', '');
    return Boolean(
      process.env[
        `BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING`
      ],
    );
  });
}

/**
 * The databases the plugin's storage tests run on: SQLite always, and every
 * PostgreSQL server given by a `BACKSTAGE_TEST_DATABASE_POSTGRES*_CONNECTION_STRING`
 * variable. The README test command starts one; in CI a missing server is an
 * error, never a silent skip.
 */
export function createTestDatabases(): TestDatabases {
  const postgres = configuredPostgres();
  if (
    postgres.length === 0 &&
    (process.env.CI || process.env.CITY_HALL_YEAR_REQUIRE_POSTGRES)
  ) {
    throw new Error(
      'No PostgreSQL for the database tests: set BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING (scripts/test.sh starts a server and sets it)',
    );
  }
  return TestDatabases.create({
    ids: ['SQLITE_3', ...postgres],
    disableDocker: true,
  });
}
