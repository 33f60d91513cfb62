import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { loadEnvFile } from '../config/env-file';
import { openDatabase } from './database-connection';
import { EmbeddedDatabaseInUseError } from './embedded-postgres';
import { buildDataSourceOptions } from './data-source-options';

/**
 * DataSource for the TypeORM CLI. TypeORM 1.x awaits a promised default export, which lets the
 * CLI start the embedded database when DATABASE_URL is unset; destroy() stops it again so the
 * command exits.
 */
async function createCliDataSource(): Promise<DataSource> {
  loadEnvFile(); // as the server does: .env, with the environment winning
  const config = loadConfig();
  const connection = await openDatabase(config).catch((error: unknown) => {
    // Expected when a server runs on the embedded database: say so in one line, not TypeORM's stack trace.
    if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  });
  const dataSource = new DataSource(buildDataSourceOptions(connection.url, 2, false));
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await connection.embedded?.stop();
  };
  return dataSource;
}

export default createCliDataSource();
