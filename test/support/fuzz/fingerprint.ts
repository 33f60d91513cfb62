import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

/** Tables whose rows say nothing about application data. */
const NOT_APPLICATION_DATA = new Set(['migrations', 'typeorm_metadata']);

/**
 * A fingerprint of every application table: its row count and the sum of a 64-bit hash of each
 * whole row (order-free, so no sort; any changed, added or removed row changes it). Equal
 * fingerprints before and after a request mean the request changed no stored data.
 */
export async function fingerprintTables(app: NestFastifyApplication): Promise<Record<string, string>> {
  const dataSource = app.get(DataSource);
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const names = tables.map((table) => table.name).filter((name) => !NOT_APPLICATION_DATA.has(name));
  const sql = names
    .map((name) => `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0)::text AS print FROM "${name}" t`)
    .join(' UNION ALL ');
  const rows: { name: string; print: string }[] = await dataSource.query(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
