import { randomUUID } from 'node:crypto';
import { toMinorUnits } from '../../common/money';
import type { AccountEntity } from '../accounts/entities/account.entity';
import type { AccountHolderEntity } from '../accounts/entities/account-holder.entity';
import type { AccountRoutingEntity } from '../accounts/entities/account-routing.entity';
import type { BankEntity } from '../banks/entities/bank.entity';
import type { CounterpartyRef } from '../counterparties/counterparty-metadata.service';
import { implicitCounterpartyId } from '../counterparties/implicit-counterparty';
import type { CrmEventEntity } from '../crm-events/entities/crm-event.entity';
import type { TransactionEntity } from '../transactions/entities/transaction.entity';
import type { LoginStateColumns, UserEntity } from '../users/entities/user.entity';
import type { CustomViewEntity } from '../views/entities/custom-view.entity';
import type { AccountRef } from '../views/views.service';
import { importGrantedViewIds, publicViewPermissions } from '../views/system-views';
import type { SandboxDataImport, SandboxSiteImport } from './dto/sandbox-import.json';
import type { AtmEntity } from './entities/atm.entity';
import type { BranchEntity } from './entities/branch.entity';
import type { ProductEntity } from './entities/product.entity';
import { parseImportDate } from './sandbox-import.validator';

type Row<T> = Omit<T, 'createdAt' | 'bank' | 'account' | 'user'>;

export type UserRow = Omit<Row<UserEntity>, LoginStateColumns>;

/** How many rows of each kind an import creates (the CLI's summary). */
export interface ImportCounts {
  banks: number;
  users: number;
  accounts: number;
  transactions: number;
  branches: number;
  atms: number;
  products: number;
  crmEvents: number;
  accountHolders: number;
  viewGrants: number;
  publicViews: number;
  counterparties: number;
}

export interface ViewGrant {
  userId: string;
  account: AccountRef;
  viewIds: string[];
}

/** Everything one import writes, as rows ready to insert. Users carry their password until it is hashed. */
export interface ImportPlan {
  banks: Pick<BankEntity, 'bankId' | 'shortName' | 'fullName' | 'logoUrl' | 'websiteUrl'>[];
  users: { row: Omit<UserRow, 'passwordHash'>; password: string }[];
  accounts: Row<AccountEntity>[];
  routings: Row<AccountRoutingEntity>[];
  holders: Row<AccountHolderEntity>[];
  grants: ViewGrant[];
  customViews: Row<CustomViewEntity>[];
  transactions: Row<TransactionEntity>[];
  counterparties: CounterpartyRef[];
  branches: Row<BranchEntity>[];
  atms: Row<AtmEntity>[];
  products: Row<ProductEntity>[];
  crmEvents: Row<CrmEventEntity>[];
}

export interface PlanSettings {
  localProvider: string;
  allowAccountFirehose: boolean;
  allowPublicViews: boolean;
}

const key = (bankId: string, accountId: string) => `${bankId}\u0000${accountId}`;

/** The custom `_public` view of an account (views.md §2). */
function publicView(account: AccountRef): Row<CustomViewEntity> {
  return {
    ...account,
    viewId: '_public',
    name: '_Public',
    description: 'Public View',
    metadataView: '_public',
    isPublic: true,
    isFirehose: true,
    whichAliasToUse: 'public',
    hideMetadataIfAliasUsed: true,
    permissions: publicViewPermissions(),
  };
}

/**
 * OBP's counterparty name rule (sandbox_import.md §6): the given name; else one `unknown_<uuid>`
 * per counterparty account number across the import; else a new one per transaction.
 */
function counterpartyNamer(): (counterparty: { name?: string; account_number?: string } | undefined) => string {
  const byAccountNumber = new Map<string, string>();
  return (counterparty) => {
    if (counterparty?.name) return counterparty.name;
    const number = counterparty?.account_number;
    if (!number) return `unknown_${randomUUID()}`;
    let name = byAccountNumber.get(number);
    if (!name) byAccountNumber.set(number, (name = `unknown_${randomUUID()}`));
    return name;
  };
}

function sitePart(site: SandboxSiteImport): Omit<Row<BranchEntity>, 'branchId' | 'lobbyHours' | 'driveUpHours'> {
  return {
    bankId: site.bank_id,
    name: site.name,
    address: { ...site.address },
    latitude: site.location.latitude,
    longitude: site.location.longitude,
    licenseId: site.meta.license.id,
    licenseName: site.meta.license.name,
  };
}

