import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** What is used of pg's Pool (the project has no @types/pg). */
interface PgPool {
  query(query: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * A hot-path statement: its name identifies the server-side prepared statement on each
 * connection (one name, one text). Unnamed statements are parsed on every call.
 */
export interface NamedStatement {
  readonly name: string | undefined;
  readonly text: string;
}

/**
 * Raw reads for the hot paths, straight on the pg pool under TypeORM (the same connections; like
 * DataSource.query, outside any transaction). TypeORM's query runner and entity hydration
 * cost more than the query itself on a primary-key read; rows come back as pg parses them
 * (timestamptz as Date, json as objects), so the SQL names its columns as the callers need them.
 *
 * With DATABASE_PREPARED_STATEMENTS (default on; always off on the embedded PGlite) each statement
 * is sent as a named prepared statement: parsed and planned once per connection, then only bound
 * and executed.
 */
@Injectable()
export class PgQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async rows<T>(statement: NamedStatement, values: unknown[]): Promise<T[]> {
    const name = this.config.database.preparedStatements ? statement.name : undefined;
    const query = name !== undefined ? { name, text: statement.text, values } : { text: statement.text, values };
    const result = await this.pool.query(query);
    return result.rows as T[];
  }

  private get pool(): PgPool {
    return (this.dataSource.driver as PostgresDriver).master as PgPool;
  }
}

/**
 * `c.customer_id AS "customerId", ...` (unprefixed without an alias, as RETURNING needs): every
 * column of an entity under its property name, so a raw row reads as the entity without TypeORM's
 * hydration. Built from the entity's metadata, so it cannot drift from it.
 */
export function entityColumns(dataSource: DataSource, entity: Function, alias?: string): string {
  const prefix = alias === undefined ? '' : `${alias}.`;
  return dataSource
    .getMetadata(entity)
    .columns.map((column) => `${prefix}${column.databaseName} AS "${column.propertyName}"`)
    .join(', ');
}
