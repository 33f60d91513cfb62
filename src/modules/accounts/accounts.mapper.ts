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
