import { ApiProperty } from '@nestjs/swagger';
import { LocationJSON } from '../../transaction-metadata/dto/transaction-metadata.json';
import { OtherAccountJson, OtherAccountJsonV300 } from '../../transactions/dto/transactions-responses.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class OtherAccountsJSON {
  @ApiProperty({ type: () => [OtherAccountJson] }) other_accounts: OtherAccountJson[];
}

export class OtherAccountsJsonV300 {
  @ApiProperty({ type: () => [OtherAccountJsonV300] }) other_accounts: OtherAccountJsonV300[];
}

export class BespokeJson {
  @ApiProperty({ example: 'CorporateType' }) key: string;
  @ApiProperty({ example: 'english Name' }) value: string;
}

export class CounterpartyJson {
  @ApiProperty({ example: 'CounterpartyName' }) name: string;
  @ApiProperty({ example: 'My landlord' }) description: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) created_by_user_id: string;
  @ApiProperty({ example: 'gh.29.uk' }) this_bank_id: string;
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) this_account_id: string;
  @ApiProperty({ example: 'owner' }) this_view_id: string;
  @ApiProperty({ example: '9fg8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) counterparty_id: string;
  @ApiProperty({ example: 'OBP' }) other_bank_routing_scheme: string;
  @ApiProperty({ example: 'gh.29.uk' }) other_bank_routing_address: string;
  @ApiProperty({ example: 'OBP' }) other_branch_routing_scheme: string;
  @ApiProperty({ example: '12f8a9e6-c2b1-407a-8bd0-421b7119307e' }) other_branch_routing_address: string;
  @ApiProperty({ example: 'OBP' }) other_account_routing_scheme: string;
  @ApiProperty({ example: '36f8a9e6-c2b1-407a-8bd0-421b7119307e' }) other_account_routing_address: string;
  @ApiProperty({ example: 'IBAN' }) other_account_secondary_routing_scheme: string;
  @ApiProperty({ example: 'DE89370400440532013000' }) other_account_secondary_routing_address: string;
  @ApiProperty({ example: true }) is_beneficiary: boolean;
  @ApiProperty({ type: () => [BespokeJson] }) bespoke: BespokeJson[];
}

export class CounterpartiesJson400 {
  @ApiProperty({ type: () => [CounterpartyJson] }) counterparties: CounterpartyJson[];
}

export class CounterpartyMetadataJson {
  @ApiProperty({ example: 'NONE' }) public_alias: string;
  @ApiProperty({ example: 'www.openbankproject.com' }) more_info: string;
  @ApiProperty({ example: 'www.openbankproject' }) url: string;
  @ApiProperty({ example: '' }) image_url: string;
  @ApiProperty({ example: '' }) open_corporates_url: string;
  @ApiProperty({ type: () => LocationJSON, nullable: true }) corporate_location: LocationJSON | null;
  @ApiProperty({ type: () => LocationJSON, nullable: true }) physical_location: LocationJSON | null;
  @ApiProperty({ example: 'NONE' }) private_alias: string;
}

export class CounterpartyWithMetadataJson {
  @ApiProperty({ example: 'CounterpartyName' }) name: string;
  @ApiProperty({ example: 'My landlord' }) description: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) created_by_user_id: string;
  @ApiProperty({ example: 'gh.29.uk' }) this_bank_id: string;
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) this_account_id: string;
  @ApiProperty({ example: 'owner' }) this_view_id: string;
  @ApiProperty({ example: '9fg8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) counterparty_id: string;
  @ApiProperty({ example: 'OBP' }) other_bank_routing_scheme: string;
  @ApiProperty({ example: 'gh.29.uk' }) other_bank_routing_address: string;
  @ApiProperty({ example: 'OBP' }) other_branch_routing_scheme: string;
  @ApiProperty({ example: '12f8a9e6-c2b1-407a-8bd0-421b7119307e' }) other_branch_routing_address: string;
  @ApiProperty({ example: 'OBP' }) other_account_routing_scheme: string;
  @ApiProperty({ example: '36f8a9e6-c2b1-407a-8bd0-421b7119307e' }) other_account_routing_address: string;
  @ApiProperty({ example: 'IBAN' }) other_account_secondary_routing_scheme: string;
  @ApiProperty({ example: 'DE89370400440532013000' }) other_account_secondary_routing_address: string;
  @ApiProperty({ example: true }) is_beneficiary: boolean;
  @ApiProperty({ type: () => CounterpartyMetadataJson }) metadata: CounterpartyMetadataJson;
}

export class CounterpartyWithMetadataJson400 {
  @ApiProperty({ example: 'CounterpartyName' }) name: string;
  @ApiProperty({ example: 'My landlord' }) description: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) created_by_user_id: string;
  @ApiProperty({ example: 'gh.29.uk' }) this_bank_id: string;
  @ApiProperty({ example: '8ca8a7e4-6d02-40e3-a129-0b2bf89de9f0' }) this_account_id: string;
  @ApiProperty({ example: 'owner' }) this_view_id: string;
  @ApiProperty({ example: '9fg8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) counterparty_id: string;
  @ApiProperty({ example: 'OBP' }) other_bank_routing_scheme: string;
  @ApiProperty({ example: 'gh.29.uk' }) other_bank_routing_address: string;
  @ApiProperty({ example: 'OBP' }) other_branch_routing_scheme: string;
  @ApiProperty({ example: '12f8a9e6-c2b1-407a-8bd0-421b7119307e' }) other_branch_routing_address: string;
  @ApiProperty({ example: 'OBP' }) other_account_routing_scheme: string;
  @ApiProperty({ example: '36f8a9e6-c2b1-407a-8bd0-421b7119307e' }) other_account_routing_address: string;
  @ApiProperty({ example: 'IBAN' }) other_account_secondary_routing_scheme: string;
  @ApiProperty({ example: 'DE89370400440532013000' }) other_account_secondary_routing_address: string;
  @ApiProperty({ example: true }) is_beneficiary: boolean;
  @ApiProperty({ type: () => [BespokeJson] }) bespoke: BespokeJson[];
  @ApiProperty({ type: () => CounterpartyMetadataJson }) metadata: CounterpartyMetadataJson;
}
