import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The import file's shape for the OpenAPI document and resource docs (schema and examples only: the
// importer reads the body as SandboxDataImport and checks it itself). Examples: a small file this
// server accepts.

export class SandboxBankImportJson {
  @ApiProperty({ example: 'bank1' }) id: string;
  @ApiProperty({ example: 'bank 1' }) short_name: string;
  @ApiProperty({ example: 'Bank 1 Inc.' }) full_name: string;
  @ApiProperty({ example: 'http://example.com/logo' }) logo: string;
  @ApiProperty({ example: 'http://example.com' }) website: string;
}

export class SandboxUserImportJson {
  @ApiProperty({ example: 'user1@example.com' }) email: string;
  @ApiProperty({ example: 'TESOBE520berlin123!' }) password: string;
  @ApiProperty({ example: 'user.name_1' }) user_name: string;
}

export class SandboxAmountJson {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '1000.00' }) amount: string;
}

export class SandboxAccountImportJson {
  @ApiProperty({ example: 'account1' }) id: string;
  @ApiProperty({ example: 'bank1' }) bank: string;
  @ApiProperty({ example: 'Account 1 at Bank 1' }) label: string;
  @ApiProperty({ example: '1' }) number: string;
  @ApiProperty({ example: 'savings' }) type: string;
  @ApiProperty({ type: () => SandboxAmountJson }) balance: SandboxAmountJson;
  @ApiProperty({ example: 'DE89370400440532013000' }) IBAN: string;
  @ApiProperty({ type: [String], example: ['user.name_1'] }) owners: string[];
  @ApiProperty({ example: true }) generate_public_view: boolean;
  @ApiProperty({ example: true }) generate_accountants_view: boolean;
  @ApiProperty({ example: true }) generate_auditors_view: boolean;
}

export class SandboxAccountRefJson {
  @ApiProperty({ example: 'account1' }) id: string;
  @ApiProperty({ example: 'bank1' }) bank: string;
}

export class SandboxCounterpartyJson {
  @ApiPropertyOptional({ example: 'Acme Inc.' }) name?: string;
  @ApiPropertyOptional({ example: '12345-B' }) account_number?: string;
}

export class SandboxTransactionDetailsJson {
  @ApiProperty({ example: 'SEPA' }) type: string;
  @ApiProperty({ example: 'some description' }) description: string;
  @ApiProperty({ example: '2012-03-07T00:00:00.001Z' }) posted: string;
  @ApiProperty({ example: '2012-04-07T00:00:00.001Z' }) completed: string;
  @ApiProperty({ example: '1244.00' }) new_balance: string;
  @ApiProperty({ example: '-135.33' }) value: string;
}

export class SandboxTransactionImportJson {
  @ApiProperty({ example: 'transaction-1' }) id: string;
  @ApiProperty({ type: () => SandboxAccountRefJson }) this_account: SandboxAccountRefJson;
  @ApiPropertyOptional({ type: () => SandboxCounterpartyJson }) counterparty?: SandboxCounterpartyJson;
  @ApiProperty({ type: () => SandboxTransactionDetailsJson }) details: SandboxTransactionDetailsJson;
}

export class SandboxAddressJson {
  @ApiProperty({ example: '5 Some Street' }) line_1: string;
  @ApiProperty({ example: '' }) line_2: string;
  @ApiProperty({ example: '' }) line_3: string;
  @ApiProperty({ example: 'Ashbourne' }) city: string;
  @ApiProperty({ example: 'Derbyshire' }) county: string;
  @ApiProperty({ example: '' }) state: string;
  @ApiProperty({ example: 'WHY RU4' }) post_code: string;
  @ApiProperty({ example: 'GB' }) country_code: string;
}

export class SandboxLocationJson {
  @ApiProperty({ example: 52.556198 }) latitude: number;
  @ApiProperty({ example: 13.384099 }) longitude: number;
}

export class SandboxLicenseJson {
  @ApiProperty({ example: 'pddl' }) id: string;
  @ApiProperty({ example: 'Open Data Commons Public Domain Dedication and License (PDDL)' }) name: string;
}

export class SandboxMetaJson {
  @ApiProperty({ type: () => SandboxLicenseJson }) license: SandboxLicenseJson;
}

