import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseConnection {
  url: string;
  embedded: EmbeddedPostgres | undefined;
}

/** DATABASE_URL when configured; otherwise start the embedded PGlite on the configured directory. */
export async function openDatabase(config: AppConfig): Promise<DatabaseConnection> {
  if (config.database.url) return { url: config.database.url, embedded: undefined };
  const embedded = await startEmbeddedPostgres(config.database.embeddedDataDir, config.database.poolSize + 5);
  return { url: embedded.url, embedded };
}
