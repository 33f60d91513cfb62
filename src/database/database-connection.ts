import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  url: string;
  embedded: EmbeddedPostgres | undefined;
  /** Pool size to use against this database. */
  poolSize: number;
  /** Whether hot-path reads may use named prepared statements on this database. */
  preparedStatements: boolean;
}

/**
 * PGlite is a single backend behind a socket that only keeps one connection's messages together
 * inside a transaction: concurrent extended-protocol exchanges from several connections can
 * interleave and corrupt each other. One pooled connection serialises them, and costs nothing
 * because PGlite runs one query at a time anyway.
 */
export const EMBEDDED_POOL_SIZE = 1;

/** DATABASE_URL when configured; otherwise start the embedded PGlite on the configured directory. */
export async function openDatabase(config: AppConfig): Promise<DatabaseConnection> {
  if (config.database.url) {
    return { url: config.database.url, embedded: undefined, poolSize: config.database.poolSize, preparedStatements: config.database.preparedStatements };
  }
  // Room for the app's connection plus CLI and health tooling.
  const embedded = await startEmbeddedPostgres(config.database.embeddedDataDir, 10);
  // PGlite is one backend session shared by every socket connection: a statement prepared through
  // one connection already exists for the next, whose pg client would prepare it again and fail.
  return { url: embedded.url, embedded, poolSize: EMBEDDED_POOL_SIZE, preparedStatements: false };
}

/** The configuration with the database settings adjusted to the database actually opened. */
export function configFor(config: AppConfig, database: DatabaseConnection): AppConfig {
  return { ...config, database: { ...config.database, poolSize: database.poolSize, preparedStatements: database.preparedStatements } };
}