export class SandboxHoursJson {
  @ApiProperty({ example: 'M-TH 8:30-3:30, F 9-5' }) hours: string;
}

export class SandboxAtmImportJson {
  @ApiProperty({ example: 'atm1' }) id: string;
  @ApiProperty({ example: 'bank1' }) bank_id: string;
  @ApiProperty({ example: 'Some ATM' }) name: string;
  @ApiProperty({ type: () => SandboxAddressJson }) address: SandboxAddressJson;
  @ApiProperty({ type: () => SandboxLocationJson }) location: SandboxLocationJson;
  @ApiProperty({ type: () => SandboxMetaJson }) meta: SandboxMetaJson;
}

export class SandboxBranchImportJson {
  @ApiProperty({ example: 'branch1' }) id: string;
  @ApiProperty({ example: 'bank1' }) bank_id: string;
  @ApiProperty({ example: 'Head Office' }) name: string;
  @ApiProperty({ type: () => SandboxAddressJson }) address: SandboxAddressJson;
  @ApiProperty({ type: () => SandboxLocationJson }) location: SandboxLocationJson;
  @ApiProperty({ type: () => SandboxMetaJson }) meta: SandboxMetaJson;
  @ApiPropertyOptional({ type: () => SandboxHoursJson }) lobby?: SandboxHoursJson;
  @ApiPropertyOptional({ type: () => SandboxHoursJson, description: 'camelCase, as OBP reads it', example: { hours: 'M-Th 8:30-5:30, F-8:30-6, Sat 9-12' } })
  driveUp?: SandboxHoursJson;
}

export class SandboxProductImportJson {
  @ApiProperty({ example: 'bank1' }) bank_id: string;
  @ApiProperty({ example: 'prd1' }) code: string;
  @ApiProperty({ example: 'product name' }) name: string;
  @ApiProperty({ example: 'cat1' }) category: string;
  @ApiProperty({ example: 'fam1' }) family: string;
  @ApiProperty({ example: 'sup fam 1' }) super_family: string;
  @ApiProperty({ example: 'www.example.com/prod1/more-info.html' }) more_info_url: string;
  @ApiProperty({ type: () => SandboxMetaJson }) meta: SandboxMetaJson;
}

export class SandboxCrmCustomerJson {
  @ApiProperty({ example: 'Robert Smith' }) name: string;
  @ApiProperty({ example: '5987953' }) number: string;
}

export class SandboxCrmEventImportJson {
  @ApiProperty({ example: '8b1a3a7e-1b6c-4b1f-9a0e-2f6c2d0c6a11' }) id: string;
  @ApiProperty({ example: 'bank1' }) bank_id: string;
  @ApiProperty({ type: () => SandboxCrmCustomerJson }) customer: SandboxCrmCustomerJson;
  @ApiProperty({ example: 'Call' }) category: string;
  @ApiProperty({ example: 'Follow-up' }) detail: string;
  @ApiProperty({ example: 'Phone' }) channel: string;
  @ApiProperty({ example: '2016-01-02T10:05:00.000Z' }) actual_date: string;
}

/** OBP v2.1.0 SandboxDataImport: all eight lists are required (possibly empty). */
export class SandboxDataImportJson {
  @ApiProperty({ type: () => [SandboxBankImportJson] }) banks: SandboxBankImportJson[];
  @ApiProperty({ type: () => [SandboxUserImportJson] }) users: SandboxUserImportJson[];
  @ApiProperty({ type: () => [SandboxAccountImportJson] }) accounts: SandboxAccountImportJson[];
  @ApiProperty({ type: () => [SandboxTransactionImportJson] }) transactions: SandboxTransactionImportJson[];
  @ApiProperty({ type: () => [SandboxBranchImportJson] }) branches: SandboxBranchImportJson[];
  @ApiProperty({ type: () => [SandboxAtmImportJson] }) atms: SandboxAtmImportJson[];
  @ApiProperty({ type: () => [SandboxProductImportJson] }) products: SandboxProductImportJson[];
  @ApiProperty({ type: () => [SandboxCrmEventImportJson] }) crm_events: SandboxCrmEventImportJson[];
}
