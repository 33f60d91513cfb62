import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { WithWireDates } from './pg-wire-dates';
import { RowsQuery } from './rows-query';

/** What is used of pg's Pool (the project has no @types/pg): a submitted query answers what its callback is given. */
interface PgPool {
  query(query: RowsQuery): Promise<object[]>;
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
 * cost more than the query itself on a primary-key read. The SQL names its columns as the callers
 * need them; values come back as pg parses them (json as objects), except timestamps, which arrive
 * already in OBP's wire format (WithWireDates: the rows go straight to the JSON mappers).
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

  rows<T>(statement: NamedStatement, values: unknown[]): Promise<WithWireDates<T>[]> {
    const name = this.config.database.preparedStatements ? statement.name : undefined;
    return this.pool.query(new RowsQuery(statement, name, values)) as Promise<WithWireDates<T>[]>;
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

/** An entity's INSERT … RETURNING as one fixed statement, and the values it binds for one row. */
export interface EntityInsert {
  readonly statement: NamedStatement;
  values(row: object): unknown[];
}

/**
 * One INSERT for every column of an entity, in metadata order, returning `returning`. Each column is bound
 * and cast to its type; a NOT NULL column left undefined (or null) takes its own DEFAULT expression
 * (COALESCE with TypeORM's rendering of the column default, the one the migrations hold); creation and
 * update dates are the database's DEFAULT. One text for every row, whatever fields it has, so it runs as
 * a prepared statement; TypeORM's insert builder writes a statement per set of given fields and cost more
 * CPU than PostgreSQL's insert on the create path (bench profile, issue 21).
 */
export function entityInsert(dataSource: DataSource, entity: Function, name: string, returning: string): EntityInsert {
  const metadata = dataSource.getMetadata(entity);
  const driver = dataSource.driver as PostgresDriver;
  const bound = metadata.columns.filter((column) => !column.isCreateDate && !column.isUpdateDate);
  const expressions = metadata.columns.map((column) => {
    if (column.isCreateDate || column.isUpdateDate) return 'DEFAULT';
    const parameter = `$${bound.indexOf(column) + 1}::${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`;
    const fallback = driver.normalizeDefault(column);
    if (fallback === undefined) return parameter;
    // One parameter cannot tell "not given" (DEFAULT) from "given as null" (NULL) on a nullable column.
    if (column.isNullable) throw new Error(`entityInsert: nullable column ${column.databaseName} with a default is not supported`);
    return `COALESCE(${parameter}, ${fallback})`;
  });
  const columns = metadata.columns.map((column) => `"${column.databaseName}"`).join(', ');
  const text = `INSERT INTO "${metadata.tableName}" (${columns}) VALUES (${expressions.join(', ')}) RETURNING ${returning}`;
  const properties = bound.map((column) => column.propertyName);
  return {
    statement: { name, text },
    values: (row) => properties.map((property) => (row as Record<string, unknown>)[property]),
  };
}
