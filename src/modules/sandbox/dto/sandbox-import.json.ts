import type { SiteAddress } from '../entities/site.columns';

/**
 * The body of POST /sandbox/data-import (OBP v2.1.0 SandboxDataImport, sandbox_import.md §1).
 * All eight lists are required (possibly empty); amounts are strings, coordinates numbers, dates
 * "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'". Unknown fields are ignored, as lift-json does.
 */
export interface SandboxDataImport {
  banks: SandboxBankImport[];
  users: SandboxUserImport[];
  accounts: SandboxAccountImport[];
  transactions: SandboxTransactionImport[];
  branches: SandboxBranchImport[];
  atms: SandboxAtmImport[];
  products: SandboxProductImport[];
  crm_events: SandboxCrmEventImport[];
}

export interface SandboxBankImport {
  id: string;
  short_name: string;
  full_name: string;
  logo: string;
  website: string;
}

export interface SandboxUserImport {
  email: string;
  password: string;
  user_name: string;
}

export interface SandboxAccountImport {
  id: string;
  bank: string;
  label: string;
  number: string;
  type: string;
  balance: { currency: string; amount: string };
  IBAN: string;
  owners: string[];
  generate_public_view: boolean;
  generate_accountants_view: boolean;
  generate_auditors_view: boolean;
}

export interface SandboxTransactionImport {
  id: string;
  this_account: { id: string; bank: string };
  counterparty?: { name?: string; account_number?: string };
  details: { type: string; description: string; posted: string; completed: string; new_balance: string; value: string };
}

/** The stored address keeps the wire shape. */
export type SandboxAddressImport = SiteAddress;

/** What branches and ATMs share. */
export interface SandboxSiteImport {
  id: string;
  bank_id: string;
  name: string;
  address: SandboxAddressImport;
  location: { latitude: number; longitude: number };
  meta: { license: { id: string; name: string } };
}

export interface SandboxBranchImport extends SandboxSiteImport {
  lobby?: { hours: string };
  /** camelCase on the wire, as OBP reads it (a "drive_up" key is ignored). */
  driveUp?: { hours: string };
}

export type SandboxAtmImport = SandboxSiteImport;

export interface SandboxProductImport {
  bank_id: string;
  code: string;
  name: string;
  category: string;
  family: string;
  super_family: string;
  more_info_url: string;
  meta: { license: { id: string; name: string } };
}

export interface SandboxCrmEventImport {
  id: string;
  bank_id: string;
  customer: { name: string; number: string };
  category: string;
  detail: string;
  channel: string;
  actual_date: string;
}

const LICENSE = { license: { id: 'pddl', name: 'Open Data Commons Public Domain Dedication and License (PDDL)' } };
const ADDRESS: SandboxAddressImport = {
  line_1: '5 Some Street',
  line_2: '',
  line_3: '',
  city: 'Ashbourne',
  county: 'Derbyshire',
  state: '',
  post_code: 'WHY RU4',
  country_code: 'GB',
};

/** A small payload this server accepts (OBP's own example uses user names its rules reject). */
export const SANDBOX_IMPORT_EXAMPLE: SandboxDataImport = {
  banks: [{ id: 'bank1', short_name: 'bank 1', full_name: 'Bank 1 Inc.', logo: 'http://example.com/logo', website: 'http://example.com' }],
  users: [{ email: 'user1@example.com', password: 'TESOBE520berlin123!', user_name: 'user.name_1' }],
  accounts: [
    {
      id: 'account1',
      bank: 'bank1',
      label: 'Account 1 at Bank 1',
      number: '1',
      type: 'savings',
      balance: { currency: 'EUR', amount: '1000.00' },
      IBAN: 'DE89370400440532013000',
      owners: ['user.name_1'],
      generate_public_view: true,
      generate_accountants_view: true,
      generate_auditors_view: true,
    },
  ],
  transactions: [
    {
      id: 'transaction-1',
      this_account: { id: 'account1', bank: 'bank1' },
      counterparty: { name: 'Acme Inc.', account_number: '12345-B' },
      details: {
        type: 'SEPA',
        description: 'some description',
        posted: '2012-03-07T00:00:00.001Z',
        completed: '2012-04-07T00:00:00.001Z',
        new_balance: '1244.00',
        value: '-135.33',
      },
    },
  ],
  branches: [
    {
      id: 'branch1',
      bank_id: 'bank1',
      name: 'Head Office',
      address: ADDRESS,
      location: { latitude: 52.556198, longitude: 13.384099 },
      meta: LICENSE,
      lobby: { hours: 'M-TH 8:30-3:30, F 9-5' },
      driveUp: { hours: 'M-Th 8:30-5:30, F-8:30-6, Sat 9-12' },
    },
  ],
  atms: [{ id: 'atm1', bank_id: 'bank1', name: 'Some ATM', address: ADDRESS, location: { latitude: 52.556198, longitude: 13.384099 }, meta: LICENSE }],
  products: [
    {
      bank_id: 'bank1',
      code: 'prd1',
      name: 'product name',
      category: 'cat1',
      family: 'fam1',
      super_family: 'sup fam 1',
      more_info_url: 'www.example.com/prod1/more-info.html',
      meta: LICENSE,
    },
  ],
  crm_events: [
    {
      id: '8b1a3a7e-1b6c-4b1f-9a0e-2f6c2d0c6a11',
      bank_id: 'bank1',
      customer: { name: 'Robert Smith', number: '5987953' },
      category: 'Call',
      detail: 'Follow-up',
      channel: 'Phone',
      actual_date: '2016-01-02T10:05:00.000Z',
    },
  ],
};

export const SANDBOX_IMPORT_SUCCESS = { success: 'Success' };
