import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/postgres-errors';
import { newPublicAlias } from './implicit-counterparty';

/** A counterparty that needs a metadata row. */
export interface CounterpartyRef {
  counterpartyId: string;
  bankId: string;
  accountId: string;
  name: string;
}

const MAX_ATTEMPTS = 5;

/**
 * Creates counterparty metadata rows, each with a public alias unique within its account (OBP
 * creates them on first use; this server at import time and on first read of a counterparty
 * that has none). Existing rows are left alone.
 */
@Injectable()
export class CounterpartyMetadataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ensure(counterparties: CounterpartyRef[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    const unique = [...new Map(counterparties.map((item) => [item.counterpartyId, item])).values()];
    if (unique.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        // A savepoint keeps an enclosing transaction usable when the insert loses an alias race.
        await manager.transaction((inner) => this.insertMissing(inner, unique));
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async insertMissing(manager: EntityManager, counterparties: CounterpartyRef[]): Promise<void> {
    const accounts = [...new Set(counterparties.map((item) => `${item.bankId}\u0000${item.accountId}`))].map((key) => key.split('\u0000'));
    const existing: { bank_id: string; account_id: string; public_alias: string }[] = await manager.query(
      `SELECT bank_id, account_id, public_alias FROM counterparty_metadata
        WHERE (bank_id, account_id) IN (SELECT * FROM unnest($1::text[], $2::text[])) AND public_alias <> ''`,
      [accounts.map(([bankId]) => bankId), accounts.map(([, accountId]) => accountId)],
    );
    const taken = new Set(existing.map((row) => `${row.bank_id}\u0000${row.account_id}\u0000${row.public_alias}`));
    const aliases = counterparties.map((item) => {
      let alias = newPublicAlias();
      while (taken.has(`${item.bankId}\u0000${item.accountId}\u0000${alias}`)) alias = newPublicAlias();
      taken.add(`${item.bankId}\u0000${item.accountId}\u0000${alias}`);
      return alias;
    });
    // Only the primary key may conflict silently; an alias clash must fail (and be retried).
    await manager.query(
      `INSERT INTO counterparty_metadata (counterparty_id, bank_id, account_id, counterparty_name, public_alias)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (counterparty_id) DO NOTHING`,
      [
        counterparties.map((item) => item.counterpartyId),
        counterparties.map((item) => item.bankId),
        counterparties.map((item) => item.accountId),
        counterparties.map((item) => item.name),
        aliases,
      ],
    );
  }
}
