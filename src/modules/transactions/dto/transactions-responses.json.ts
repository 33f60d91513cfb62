import { ApiProperty } from '@nestjs/swagger';
import { BankRoutingJson } from '../../banks/dto/create-bank.json';
import { AmountOfMoneyJson } from '../../customers/dto/customer-parts.json';
import { LocationJSON, MetadataUserJSON } from '../../transaction-metadata/dto/transaction-metadata.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class HolderJson {
  @ApiProperty({ example: 'OBP' }) name: string;
  @ApiProperty({ example: true }) is_alias: boolean;
}

export class ThisAccountBankJson {
  @ApiProperty({ type: String, nullable: true, example: 'OBP' }) national_identifier: string | null;
  @ApiProperty({ example: 'OBP' }) name: string;
}

export class ThisAccountJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ type: () => [HolderJson] }) holders: HolderJson[];
  @ApiProperty({ example: '123' }) number: string;
  @ApiProperty({ example: 'AC' }) kind: string;
  @ApiProperty({ example: 'UK1234AD' }) IBAN: string;
  @ApiProperty({ type: String, nullable: true, example: 'UK1234AD' }) swift_bic: string | null;
  @ApiProperty({ type: () => ThisAccountBankJson }) bank: ThisAccountBankJson;
}

export class OtherAccountBankJson {
  @ApiProperty({ type: String, nullable: true, example: 'OBP' }) national_identifier: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'OBP' }) name: string | null;
}

export class OtherAccountMetadataJSON {
  @ApiProperty({ example: 'NONE' }) public_alias: string;
  @ApiProperty({ type: String, nullable: true, example: 'NONE' }) private_alias: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'www.openbankproject.com' }) more_info: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'www.openbankproject.com' }) URL: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'www.openbankproject.com' }) image_URL: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'www.openbankproject.com' }) open_corporates_URL: string | null;
  @ApiProperty({ type: () => LocationJSON, nullable: true }) corporate_location: LocationJSON | null;
  @ApiProperty({ type: () => LocationJSON, nullable: true }) physical_location: LocationJSON | null;
}

export class OtherAccountJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ type: () => HolderJson }) holder: HolderJson;
  @ApiProperty({ type: String, nullable: true, example: '123' }) number: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3456' }) kind: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'UK234DB' }) IBAN: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'UK12321DB' }) swift_bic: string | null;
  @ApiProperty({ type: () => OtherAccountBankJson }) bank: OtherAccountBankJson;
  @ApiProperty({ type: () => OtherAccountMetadataJSON }) metadata: OtherAccountMetadataJSON;
}

export class DetailsJson {
  @ApiProperty({ example: 'AC' }) type: string;
  @ApiProperty({ example: 'this is for family' }) description: string;
  @ApiProperty({ example: '2012-03-07T00:00:00.001Z' }) posted: string;
  @ApiProperty({ example: '2012-04-07T00:00:00.001Z' }) completed: string;
  @ApiProperty({ type: () => AmountOfMoneyJson }) new_balance: AmountOfMoneyJson;
  @ApiProperty({ type: () => AmountOfMoneyJson }) value: AmountOfMoneyJson;
}

export class CommentJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'OBP' }) value: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ type: () => MetadataUserJSON }) user: MetadataUserJSON;
}

export class ImageJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'NONE' }) label: string;
  @ApiProperty({ example: 'www.openbankproject.com' }) URL: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ type: () => MetadataUserJSON }) user: MetadataUserJSON;
}

export class TransactionMetadataJson {
  @ApiProperty({ type: String, nullable: true, example: 'NONE' }) narrative: string | null;
  @ApiProperty({ type: () => [CommentJson] }) comments: CommentJson[];
  @ApiProperty({ type: () => [CommentJson] }) tags: CommentJson[];
  @ApiProperty({ type: () => [ImageJson] }) images: ImageJson[];
  @ApiProperty({ type: () => LocationJSON, nullable: true }) where: LocationJSON | null;
}

export class TransactionJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ type: () => ThisAccountJson }) this_account: ThisAccountJson;
  @ApiProperty({ type: () => OtherAccountJson }) other_account: OtherAccountJson;
  @ApiProperty({ type: () => DetailsJson }) details: DetailsJson;
  @ApiProperty({ type: () => TransactionMetadataJson }) metadata: TransactionMetadataJson;
}

export class TransactionsJSON {
  @ApiProperty({ type: () => [TransactionJson] }) transactions: TransactionJson[];
}

export class ThisAccountJsonV300 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ type: () => BankRoutingJson }) bank_routing: BankRoutingJson;
  @ApiProperty({ type: () => [BankRoutingJson] }) account_routings: BankRoutingJson[];
  @ApiProperty({ type: () => [HolderJson] }) holders: HolderJson[];
}

export class OtherAccountJsonV300 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ type: () => HolderJson }) holder: HolderJson;
  @ApiProperty({ type: () => BankRoutingJson }) bank_routing: BankRoutingJson;
  @ApiProperty({ type: () => [BankRoutingJson] }) account_routings: BankRoutingJson[];
  @ApiProperty({ type: () => OtherAccountMetadataJSON }) metadata: OtherAccountMetadataJSON;
}

export class TransactionAttributeJsonV300 {
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) transaction_attribute_id: string;
  @ApiProperty({ example: 'HOUSE_RENT' }) name: string;
  @ApiProperty({ example: 'DATE_WITH_DAY' }) type: string;
  @ApiProperty({ example: '123456789' }) value: string;
}

export class TransactionJsonV300 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ type: () => ThisAccountJsonV300 }) this_account: ThisAccountJsonV300;
  @ApiProperty({ type: () => OtherAccountJsonV300 }) other_account: OtherAccountJsonV300;
  @ApiProperty({ type: () => DetailsJson }) details: DetailsJson;
  @ApiProperty({ type: () => TransactionMetadataJson }) metadata: TransactionMetadataJson;
  @ApiProperty({ type: () => [TransactionAttributeJsonV300] }) transaction_attributes: TransactionAttributeJsonV300[];
}

export class TransactionsJsonV300 {
  @ApiProperty({ type: () => [TransactionJsonV300] }) transactions: TransactionJsonV300[];
}
