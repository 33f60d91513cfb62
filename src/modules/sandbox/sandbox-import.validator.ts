import type { ObpErrorName } from '../../common/errors/error-catalogue';
import { ObpException } from '../../common/errors/obp.exception';
import { parseObpDate } from '../../common/http/obp-date';
import { isUuid } from '../../common/http/ids';
import { toMinorUnits } from '../../common/money';
import { isValidPassword } from '../users/password-policy';
import { EMAIL_SYNTAX as EMAIL, isValidUsername } from '../users/username-policy';
import type { SandboxDataImport, SandboxSiteImport } from './dto/sandbox-import.json';

/** What the database already holds of the ids an import names (see SandboxImportRepository.lookup). */
export interface ExistingData {
  /** Existing banks among every bank id the import names. */
  bankIds: ReadonlySet<string>;
  /** Existing local users among the imported user names, lower-case (names are unique regardless of case). */
  usernames: ReadonlySet<string>;
  /** Existing rows, keyed by siteKey(bank, id) / siteKey(bank, code). */
  branchKeys: ReadonlySet<string>;
  atmKeys: ReadonlySet<string>;
  productKeys: ReadonlySet<string>;
  /** Existing CRM event ids, lower-case. */
  crmEventIds: ReadonlySet<string>;
}

export function siteKey(bankId: string, id: string): string {
  return `${bankId}\u0000${id}`;
}

/** How many offending items one message names. */
const MAX_NAMED = 10;

function refuse(problems: string[], error: ObpErrorName = 'SandboxDataImportRefused'): void {
  if (problems.length === 0) return;
  const named = problems.slice(0, MAX_NAMED);
  const more = problems.length > MAX_NAMED ? `; and ${problems.length - MAX_NAMED} more` : '';
  // "Cannot import the sandbox data:" ends with ":"; the detail starts after a space.
  throw ObpException.of(error, error === 'SandboxDataImportRefused' ? ` ${named.join('; ')}${more}` : `(${named.join(', ')}${more})`);
}

const q = (value: string) => JSON.stringify(value);

/** Items whose key repeats an earlier item's, described with both indexes. */
function repeats<T>(items: readonly T[], key: (item: T) => string, describe: (item: T, index: number, first: number) => string): string[] {
  const firstIndex = new Map<string, number>();
  return items.flatMap((item, index) => {
    const k = key(item);
    const first = firstIndex.get(k);
    if (first === undefined) firstIndex.set(k, index);
    return first === undefined ? [] : [describe(item, index, first)];
  });
}

function where<T>(items: readonly T[], test: (item: T) => boolean, describe: (item: T, index: number) => string): string[] {
  return items.flatMap((item, index) => (test(item) ? [describe(item, index)] : []));
}

/** OBP's AuthUser username rule, shared with POST /users. */
export function isValidImportUsername(name: string): boolean {
  return isValidUsername(name);
}

/** The sandbox date format, milliseconds mandatory: yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (UTC). */
const IMPORT_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseImportDate(text: string): Date | undefined {
  return IMPORT_DATE.test(text) ? parseObpDate(text) : undefined;
}

const DATE_FORMAT = `expected yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`;

function validateBanks(data: SandboxDataImport, existing: ExistingData): void {
  const { banks } = data;
  refuse(
    where(
      banks,
      (bank) => existing.bankIds.has(bank.id),
      (bank, i) => `banks[${i}].id ${q(bank.id)} already exists`,
    ),
  );
  refuse(
    where(
      banks,
      (bank) => bank.id === '',
      (_, i) => `banks[${i}].id is empty`,
    ),
  );
  refuse(
    repeats(
      banks,
      (bank) => bank.id,
      (bank, i, first) => `banks[${i}].id ${q(bank.id)} repeats banks[${first}].id`,
    ),
  );
}

function validateUsers(data: SandboxDataImport, existing: ExistingData): void {
  const { users } = data;
  // Usernames are unique regardless of case.
  refuse(
    where(
      users,
      (user) => existing.usernames.has(user.user_name.toLowerCase()),
      (user, i) => `users[${i}].user_name ${q(user.user_name)} already exists`,
    ),
  );
  refuse(
    repeats(
      users,
      (user) => user.user_name.toLowerCase(),
      (user, i, first) => `users[${i}].user_name ${q(user.user_name)} repeats users[${first}].user_name`,
    ),
  );
  refuse(
    where(
      users,
      (user) => !isValidPassword(user.password),
      (user, i) => `users[${i}] ${q(user.user_name)}`,
    ),
    'InvalidStrongPasswordFormat',
  );
  refuse(
    where(
      users,
      (user) => !isValidImportUsername(user.user_name),
      (user, i) =>
        `users[${i}].user_name ${q(user.user_name)} must be an e-mail address or 8 to 100 of A-Z a-z 0-9 . _ (not starting or ending with, nor doubling, "." or "_")`,
    ),
  );
  refuse(
    where(
      users,
      (user) => !EMAIL.test(user.email),
      (user, i) => `users[${i}].email ${q(user.email)} is not a valid e-mail address`,
    ),
  );
}

