import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { openDatabase } from '../database/database-connection';

/**
 * `obp migrate`: applies the pending migrations on the configured database (DATABASE_URL, else the
 * embedded one) whatever DATABASE_MIGRATE_ON_START says, and names what it did. The release step
 * when instances start without migrating. Opens the database alone, without the application: no
 * service touches a table before the schema is there.
 */
export async function migrateDatabase(config: AppConfig): Promise<string[]> {
  const database = await openDatabase(config);
  const dataSource = new DataSource(buildDataSourceOptions(database.url, 1, false));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const [latest] = await dataSource.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY "timestamp" DESC LIMIT 1');
    const detail = applied.length > 0 ? `applied ${applied.map((migration) => migration.name).join(', ')}` : 'nothing pending';
    return [`database schema up to date (latest migration ${latest?.name ?? 'none'}; ${detail})`];
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.embedded?.stop();
  }
}
