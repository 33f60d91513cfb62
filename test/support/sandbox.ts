import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import type { SandboxDataImport } from '../../src/modules/sandbox/dto/sandbox-import.json';
import { uniqueName } from './identity';

export const SANDBOX_FIXTURES = join(__dirname, '../fixtures/obp');

export function readSandboxFixture(name: 'sandbox-large.json' | 'sandbox-small.json'): SandboxDataImport {
  return JSON.parse(readFileSync(join(SANDBOX_FIXTURES, name), 'utf8')) as SandboxDataImport;
}

/** Every table an import writes to. */
export const SANDBOX_TABLES = [
  'banks',
  'users',
  'accounts',
  'account_routings',
  'account_holders',
  'account_access',
  'custom_views',
  'transactions',
  'counterparty_metadata',
  'branches',
  'atms',
  'products',
  'crm_events',
] as const;

/** Row counts of every table an import touches: equal before and after a refused import. */
export async function sandboxRowCounts(app: NestFastifyApplication): Promise<Record<string, number>> {
  const sql = SANDBOX_TABLES.map((table) => `SELECT '${table}' AS name, count(*)::int AS n FROM ${table}`).join(' UNION ALL ');
  const rows: { name: string; n: number }[] = await app.get(DataSource).query(sql);
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

export const SANDBOX_PASSWORD = 'Sbx-Passw0rd!';

const LICENSE = { license: { id: 'pddl', name: 'PDDL' } };
const ADDRESS = { line_1: '1 Main St', line_2: '', line_3: '', city: 'Berlin', county: '', state: '', post_code: '10115', country_code: 'DE' };

/**
 * A small valid import with ids unique to this call: one bank, two users, two accounts, five
 * transactions (named, nameless with a shared account number, nameless without one), one of each
 * site kind, one product, one CRM event.
 */
export function syntheticSandbox(suffix = uniqueName('')) {
  const bank = `sbx-${suffix}`;
  const alice = `alice.${suffix}`;
  const bob = `bob.${suffix}@example.com`;
  const details = (value: string, balance: string) => ({
    type: 'SEPA',
    description: `payment ${value}`,
    posted: '2024-01-02T03:04:05.000Z',
    completed: '2024-01-03T03:04:05.123Z',
    new_balance: balance,
    value,
  });
  const crmEventId = randomUUID();
  const data = {
    banks: [{ id: bank, short_name: 'Sbx', full_name: `Sandbox ${suffix}`, logo: 'https://example.com/logo.png', website: 'https://example.com' }],
    users: [
      { email: `${alice}@example.com`, password: SANDBOX_PASSWORD, user_name: alice },
      { email: bob, password: SANDBOX_PASSWORD, user_name: bob },
    ],
    accounts: [
      {
        id: 'acc-1',
        bank,
        label: 'Main',
        number: '1001',
        type: 'CURRENT',
        balance: { currency: 'eur', amount: '1234.56' },
        IBAN: `DE00SBX${suffix}1`,
        owners: [alice, bob],
        generate_public_view: true,
        generate_accountants_view: false,
        generate_auditors_view: false,
      },
      {
        id: 'acc-2',
        bank,
        label: 'Yen',
        number: '1002',
        type: 'SAVINGS',
        balance: { currency: 'JPY', amount: '5000' },
        IBAN: `DE00SBX${suffix}2`,
        owners: [bob],
        generate_public_view: false,
        generate_accountants_view: true,
        generate_auditors_view: true,
      },
    ],
    transactions: [
      { id: 't1', this_account: { id: 'acc-1', bank }, counterparty: { name: 'Coffee Shop', account_number: '111' }, details: details('-3.50', '1231.06') },
      { id: 't2', this_account: { id: 'acc-1', bank }, counterparty: { name: 'Coffee Shop' }, details: details('-4.10', '1226.96') },
      { id: 't3', this_account: { id: 'acc-1', bank }, counterparty: { account_number: 'NL-42' }, details: details('100', '1326.96') },
      { id: 't4', this_account: { id: 'acc-1', bank }, counterparty: { name: '', account_number: 'NL-42' }, details: details('50.5', '1377.46') },
      { id: 't1', this_account: { id: 'acc-2', bank }, details: details('-250', '4750') },
    ],
    branches: [
      {
        id: 'br-1',
        bank_id: bank,
        name: 'Head Office',
        address: ADDRESS,
        location: { latitude: 52.5, longitude: 13.4 },
        meta: LICENSE,
        lobby: { hours: '9-5' },
      },
    ],
    atms: [{ id: 'atm-1', bank_id: bank, name: 'Lobby ATM', address: ADDRESS, location: { latitude: 52.5, longitude: 13.4 }, meta: LICENSE }],
    products: [
      {
        bank_id: bank,
        code: `P-${suffix}`,
        name: 'Saver',
        category: 'Savings',
        family: 'Accounts',
        super_family: 'Retail',
        more_info_url: 'https://example.com/p',
        meta: LICENSE,
      },
    ],
    crm_events: [
      {
        id: crmEventId,
        bank_id: bank,
        customer: { name: 'Eve', number: '42' },
        category: 'Call',
        detail: 'Hello',
        channel: 'Phone',
        actual_date: '2024-02-01T10:00:00.000Z',
      },
    ],
  };
  return { data, bank, alice, bob, crmEventId };
}