function validateAccounts(data: SandboxDataImport, existing: ExistingData): void {
  const { accounts } = data;
  const importedBanks = new Set(data.banks.map((bank) => bank.id));
  const importedUsers = new Set(data.users.map((user) => user.user_name));
  // Imported banks are new, so their accounts, IBAN routings and transactions cannot exist yet.
  refuse(
    where(
      accounts,
      (account) => !importedBanks.has(account.bank),
      (account, i) =>
        `accounts[${i}].bank ${q(account.bank)} is not a bank of this import${existing.bankIds.has(account.bank) ? ' (accounts can only be imported together with their bank)' : ''}`,
    ),
  );
  refuse(
    where(
      accounts,
      (account) => account.id === '',
      (_, i) => `accounts[${i}].id is empty`,
    ),
  );
  refuse(
    repeats(
      accounts,
      (account) => siteKey(account.bank, account.id),
      (account, i, first) => `accounts[${i}].id ${q(account.id)} repeats accounts[${first}].id at bank ${q(account.bank)}`,
    ),
  );
  refuse(
    repeats(
      accounts,
      (account) => siteKey(account.bank, account.number),
      (account, i, first) => `accounts[${i}].number ${q(account.number)} repeats accounts[${first}].number at bank ${q(account.bank)}`,
    ),
  );
  refuse(
    repeats(
      accounts,
      (account) => siteKey(account.bank, account.IBAN),
      (account, i, first) => `accounts[${i}].IBAN ${q(account.IBAN)} repeats accounts[${first}].IBAN at bank ${q(account.bank)}`,
    ),
  );
  refuse(
    where(
      accounts,
      (account) => account.owners.length === 0,
      (_, i) => `accounts[${i}].owners is empty: an account needs at least one owner`,
    ),
  );
  refuse(
    accounts.flatMap((account, i) =>
      where(
        account.owners,
        (owner) => !importedUsers.has(owner),
        (owner, k) => `accounts[${i}].owners[${k}] ${q(owner)} is not a user_name of this import`,
      ),
    ),
  );
  refuse(
    where(
      accounts,
      (account) => toMinorUnits(account.balance.amount, account.balance.currency) === undefined,
      (account, i) => `accounts[${i}].balance.amount ${q(account.balance.amount)} is not a decimal number (or is too large)`,
    ),
  );
}

function validateTransactions(data: SandboxDataImport): void {
  const { transactions } = data;
  const currencies = new Map(data.accounts.map((account) => [siteKey(account.bank, account.id), account.balance.currency]));
  const accountOf = (t: (typeof transactions)[number]) => siteKey(t.this_account.bank, t.this_account.id);
  refuse(
    where(
      transactions,
      (t) => !currencies.has(accountOf(t)),
      (t, i) => `transactions[${i}].this_account (bank ${q(t.this_account.bank)}, id ${q(t.this_account.id)}) is not an account of this import`,
    ),
  );
  refuse(
    where(
      transactions,
      (t) => t.id === '',
      (_, i) => `transactions[${i}].id is empty`,
    ),
  );
  refuse(
    repeats(
      transactions,
      (t) => siteKey(accountOf(t), t.id),
      (t, i, first) =>
        `transactions[${i}].id ${q(t.id)} repeats transactions[${first}].id on account (bank ${q(t.this_account.bank)}, id ${q(t.this_account.id)})`,
    ),
  );
  refuse(
    transactions.flatMap((t, i) => {
      const currency = currencies.get(accountOf(t)) as string;
      const { details } = t;
      if (toMinorUnits(details.new_balance, currency) === undefined)
        return [`transactions[${i}].details.new_balance ${q(details.new_balance)} is not a decimal number`];
      if (toMinorUnits(details.value, currency) === undefined) return [`transactions[${i}].details.value ${q(details.value)} is not a decimal number`];
      if (!parseImportDate(details.posted)) return [`transactions[${i}].details.posted ${q(details.posted)} is not a valid date: ${DATE_FORMAT}`];
      if (!parseImportDate(details.completed)) return [`transactions[${i}].details.completed ${q(details.completed)} is not a valid date: ${DATE_FORMAT}`];
      return [];
    }),
  );
}

