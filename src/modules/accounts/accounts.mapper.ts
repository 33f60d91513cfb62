import { fromMinorUnits } from '../../common/money';
import type { UserEntity } from '../users/entities/user.entity';
import type { ViewDefinition } from '../views/system-views';
import type { ViewFlag } from '../views/view-permissions';
import { toViewBasicJson, toViewJsonV121 } from '../views/views.mapper';
import type { AccountDetails } from './accounts.service';

type Json = Record<string, unknown>;

export function ownerJson(user: UserEntity): Json {
  return { id: user.userId, provider: user.provider, display_name: user.username };
}

/** A value the view may show, else null (OBP's moderation). */
export function shown<T>(view: ViewDefinition, flag: ViewFlag, value: T): T | null {
  return view.permissions.has(flag) ? value : null;
}

function iban(details: AccountDetails): string | null {
  return details.routings.find((routing) => routing.scheme === 'IBAN')?.address ?? null;
}

/** The fields both moderated account forms show, each behind its view flag. */
function moderatedFields(details: AccountDetails, view: ViewDefinition): Json {
  const { account } = details;
  return {
    label: shown(view, 'can_see_bank_account_label', account.label),
    number: shown(view, 'can_see_bank_account_number', account.number),
    owners: shown(view, 'can_see_bank_account_owners', details.owners.map(ownerJson)),
    type: shown(view, 'can_see_bank_account_type', account.accountType),
    balance: {
      currency: shown(view, 'can_see_bank_account_currency', account.currency),
      amount: shown(view, 'can_see_bank_account_balance', fromMinorUnits(account.balance, account.currency)),
    },
  };
}

/** v1.2.1 ModeratedAccountJSON: one account through a view. */
export function toModeratedAccountJsonV121(details: AccountDetails, view: ViewDefinition, viewsAvailable: ViewDefinition[]): Json {
  return {
    id: details.account.accountId,
    ...moderatedFields(details, view),
    IBAN: shown(view, 'can_see_bank_account_iban', iban(details)),
    swift_bic: null,
    views_available: viewsAvailable.map(toViewJsonV121),
    bank_id: details.account.bankId,
  };
}

/** v3.0.0 ModeratedCoreAccountJsonV300. */
export function toModeratedAccountJsonV300(details: AccountDetails, view: ViewDefinition, viewsAvailable: ViewDefinition[]): Json {
  return {
    id: details.account.accountId,
    bank_id: details.account.bankId,
    ...moderatedFields(details, view),
    account_routings: view.permissions.has('can_see_bank_account_routing_address') ? details.routings : [],
    views_basic: viewsAvailable.map((available) => toViewBasicJson(available)),
  };
}

/** CreateAccountResponseJsonV310 (v3.1.0 on). */
export function toCreateAccountResponseJson(details: AccountDetails): Json {
  const { account } = details;
  return {
    account_id: account.accountId,
    user_id: details.owners[0]?.userId ?? '',
    label: account.label,
    product_code: account.accountType,
    balance: { currency: account.currency, amount: fromMinorUnits(account.balance, account.currency) },
    branch_id: account.branchId,
    account_routings: details.routings,
    account_attributes: [],
  };
}

/** CoreAccountJSON (v2.0.0 create, v2.0.0 /my/accounts). */
export function toCoreAccountJson(details: AccountDetails): Json {
  return { id: details.account.accountId, label: details.account.label, bank_id: details.account.bankId, _links: {} };
}

/** v3.0.0 CoreAccountsHeldJsonV300 entry (GET /banks/BANK_ID/accounts-held). */
export function toAccountHeldJson(details: AccountDetails): Json {
  const { account } = details;
  return { id: account.accountId, label: account.label, bank_id: account.bankId, number: account.number, account_routings: details.routings };
}

/** v2.0.0 ModeratedCoreAccountJSON (GET /my/banks/BANK_ID/accounts/ACCOUNT_ID/account, through the owner view). */
export function toModeratedCoreAccountJsonV200(details: AccountDetails, view: ViewDefinition): Json {
  const routing = details.routings[0];
  return {
    id: details.account.accountId,
    ...moderatedFields(details, view),
    IBAN: shown(view, 'can_see_bank_account_iban', iban(details)),
    swift_bic: null,
    bank_id: details.account.bankId,
    account_routing: shown(
      view,
      'can_see_bank_account_routing_address',
      routing ? { scheme: routing.scheme, address: routing.address } : { scheme: '', address: '' },
    ),
  };
}

/** v4.0.0 ModeratedCoreAccountJsonV400: no owners, `product_code` for the type, the private view ids. */
export function toModeratedCoreAccountJsonV400(details: AccountDetails, view: ViewDefinition, privateViews: ViewDefinition[]): Json {
  const { label, number, type, balance } = moderatedFields(details, view);
  return {
    id: details.account.accountId,
    bank_id: details.account.bankId,
    label,
    number,
    product_code: type,
    balance,
    account_routings: view.permissions.has('can_see_bank_account_routing_address') ? details.routings : [],
    views_basic: privateViews.map((available) => available.viewId),
  };
}
