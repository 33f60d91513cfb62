import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsNumber, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { NestedJson } from '../../../common/http/obp-validators';

// Class names are OBP's: a refused body answers "The Json body should be the PostTransactionCommentJSON ...".

/** A URL as java.net.URL parses it: a scheme is required. */
export const URL_RULE = { require_protocol: true, require_tld: false, protocols: ['http', 'https', 'ftp'] };

export class TransactionNarrativeJSON {
  @ApiProperty({ example: 'Dinner with the team' }) @IsString() @MaxLength(2000) narrative: string;
}

export class PostTransactionCommentJSON {
  @ApiProperty({ example: 'Refund expected' }) @IsString() @IsNotEmpty() @MaxLength(2000) value: string;
}

export class PostTransactionTagJSON {
  @ApiProperty({ example: 'food' }) @IsString() @IsNotEmpty() @MaxLength(64) value: string;
}

export class PostTransactionImageJSON {
  @ApiProperty({ example: 'receipt' }) @IsString() @MaxLength(255) label: string;
  @ApiProperty({ example: 'https://www.example.com/receipt.png' }) @IsString() @MaxLength(2000) @IsUrl(URL_RULE) URL: string;
}

export class LocationPlainJSON {
  @ApiProperty({ example: 52.5 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-90) @Max(90) latitude: number;
  @ApiProperty({ example: 13.4 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(-180) @Max(180) longitude: number;
}

export class PostTransactionWhereJSON {
  @ApiProperty({ type: LocationPlainJSON }) @IsDefined() @NestedJson(() => LocationPlainJSON) where: LocationPlainJSON;
}

export class MetadataUserJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'https://auth.example.com' }) provider: string;
  @ApiProperty({ example: 'felixsmith' }) display_name: string;
}

export class TransactionCommentJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'Refund expected' }) value: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ type: MetadataUserJSON, nullable: true }) user: MetadataUserJSON | null;
}

export class TransactionTagJSON extends TransactionCommentJSON {}

export class TransactionImageJSON {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'My Account' }) label: string;
  @ApiProperty({ example: 'www.openbankproject.com' }) URL: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ type: MetadataUserJSON, nullable: true }) user: MetadataUserJSON | null;
}

export class LocationJSON {
  @ApiProperty({ example: 52.5162 }) latitude: number;
  @ApiProperty({ example: 13.3777 }) longitude: number;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ type: MetadataUserJSON, nullable: true }) user: MetadataUserJSON | null;
}

export class SuccessMessageJSON {
  @ApiProperty({ example: 'narrative added' }) success: string;
}
