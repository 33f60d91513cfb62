// One Jest run covers unit specs (beside the code in src/) and e2e specs (test/e2e/).
// globalSetup provides the database: DATABASE_URL if set, else an in-memory embedded PGlite,
// migrated once; test apps then start with migrations off.
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testRegex: '(src/.*\\.spec\\.ts|test/.*\\.e2e-spec\\.ts)$',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Registers the secrets every supertest exchange carries, for global-teardown's log check.
  setupFiles: ['<rootDir>/test/support/secret-registry.setup.ts'],
  testTimeout: 30000,
};
