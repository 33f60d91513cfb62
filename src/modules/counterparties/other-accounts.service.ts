import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import { TransactionEntity } from '../transactions/entities/transaction.entity';
import type { ViewDefinition } from '../views/system-views';
import type { AccountRef } from '../views/views.service';
import { CounterpartyLocationEntity } from '../counterparty-metadata/entities/counterparty-location.entity';
import { CounterpartyMetadataService } from './counterparty-metadata.service';
import { CounterpartyEntity } from './entities/counterparty.entity';
import { CounterpartyMetadataEntity } from './entities/counterparty-metadata.entity';
import type { OtherAccount, OtherAccountBase } from './other-account.mapper';

/** The counterparty columns a transaction carries. */
type CounterpartyColumns = Pick<
  TransactionEntity,
  'counterpartyId' | 'counterpartyName' | 'counterpartyAccountNumber' | 'counterpartyRoutingScheme' | 'counterpartyRoutingAddress'
>;

/**
 * "Other accounts" of an account: the implicit counterparties of its transactions and its explicit
 * counterparties, each with its metadata row (created, with a public alias, on first read).
 */
@Injectable()
export class OtherAccountsService {
  constructor(
    @InjectRepository(TransactionEntity) private readonly transactions: Repository<TransactionEntity>,
    @InjectRepository(CounterpartyEntity) private readonly explicit: Repository<CounterpartyEntity>,
    @InjectRepository(CounterpartyMetadataEntity) private readonly metadata: Repository<CounterpartyMetadataEntity>,
    @InjectRepository(CounterpartyLocationEntity) private readonly locations: Repository<CounterpartyLocationEntity>,
    private readonly metadataRows: CounterpartyMetadataService,
  ) {}

  /** Every other account of the account, implicit then explicit, ordered by id. */
  async list(account: AccountRef): Promise<OtherAccount[]> {
    const implicit: CounterpartyColumns[] = await this.transactions
      .createQueryBuilder('t')
      .select(['t.counterpartyId', 't.counterpartyName', 't.counterpartyAccountNumber', 't.counterpartyRoutingScheme', 't.counterpartyRoutingAddress'])
      .distinctOn(['t.counterpartyId'])
      .where('t.bankId = :bankId AND t.accountId = :accountId', account)
      .orderBy('t.counterpartyId')
      .getMany();
    const explicit = await this.explicit.find({ where: { bankId: account.bankId, accountId: account.accountId }, order: { counterpartyId: 'ASC' } });
    return this.withMetadata(account, [...implicit.map(fromTransaction), ...explicit.map(fromExplicit)]);
  }

  /**
   * One other account by id (explicit first, then implicit), moderated access checked: the view
   * needs can_see_transaction_other_bank_account. Unknown ids answer 400 OBP-50200, as OBP.
   */
  async get(account: AccountRef, view: ViewDefinition, counterpartyId: string): Promise<OtherAccount> {
    if (!view.permissions.has('can_see_transaction_other_bank_account')) {
      throw ObpException.of(
        'InvalidConnectorResponse',
        `<- OBP-20022: View does not permit the access. You need the \`can_see_transaction_other_bank_account\` permission on the view(${view.viewId})`,
      );
    }
    const found = await this.find(account, counterpartyId);
    if (!found) throw ObpException.of('InvalidConnectorResponse', `Current OTHER_ACCOUNT_ID = ${counterpartyId.slice(0, 64)}`);
    return found;
  }

  /** An other account of the account by id, or undefined. */
  async find(account: AccountRef, counterpartyId: string): Promise<OtherAccount | undefined> {
    // Explicit counterparty ids are UUIDs; implicit ones are hashes, so only UUIDs need the first lookup.
    const explicit = isUuid(counterpartyId) ? await this.explicit.findOneBy({ bankId: account.bankId, accountId: account.accountId, counterpartyId }) : null;
    if (explicit) return (await this.withMetadata(account, [fromExplicit(explicit)]))[0];
    const transaction = await this.transactions.findOne({
      select: {
        counterpartyId: true,
        counterpartyName: true,
        counterpartyAccountNumber: true,
        counterpartyRoutingScheme: true,
        counterpartyRoutingAddress: true,
      },
      where: { bankId: account.bankId, accountId: account.accountId, counterpartyId },
    });
    return transaction ? (await this.withMetadata(account, [fromTransaction(transaction)]))[0] : undefined;
  }

  /** Attaches metadata rows and locations (two queries), creating missing metadata rows first. */
  async withMetadata(account: AccountRef, others: OtherAccountBase[]): Promise<OtherAccount[]> {
    if (others.length === 0) return [];
    const ids = others.map((other) => other.counterpartyId);
    let rows = await this.metadata.findBy({ counterpartyId: In(ids) });
    if (rows.length < new Set(ids).size) {
      const present = new Set(rows.map((row) => row.counterpartyId));
      await this.metadataRows.ensure(
        others.filter((other) => !present.has(other.counterpartyId)).map((other) => ({ ...account, counterpartyId: other.counterpartyId, name: other.name })),
      );
      rows = await this.metadata.findBy({ counterpartyId: In(ids) });
    }
    const locations = await this.locations.find({ where: { counterpartyId: In(ids) }, relations: { user: true } });
    const byId = new Map(rows.map((row) => [row.counterpartyId, row]));
    const location = (id: string, kind: 'corporate' | 'physical') => locations.find((row) => row.counterpartyId === id && row.kind === kind);
    return others.map((other) => ({
      ...other,
      metadata: byId.get(other.counterpartyId),
      corporateLocation: location(other.counterpartyId, 'corporate'),
      physicalLocation: location(other.counterpartyId, 'physical'),
    }));
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function fromTransaction(row: CounterpartyColumns): OtherAccountBase {
  return {
    counterpartyId: row.counterpartyId,
    name: row.counterpartyName,
    accountNumber: row.counterpartyAccountNumber,
    routingScheme: row.counterpartyRoutingScheme,
    routingAddress: row.counterpartyRoutingAddress,
  };
}

function fromExplicit(row: CounterpartyEntity): OtherAccountBase {
  return {
    counterpartyId: row.counterpartyId,
    name: row.name,
    accountNumber: '',
    routingScheme: row.otherAccountRoutingScheme,
    routingAddress: row.otherAccountRoutingAddress,
  };
}