/** bank_id of a branch, ATM, product or CRM event: a bank of this import or one already stored. */
function unknownBanks(kind: string, items: readonly { bank_id: string }[], data: SandboxDataImport, existing: ExistingData): string[] {
  const importedBanks = new Set(data.banks.map((bank) => bank.id));
  return where(
    items,
    (item) => !importedBanks.has(item.bank_id) && !existing.bankIds.has(item.bank_id),
    (item, i) => `${kind}[${i}].bank_id ${q(item.bank_id)} is neither a bank of this import nor an existing bank`,
  );
}

/** Branches and ATMs: OBP checks nothing (its unique index fails mid-save); we refuse up front. */
function validateSites(
  kind: 'branches' | 'atms',
  sites: readonly SandboxSiteImport[],
  existingKeys: ReadonlySet<string>,
  data: SandboxDataImport,
  existing: ExistingData,
): void {
  refuse(unknownBanks(kind, sites, data, existing));
  refuse(
    where(
      sites,
      (s) => s.id === '',
      (_, i) => `${kind}[${i}].id is empty`,
    ),
  );
  refuse(
    repeats(
      sites,
      (s) => siteKey(s.bank_id, s.id),
      (s, i, first) => `${kind}[${i}].id ${q(s.id)} repeats ${kind}[${first}].id at bank ${q(s.bank_id)}`,
    ),
  );
  refuse(
    where(
      sites,
      (s) => existingKeys.has(siteKey(s.bank_id, s.id)),
      (s, i) => `${kind}[${i}].id ${q(s.id)} already exists at bank ${q(s.bank_id)}`,
    ),
  );
}

function validateProducts(data: SandboxDataImport, existing: ExistingData): void {
  const { products } = data;
  refuse(unknownBanks('products', products, data, existing));
  refuse(
    where(
      products,
      (p) => existing.productKeys.has(siteKey(p.bank_id, p.code)),
      (p, i) => `products[${i}].code ${q(p.code)} already exists at bank ${q(p.bank_id)}`,
    ),
  );
  refuse(
    where(
      products,
      (p) => p.code === '',
      (_, i) => `products[${i}].code is empty`,
    ),
  );
  // OBP: product codes are unique across the whole import, whatever the bank.
  refuse(
    repeats(
      products,
      (p) => p.code,
      (p, i, first) => `products[${i}].code ${q(p.code)} repeats products[${first}].code`,
    ),
  );
}

function validateCrmEvents(data: SandboxDataImport, existing: ExistingData): void {
  const events = data.crm_events;
  refuse(unknownBanks('crm_events', events, data, existing));
  refuse(
    where(
      events,
      (e) => !isUuid(e.id),
      (e, i) => `crm_events[${i}].id ${q(e.id)} is not a UUID`,
    ),
  );
  refuse(
    repeats(
      events,
      (e) => e.id.toLowerCase(),
      (e, i, first) => `crm_events[${i}].id ${q(e.id)} repeats crm_events[${first}].id`,
    ),
  );
  refuse(
    where(
      events,
      (e) => existing.crmEventIds.has(e.id.toLowerCase()),
      (e, i) => `crm_events[${i}].id ${q(e.id)} already exists`,
    ),
  );
  refuse(
    where(
      events,
      (e) => !parseImportDate(e.actual_date),
      (e, i) => `crm_events[${i}].actual_date ${q(e.actual_date)} is not a valid date: ${DATE_FORMAT}`,
    ),
  );
}

/**
 * Every rule of sandbox_import.md §3-§10, stage by stage in OBP's order (banks, users, accounts,
 * transactions, branches, ATMs, products, CRM events); the first rule that fails decides the
 * answer: 400 OBP-30094 (or OBP-30207 for passwords) naming the offending items. Deviations:
 * IBANs are unique per bank (OBP: across the import); branches, ATMs, products and CRM events
 * must name a known bank, and their ids must be new (OBP lets the save fail half-way).
 */
export function validateSandboxImport(data: SandboxDataImport, existing: ExistingData): void {
  validateBanks(data, existing);
  validateUsers(data, existing);
  validateAccounts(data, existing);
  validateTransactions(data);
  validateSites('branches', data.branches, existing.branchKeys, data, existing);
  validateSites('atms', data.atms, existing.atmKeys, data, existing);
  validateProducts(data, existing);
  validateCrmEvents(data, existing);
}
