import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { IN_MEMORY, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

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

/**
 * DATABASE_URL when configured; otherwise start the embedded PGlite on the configured directory,
 * saying so first through `announce` (creating a new one takes a while).
 */
export async function openDatabase(config: AppConfig, announce?: (line: string) => void): Promise<DatabaseConnection> {
  if (config.database.url) {
    return { url: config.database.url, embedded: undefined, poolSize: config.database.poolSize, preparedStatements: config.database.preparedStatements };
  }
  announce?.(embeddedDatabaseAnnouncement(config.database.embeddedDataDir));
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

/** The line said before the embedded database starts: a new data directory takes ~30 s to create and migrate. */
export function embeddedDatabaseAnnouncement(dataDir: string): string {
  if (dataDir === IN_MEMORY) return 'Preparing the embedded database in memory';
  const path = resolve(dataDir);
  const isNew = !existsSync(path) || readdirSync(path).length === 0;
  return isNew
    ? `Preparing the embedded database in ${dataDir}, first start takes ~30 s (set DATABASE_URL to use a PostgreSQL server instead)`
    : `Opening the embedded database in ${dataDir}`;
}
