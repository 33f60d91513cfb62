import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, Repository } from 'typeorm';
import { ObpException } from '../../common/errors/obp.exception';
import type { AccountDetails } from '../accounts/accounts.service';
import { AccountsService } from '../accounts/accounts.service';
import type { AccountEntity } from '../accounts/entities/account.entity';
import { BankEntity } from '../banks/entities/bank.entity';
import type { OtherAccount } from '../counterparties/other-account.mapper';
import { fromTransaction, OtherAccountsService } from '../counterparties/other-accounts.service';
import { TransactionMetadataService } from '../transaction-metadata/transaction-metadata.service';
import type { ViewDefinition } from '../views/system-views';
import { TransactionEntity } from './entities/transaction.entity';
import type { TransactionFilters } from './transaction-filters';

/** A transaction with what its JSON shows: this account (with routings, owners, bank) and the counterparty. */
export interface TransactionView {
  transaction: TransactionEntity;
  thisAccount: AccountDetails;
  bank: BankEntity | null;
  other: OtherAccount;
  /** Narrative, comments, tags, images and where of the view's metadata view; null when the view may not see them. */
  metadata: Record<string, unknown> | null;
}

/** Reading an account's transactions: a page in SQL (filters, stable order), then a fixed number of lookups. */
@Injectable()
export class TransactionsService {
  constructor(
    @InjectRepository(TransactionEntity) private readonly transactions: Repository<TransactionEntity>,
    @InjectRepository(BankEntity) private readonly banks: Repository<BankEntity>,
    private readonly accounts: AccountsService,
    private readonly others: OtherAccountsService,
    private readonly metadata: TransactionMetadataService,
  ) {}

  async list(account: AccountEntity, view: ViewDefinition, filters: TransactionFilters): Promise<TransactionView[]> {
    const rows = await this.transactions.find({
      where: { bankId: account.bankId, accountId: account.accountId, completed: Between(filters.fromDate, filters.toDate) },
      // The transaction id breaks ties between equal dates, so pages never overlap or skip.
      order: { completed: filters.sortDirection, transactionId: filters.sortDirection },
      take: filters.limit,
      skip: filters.offset,
    });
    return this.present(account, view, rows);
  }

  async get(account: AccountEntity, view: ViewDefinition, transactionId: string): Promise<TransactionView> {
    const row = await this.transactions.findOneBy({ bankId: account.bankId, accountId: account.accountId, transactionId });
    if (!row) throw ObpException.of('TransactionNotFound', `Current TRANSACTION_ID = ${transactionId.slice(0, 64)}`);
    const [item] = await this.present(account, view, [row]);
    return item;
  }

  /** A fixed number of lookups whatever the page size: account details, bank, counterparties, transaction metadata. */
  private async present(account: AccountEntity, view: ViewDefinition, rows: TransactionEntity[]): Promise<TransactionView[]> {
    if (rows.length === 0) return [];
    const ref = { bankId: account.bankId, accountId: account.accountId };
    const [[thisAccount], bank, others, metadata] = await Promise.all([
      this.accounts.details([account]),
      this.banks.findOneBy({ bankId: account.bankId }),
      this.others.withMetadata(ref, rows.map(fromTransaction)),
      this.metadata.summaries(
        account,
        view,
        rows.map((row) => row.transactionId),
      ),
    ]);
    return rows.map((transaction, index) => ({
      transaction,
      thisAccount,
      bank,
      other: others[index],
      metadata: metadata.get(transaction.transactionId) ?? null,
    }));
  }
}
