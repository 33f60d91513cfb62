import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type QueryDeepPartialEntity } from 'typeorm';
import { isUuid } from '../../common/http/ids';
import type { SandboxDataImport } from './dto/sandbox-import.json';
import { siteKey, type ExistingData } from './sandbox-import.validator';

/** PostgreSQL takes at most 65535 parameters per statement; stay well below. */
const MAX_PARAMETERS = 30_000;

const unique = (values: string[]) => [...new Set(values)];

/** The sandbox import's only contact with TypeORM: existence lookups and bulk inserts. */
@Injectable()
export class SandboxImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What the database already holds of the ids the import names: a handful of queries, whatever its size. */
  async lookup(data: SandboxDataImport, localProvider: string): Promise<ExistingData> {
    const manager = this.dataSource.manager;
    const namedBanks = unique([
      ...data.banks.map((bank) => bank.id),
      ...data.accounts.map((account) => account.bank),
      ...[...data.branches, ...data.atms, ...data.products, ...data.crm_events].map((item) => item.bank_id),
    ]);
    const column = <T>(rows: T[], pick: (row: T) => string) => new Set(rows.map(pick));
    const pairs = async (table: string, idColumn: string, items: { bank_id: string; id: string }[]) => {
      if (items.length === 0) return new Set<string>();
      const rows: { bank_id: string; id: string }[] = await manager.query(
        `SELECT bank_id, ${idColumn} AS id FROM ${table} WHERE (bank_id, ${idColumn}) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [items.map((item) => item.bank_id), items.map((item) => item.id)],
      );
      return column(rows, (row) => siteKey(row.bank_id, row.id));
    };
    const banks: { bank_id: string }[] = await manager.query('SELECT bank_id FROM banks WHERE bank_id = ANY($1::text[])', [namedBanks]);
    const users: { username: string }[] = await manager.query(
      'SELECT lower(username) AS username FROM users WHERE provider = $1 AND lower(username) = ANY($2::text[])',
      [localProvider, unique(data.users.map((user) => user.user_name.toLowerCase()))],
    );
    const eventIds = unique(data.crm_events.map((event) => event.id.toLowerCase()).filter(isUuid));
    const events: { id: string }[] = await manager.query('SELECT crm_event_id::text AS id FROM crm_events WHERE crm_event_id = ANY($1::uuid[])', [eventIds]);
    return {
      bankIds: column(banks, (row) => row.bank_id),
      usernames: column(users, (row) => row.username),
      branchKeys: await pairs('branches', 'branch_id', data.branches),
      atmKeys: await pairs('atms', 'atm_id', data.atms),
      productKeys: await pairs(
        'products',
        'product_code',
        data.products.map((product) => ({ bank_id: product.bank_id, id: product.code })),
      ),
      crmEventIds: column(events, (row) => row.id),
    };
  }

  /** Runs `work` in one database transaction: everything is written, or nothing. */
  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Multi-row INSERTs, chunked to the parameter limit; no RETURNING. */
  async insertAll<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = manager.getRepository(target).metadata.columns.length;
    const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
    for (let start = 0; start < rows.length; start += chunk) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(target)
        .values(rows.slice(start, start + chunk))
        .updateEntity(false)
        .execute();
    }
  }
}