/** Turns a validated import into rows (sandbox_import.md §3-§10); money in minor units of the account currency. */
export function buildImportPlan(data: SandboxDataImport, settings: PlanSettings): ImportPlan {
  const users = data.users.map((user) => ({
    row: {
      userId: randomUUID(),
      provider: settings.localProvider,
      providerId: user.user_name,
      username: user.user_name,
      email: user.email,
      firstName: user.user_name,
      lastName: user.user_name,
      validated: true,
      // An imported address is not proven by its owner: nothing is granted by it until validated.
      emailVerifiedAt: null,
    },
    password: user.password,
  }));
  const userIds = new Map(users.map((user) => [user.row.username, user.row.userId]));

  const accounts = data.accounts.map((account) => {
    const currency = account.balance.currency.toUpperCase();
    return {
      bankId: account.bank,
      accountId: account.id,
      number: account.number,
      label: account.label,
      accountType: account.type,
      currency,
      balance: toMinorUnits(account.balance.amount, currency) as string,
      branchId: '',
    };
  });
  const viewIds = importGrantedViewIds(settings.allowAccountFirehose);
  const ownership = data.accounts.flatMap((account) =>
    [...new Set(account.owners)].map((owner) => ({ bankId: account.bank, accountId: account.id, userId: userIds.get(owner) as string })),
  );

  const currencies = new Map(accounts.map((account) => [key(account.bankId, account.accountId), account.currency]));
  const nameOf = counterpartyNamer();
  const transactions = data.transactions.map((t) => {
    const currency = currencies.get(key(t.this_account.bank, t.this_account.id)) as string;
    const name = nameOf(t.counterparty);
    return {
      bankId: t.this_account.bank,
      accountId: t.this_account.id,
      transactionId: t.id,
      transactionType: t.details.type,
      description: t.details.description,
      amount: toMinorUnits(t.details.value, currency) as string,
      newBalance: toMinorUnits(t.details.new_balance, currency) as string,
      currency,
      posted: parseImportDate(t.details.posted) as Date,
      completed: parseImportDate(t.details.completed) as Date,
      counterpartyId: implicitCounterpartyId(t.this_account.bank, t.this_account.id, name),
      counterpartyName: name,
      counterpartyAccountNumber: t.counterparty?.account_number ?? '',
      counterpartyRoutingScheme: '',
      counterpartyRoutingAddress: '',
    };
  });

  return {
    banks: data.banks.map((bank) => ({ bankId: bank.id, shortName: bank.short_name, fullName: bank.full_name, logoUrl: bank.logo, websiteUrl: bank.website })),
    users,
    accounts,
    routings: data.accounts.map((account) => ({ bankId: account.bank, accountId: account.id, scheme: 'IBAN', address: account.IBAN })),
    holders: ownership,
    grants: ownership.map(({ userId, bankId, accountId }) => ({ userId, account: { bankId, accountId }, viewIds })),
    // generate_accountants_view / generate_auditors_view are ignored, as in OBP: those views are always granted.
    customViews: settings.allowPublicViews
      ? data.accounts.filter((account) => account.generate_public_view).map((account) => publicView({ bankId: account.bank, accountId: account.id }))
      : [],
    transactions,
    counterparties: [
      ...new Map(
        transactions.map((t) => [t.counterpartyId, { counterpartyId: t.counterpartyId, bankId: t.bankId, accountId: t.accountId, name: t.counterpartyName }]),
      ).values(),
    ],
    branches: data.branches.map((branch) => ({
      ...sitePart(branch),
      branchId: branch.id,
      lobbyHours: branch.lobby?.hours ?? '',
      driveUpHours: branch.driveUp?.hours ?? '',
    })),
    atms: data.atms.map((atm) => ({ ...sitePart(atm), atmId: atm.id })),
    products: data.products.map((product) => ({
      bankId: product.bank_id,
      productCode: product.code,
      name: product.name,
      category: product.category,
      family: product.family,
      superFamily: product.super_family,
      moreInfoUrl: product.more_info_url,
      licenseId: product.meta.license.id,
      licenseName: product.meta.license.name,
    })),
    crmEvents: data.crm_events.map((event) => ({
      crmEventId: event.id.toLowerCase(),
      bankId: event.bank_id,
      userId: null,
      customerName: event.customer.name,
      customerNumber: event.customer.number,
      category: event.category,
      detail: event.detail,
      channel: event.channel,
      scheduledDate: null,
      actualDate: parseImportDate(event.actual_date) as Date,
      result: '',
    })),
  };
}

export function countsOf(plan: ImportPlan): ImportCounts {
  return {
    banks: plan.banks.length,
    users: plan.users.length,
    accounts: plan.accounts.length,
    transactions: plan.transactions.length,
    branches: plan.branches.length,
    atms: plan.atms.length,
    products: plan.products.length,
    crmEvents: plan.crmEvents.length,
    accountHolders: plan.holders.length,
    viewGrants: plan.grants.reduce((sum, grant) => sum + grant.viewIds.length, 0),
    publicViews: plan.customViews.length,
    counterparties: plan.counterparties.length,
  };
}
