import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { EMBEDDED_POOL_SIZE } from '../../src/database/database-connection';
import { IN_MEMORY, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { LOCAL_IDENTITY_PROVIDER_SETTING } from '../../src/modules/identity-provider/local-identity-provider';
import { RUN_LOG_ENV, SECRETS_DIR_ENV } from './run-log';

declare global {
  // Shared with global-teardown (same process).
  var __EMBEDDED_POSTGRES__: EmbeddedPostgres | undefined;
}

/**
 * Provides the test database once for the whole run: the PostgreSQL of DATABASE_URL, or an
 * in-memory PGlite served on loopback (started here, in plain Node, because PGlite's dynamic
 * imports fail inside Jest's VM). Migrations run once; test apps start with migrations off.
 */
export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'silent';
  // One log for the whole run and a registry of the secrets the tests handle: global-teardown fails
  // the run if any secret reached the log (run-log.ts). Test apps and spawned servers log there.
  const runDir = mkdtempSync(join(tmpdir(), 'obp-test-run-'));
  process.env[RUN_LOG_ENV] = join(runDir, 'run.log');
  process.env[SECRETS_DIR_ENV] = join(runDir, 'secrets');
  writeFileSync(process.env[RUN_LOG_ENV], '');
  // Specs share one database; the first-admin bootstrap is tested explicitly where wanted.
  process.env.OBP_BOOTSTRAP_ON_EMPTY_DATABASE ??= 'false';
  // The tests do not read a developer's .env: the servers and CLIs they spawn inherit this.
  process.env.ENV_FILE = '';
  // Every spec logs in from the loopback address (and shares Redis counters when REDIS_URL is set):
  // the per-IP failed-login throttle would let one spec's deliberate failures refuse another's
  // logins. The login-security spec sets its own limits.
  process.env.OBP_LOGIN_THROTTLE_FAILURES_PER_IP ??= '1000000';
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres(IN_MEMORY, 40);
    globalThis.__EMBEDDED_POSTGRES__ = embedded;
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_SIZE = String(EMBEDDED_POOL_SIZE);
    // As on the embedded server: PGlite's single session cannot hold per-connection prepared statements.
    process.env.DATABASE_PREPARED_STATEMENTS = 'false';
    // Specs that need a database other processes can share (multi-instance tests) look at this.
    process.env.OBP_TEST_EMBEDDED_DATABASE = 'true';
  }
  const dataSource = new DataSource(buildDataSourceOptions(process.env.DATABASE_URL, 2, false));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    // Specs share this database and expect local users under the default provider: decide it now, as
    // a first start with the test environment would, so no spec that starts with another hostname or
    // port (a spawned server, say) decides it for the others by running first.
    const config = loadConfig(process.env);
    await dataSource.query('INSERT INTO server_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      LOCAL_IDENTITY_PROVIDER_SETTING,
      config.apiInfo.localIdentityProvider ?? config.apiInfo.hostname,
    ]);
  } finally {
    await dataSource.destroy();
  }
}
