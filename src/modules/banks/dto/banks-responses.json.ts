import { ApiProperty } from '@nestjs/swagger';
import { BankRoutingJson } from './create-bank.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class BankCreatedJSONV220 {
  @ApiProperty({ example: 'gh.29.uk.x' }) id: string;
  @ApiProperty({ example: 'uk' }) full_name: string;
  @ApiProperty({ example: 'uk' }) short_name: string;
  @ApiProperty({ example: 'https://static.openbankproject.com/images/sandbox/bank_x.png' }) logo_url: string;
  @ApiProperty({ example: 'https://www.example.com' }) website_url: string;
  @ApiProperty({ example: 'IIIGGB22' }) swift_bic: string;
  @ApiProperty({ example: 'UK97ZZZ1234567890' }) national_identifier: string;
  @ApiProperty({ type: () => BankRoutingJson }) bank_routing: BankRoutingJson;
}

export class AttributeJson {
  @ApiProperty({ example: 'ACCOUNT_MANAGEMENT_FEE' }) name: string;
  @ApiProperty({ example: '5987953' }) value: string;
}

export class BankJson400 {
  @ApiProperty({ example: 'gh.29.uk' }) id: string;
  @ApiProperty({ example: 'uk' }) short_name: string;
  @ApiProperty({ example: 'Bank of Ghana' }) full_name: string;
  @ApiProperty({ example: 'https://static.openbankproject.com/images/sandbox/bank_x.png' }) logo: string;
  @ApiProperty({ example: 'https://www.example.com' }) website: string;
  @ApiProperty({ type: () => [BankRoutingJson] }) bank_routings: BankRoutingJson[];
  @ApiProperty({ type: () => [AttributeJson] }) attributes: AttributeJson[];
}

export class BankJson500 {
  @ApiProperty({ example: 'gh.29.uk' }) id: string;
  @ApiProperty({ example: 'CGHZ' }) bank_code: string;
  @ApiProperty({ example: 'bank fullName string' }) full_name: string;
  @ApiProperty({ example: 'https://static.openbankproject.com/images/sandbox/bank_x.png' }) logo: string;
  @ApiProperty({ example: 'https://www.example.com' }) website: string;
  @ApiProperty({ type: () => [BankRoutingJson] }) bank_routings: BankRoutingJson[];
  @ApiProperty({ type: () => [AttributeJson] }) attributes: AttributeJson[];
}

export class BankRoutingJsonV121 {
  @ApiProperty({ type: String, nullable: true, example: 'OBP' }) scheme: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'gh.29.uk' }) address: string | null;
}

/** v1.2.1 BankJSON: empty strings are rendered as null. */
export class BankJSON {
  @ApiProperty({ example: 'gh.29.uk' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'uk' }) short_name: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Bank of Ghana' }) full_name: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://static.openbankproject.com/images/sandbox/bank_x.png' }) logo: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://www.example.com' }) website: string | null;
  @ApiProperty({ type: () => BankRoutingJsonV121 }) bank_routing: BankRoutingJsonV121;
}

export class BanksJSON {
  @ApiProperty({ type: () => [BankJSON] }) banks: BankJSON[];
}

export class BanksJSON400 {
  @ApiProperty({ type: () => [BankJson400] }) banks: BankJson400[];
}
