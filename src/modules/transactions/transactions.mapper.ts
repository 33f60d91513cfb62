import { fromMinorUnits } from '../../common/money';
import { formatObpDate } from '../../common/http/obp-date';
import { shown } from '../accounts/accounts.mapper';
import { toOtherAccountJsonV121, toOtherAccountJsonV300 } from '../counterparties/other-account.mapper';
import type { ViewDefinition } from '../views/system-views';
import type { TransactionView } from './transactions.service';

type Json = Record<string, unknown>;

function holders(view: ViewDefinition, item: TransactionView): Json[] | null {
  return shown(
    view,
    'can_see_bank_account_owners',
    item.thisAccount.owners.map((owner) => ({ name: owner.username, is_alias: false })),
  );
}

function thisAccountV121(view: ViewDefinition, item: TransactionView): Json | null {
  if (!view.permissions.has('can_see_transaction_this_bank_account')) return null;
  const { account, routings } = item.thisAccount;
  return {
    id: account.accountId,
    holders: holders(view, item),
    number: shown(view, 'can_see_bank_account_number', account.number),
    kind: shown(view, 'can_see_bank_account_type', account.accountType),
    IBAN: shown(view, 'can_see_bank_account_iban', routings.find((routing) => routing.scheme === 'IBAN')?.address ?? null),
    swift_bic: shown(view, 'can_see_bank_account_swift_bic', item.bank?.swiftBic || null),
    bank: {
      national_identifier: shown(view, 'can_see_bank_account_national_identifier', item.bank?.nationalIdentifier || null),
      name: shown(view, 'can_see_bank_account_bank_name', item.bank?.fullName || null),
    },
  };
}

function thisAccountV300(view: ViewDefinition, item: TransactionView): Json | null {
  if (!view.permissions.has('can_see_transaction_this_bank_account')) return null;
  const { account, routings } = item.thisAccount;
  return {
    id: account.accountId,
    bank_routing: {
      scheme: shown(view, 'can_see_bank_routing_scheme', item.bank?.routingScheme || 'OBP'),
      address: shown(view, 'can_see_bank_routing_address', item.bank?.routingAddress || account.bankId),
    },
    account_routings: view.permissions.has('can_see_bank_account_routing_address') ? routings : [],
    holders: holders(view, item),
  };
}

function details(view: ViewDefinition, item: TransactionView): Json {
  const { transaction } = item;
  const currency = shown(view, 'can_see_transaction_currency', transaction.currency);
  return {
    type: shown(view, 'can_see_transaction_type', transaction.transactionType),
    description: shown(view, 'can_see_transaction_description', transaction.description),
    posted: shown(view, 'can_see_transaction_start_date', formatObpDate(transaction.posted)),
    completed: shown(view, 'can_see_transaction_finish_date', formatObpDate(transaction.completed)),
    new_balance: { currency, amount: shown(view, 'can_see_transaction_balance', fromMinorUnits(transaction.newBalance, transaction.currency)) },
    value: { currency, amount: shown(view, 'can_see_transaction_amount', fromMinorUnits(transaction.amount, transaction.currency)) },
  };
}

function transactionJson(view: ViewDefinition, item: TransactionView, thisAccount: Json | null, otherAccount: Json | null): Json {
  return {
    id: item.transaction.transactionId,
    this_account: thisAccount,
    other_account: view.permissions.has('can_see_transaction_other_bank_account') ? otherAccount : null,
    details: details(view, item),
    metadata: item.metadata,
  };
}

/** TransactionJSON (v1.2.1 - v3.0.0). */
export function toTransactionJsonV121(view: ViewDefinition, item: TransactionView): Json {
  return transactionJson(view, item, thisAccountV121(view, item), toOtherAccountJsonV121(view, item.other));
}

/** TransactionJsonV300 (v3.0.0 list, v3.1.0 one, on). */
export function toTransactionJsonV300(view: ViewDefinition, item: TransactionView): Json {
  return { ...transactionJson(view, item, thisAccountV300(view, item), toOtherAccountJsonV300(view, item.other)), transaction_attributes: [] };
}
