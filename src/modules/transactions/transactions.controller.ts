import { Controller, Param, UseGuards } from '@nestjs/common';
import { AUTHENTICATED, PUBLIC } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { between, since } from '../../common/versioning/api-versions';
import { AccountViewGuard, ResolvedAccount, type AccountOnView } from '../accounts/account-view.guard';
import { TransactionFilterHeaders, type TransactionFilters } from './transaction-filters';
import { toTransactionJsonV121, toTransactionJsonV300 } from './transactions.mapper';
import { TransactionsService } from './transactions.service';
import { TransactionJson, TransactionJsonV300, TransactionsJSON, TransactionsJsonV300 } from './dto/transactions-responses.json';

const TAGS = ['Transaction'];
const FILTER_HELP =
  "Filters are request HEADERS, as in OBP: obp_sort_direction (ASC|DESC, default DESC), obp_limit (1..10000, default 50), obp_offset (default 0), obp_from_date / obp_to_date (yyyy-MM-dd'T'HH:mm:ss.SSS'Z', bounding the completed date); the names without \"obp_\" work too.";
const LIST_ERRORS = [
  'UserNotLoggedIn',
  'BankNotFound',
  'BankAccountNotFound',
  'UserNoPermissionAccessView',
  'FilterSortDirectionError',
  'FilterOffersetError',
  'FilterLimitError',
  'FilterDateFormatError',
] as const;
const ONE_ERRORS = ['UserNotLoggedIn', 'BankNotFound', 'BankAccountNotFound', 'UserNoPermissionAccessView', 'TransactionNotFound'] as const;

/** An account's transactions through a view: every field the view may not see is null. */
@Controller()
@UseGuards(AccountViewGuard)
export class TransactionsController {
  constructor(private readonly transactions: TransactionsService) {}

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-getTransactionsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions',
    versions: between('1.2.1', '2.2.0'),
    access: PUBLIC,
    summary: 'Get Transactions for Account (Full)',
    description: `The account's transactions as the view shows them; login is optional for public views. ${FILTER_HELP}`,
    tags: TAGS,
    errors: [...LIST_ERRORS],
    responseBody: TransactionsJSON,
  })
  async listV121(@ResolvedAccount() { account, view }: AccountOnView, @TransactionFilterHeaders() filters: TransactionFilters) {
    const items = await this.transactions.list(account, view, filters);
    return { transactions: items.map((item) => toTransactionJsonV121(view, item)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getTransactionsForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions',
    versions: since('3.0.0'),
    access: AUTHENTICATED,
    summary: 'Get Transactions for Account (Full, v3.0.0)',
    description: `As v1.2.1, rendered as TransactionJsonV300; login required. ${FILTER_HELP}`,
    tags: TAGS,
    errors: [...LIST_ERRORS],
    responseBody: TransactionsJsonV300,
  })
  async listV300(@ResolvedAccount() { account, view }: AccountOnView, @TransactionFilterHeaders() filters: TransactionFilters) {
    const items = await this.transactions.list(account, view, filters);
    return { transactions: items.map((item) => toTransactionJsonV300(view, item)) };
  }

  @ObpEndpoint({
    operationId: 'OBPv1.2.1-getTransactionByIdForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions/TRANSACTION_ID/transaction',
    versions: between('1.2.1', '3.0.0'),
    access: PUBLIC,
    summary: 'Get Transaction by Id',
    description: 'One transaction as the view shows it; unknown ids answer 400 OBP-30067. Login is optional for public views.',
    tags: TAGS,
    errors: [...ONE_ERRORS],
    responseBody: TransactionJson,
  })
  async oneV121(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') transactionId: string) {
    return toTransactionJsonV121(view, await this.transactions.get(account, view, transactionId));
  }

  @ObpEndpoint({
    operationId: 'OBPv3.1.0-getTransactionByIdForBankAccount',
    verb: 'GET',
    path: '/banks/BANK_ID/accounts/ACCOUNT_ID/VIEW_ID/transactions/TRANSACTION_ID/transaction',
    versions: since('3.1.0'),
    access: AUTHENTICATED,
    summary: 'Get Transaction by Id (v3.1.0)',
    tags: TAGS,
    errors: [...ONE_ERRORS],
    responseBody: TransactionJsonV300,
  })
  async oneV310(@ResolvedAccount() { account, view }: AccountOnView, @Param('TRANSACTION_ID') transactionId: string) {
    return toTransactionJsonV300(view, await this.transactions.get(account, view, transactionId));
  }
}
