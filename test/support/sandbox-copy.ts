import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxDataImport } from '../../src/modules/sandbox/dto/sandbox-import.json';

/** OBP's sandbox import file: the import endpoint's own body type. */
export type SandboxFile = SandboxDataImport;

export const SANDBOX_FIXTURES = join(__dirname, '../fixtures/obp');

export function readSandboxFile(name: 'sandbox-large.json' | 'sandbox-small.json'): SandboxFile {
  return JSON.parse(readFileSync(join(SANDBOX_FIXTURES, name), 'utf8')) as SandboxFile;
}

/**
 * sandbox-large.json with every globally unique id renamed (banks, usernames, e-mails, CRM event
 * ids), so a spec can import its own copy into the database other specs share.
 */
export function renamedSandboxLarge(suffix: string): SandboxFile {
  return renamedSandbox(readSandboxFile('sandbox-large.json'), suffix);
}

/** The password renamedSandboxSmall gives every user: sandbox-small.json's own are too weak for the import (OBP-30207). */
export const SMALL_SANDBOX_PASSWORD = 'Sm4ll-Sandb0x-Pass!';

/**
 * sandbox-small.json renamed as renamedSandboxLarge does, every user with SMALL_SANDBOX_PASSWORD
 * (the file's six-character passwords are refused by the import, as OBP's password rules refuse them).
 */
export function renamedSandboxSmall(suffix: string): SandboxFile {
  const data = renamedSandbox(readSandboxFile('sandbox-small.json'), suffix);
  return { ...data, users: data.users.map((u) => ({ ...u, password: SMALL_SANDBOX_PASSWORD })) };
}

function renamedSandbox(data: SandboxFile, suffix: string): SandboxFile {
  const bank = (id: string) => `${id}.${suffix}`;
  const user = (name: string) => `${name}.${suffix}`;
  return {
    banks: data.banks.map((b) => ({ ...b, id: bank(b.id) })),
    users: data.users.map((u) => ({ ...u, user_name: user(u.user_name), email: `${suffix}.${u.email}` })),
    accounts: data.accounts.map((a) => ({ ...a, bank: bank(a.bank), owners: a.owners.map(user) })),
    transactions: data.transactions.map((t) => ({ ...t, this_account: { ...t.this_account, bank: bank(t.this_account.bank) } })),
    branches: data.branches.map((b) => ({ ...b, bank_id: bank(b.bank_id) })),
    atms: data.atms.map((a) => ({ ...a, bank_id: bank(a.bank_id) })),
    products: data.products.map((p) => ({ ...p, bank_id: bank(p.bank_id) })),
    crm_events: data.crm_events.map((c) => ({ ...c, id: randomUUID(), bank_id: bank(c.bank_id) })),
  };
}

/**
 * A small import: one bank, four users with strong passwords, one account owned by the first user,
 * ten transactions with distinct counterparties and completed dates. Ids carry `suffix`.
 */
export function smallSandbox(suffix: string): { data: SandboxFile; password: string } {
  const password = 'Sandb0x-Pass!';
  const bank = `bank-${suffix}`;
  const users = ['owner', 'colleague', 'stranger', 'other'].map((role) => ({
    email: `${role}.${suffix}@example.com`,
    password,
    user_name: `${role}.${suffix}`,
  }));
  const account = {
    id: `acc-${suffix}`,
    bank,
    label: 'Current',
    number: `N${suffix}`.slice(0, 30),
    type: 'CURRENT',
    balance: { currency: 'EUR', amount: '1000.00' },
    IBAN: `DE00${suffix}`.slice(0, 34),
    owners: [users[0].user_name],
    generate_public_view: true,
    generate_accountants_view: true,
    generate_auditors_view: true,
  };
  const transactions = Array.from({ length: 10 }, (_, i) => ({
    id: `tx-${i}`,
    this_account: { id: account.id, bank },
    counterparty: { name: `Shop ${i}` },
    details: {
      type: 'CARD',
      description: `purchase ${i}`,
      posted: `2025-01-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`,
      completed: `2025-01-${String(i + 1).padStart(2, '0')}T11:00:00.000Z`,
      new_balance: String(1000 - i),
      value: '-1.00',
    },
  }));
  return {
    password,
    data: {
      banks: [{ id: bank, short_name: 'Small', full_name: 'Small Bank', logo: '', website: '' }],
      users,
      accounts: [account],
      transactions,
      branches: [],
      atms: [],
      products: [],
      crm_events: [],
    },
  };
}
