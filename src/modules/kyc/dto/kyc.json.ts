import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { IsObpDate, OBP_ID_PATTERN } from '../../../common/http/obp-validators';

// Class names are OBP's: a refused body answers "The Json body should be the PostKycCheckJSON ...".

export class PostKycCheckJSON {
  @ApiProperty({ example: '5987953' }) @IsString() @IsNotEmpty() @MaxLength(50) customer_number: string;
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @IsObpDate() date: string;
  @ApiProperty({ example: 'online_meeting' }) @IsString() @MaxLength(100) how: string;
  @ApiProperty({ example: '67876' }) @IsString() @MaxLength(100) staff_user_id: string;
  @ApiProperty({ example: 'Simon' }) @IsString() @MaxLength(255) staff_name: string;
  @ApiProperty({ example: true }) @IsBoolean() satisfied: boolean;
  @ApiProperty({ example: 'Passport checked in person' }) @IsString() @MaxLength(2000) comments: string;
}

export class PostKycDocumentJSON {
  @ApiProperty({ example: '5987953' }) @IsString() @IsNotEmpty() @MaxLength(50) customer_number: string;
  @ApiProperty({ example: 'passport' }) @IsString() @IsNotEmpty() @MaxLength(100) type: string;
  @ApiProperty({ example: '12345' }) @IsString() @IsNotEmpty() @MaxLength(100) number: string;
  @ApiProperty({ example: '2020-01-01T00:00:00Z' }) @IsObpDate() issue_date: string;
  @ApiProperty({ example: 'Berlin' }) @IsString() @MaxLength(255) issue_place: string;
  @ApiProperty({ example: '2030-01-01T00:00:00Z' }) @IsObpDate() expiry_date: string;
}

export class PostKycMediaJSON {
  @ApiProperty({ example: '5987953' }) @IsString() @IsNotEmpty() @MaxLength(50) customer_number: string;
  @ApiProperty({ example: 'image' }) @IsString() @IsNotEmpty() @MaxLength(100) type: string;
  @ApiProperty({ example: 'https://www.example.com/id-docs/123/image.png' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @IsObpDate() date: string;
  @ApiProperty({ example: '123', description: 'A KYC document of the same customer, or "" for none' })
  @IsString()
  @Matches(OBP_ID_PATTERN)
  relates_to_kyc_document_id: string;
  @ApiProperty({ example: '123', description: 'A KYC check of the same customer, or "" for none' })
  @IsString()
  @Matches(OBP_ID_PATTERN)
  relates_to_kyc_check_id: string;
}

export class PostKycStatusJSON {
  @ApiProperty({ example: '5987953' }) @IsString() @IsNotEmpty() @MaxLength(50) customer_number: string;
  @ApiProperty({ example: true }) @IsBoolean() ok: boolean;
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @IsObpDate() date: string;
}

export class KycCheckJSON {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ example: 'online_meeting' }) how: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) staff_user_id: string;
  @ApiProperty({ example: 'Simon' }) staff_name: string;
  @ApiProperty({ example: true }) satisfied: boolean;
  @ApiProperty({ example: 'Passport checked in person' }) comments: string;
}

export class KycDocumentJSON {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ example: '123' }) number: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) issue_date: string;
  @ApiProperty({ example: 'Berlin' }) issue_place: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) expiry_date: string;
}

export class KycMediaJSON {
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'STRING' }) type: string;
  @ApiProperty({ example: 'www.openbankproject' }) url: string;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
  @ApiProperty({ example: 'wuwjfuha234678' }) relates_to_kyc_document_id: string;
  @ApiProperty({ example: '8d3a5e4c-2f1b-4e6a-9c7d-0b1a2c3d4e5f' }) relates_to_kyc_check_id: string;
}

export class KycStatusJSON {
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) date: string;
}

export class KycChecksJSON {
  @ApiProperty({ type: [KycCheckJSON] }) checks: KycCheckJSON[];
}
export class KycDocumentsJSON {
  @ApiProperty({ type: [KycDocumentJSON] }) documents: KycDocumentJSON[];
}
export class KycMediasJSON {
  @ApiProperty({ type: [KycMediaJSON] }) medias: KycMediaJSON[];
}
export class KycStatusesJSON {
  @ApiProperty({ type: [KycStatusJSON] }) statuses: KycStatusJSON[];
}
