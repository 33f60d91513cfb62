import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, IsString, MaxLength } from 'class-validator';
import { NestedJson } from '../../../common/http/obp-validators';

export class BankRoutingJson {
  @ApiProperty({ example: 'BIC' }) @IsString() @MaxLength(50) scheme: string;
  @ApiProperty({ example: 'OKOYFIHH' }) @IsString() @MaxLength(100) address: string;
}

/** v2.2.0 BankJSONV220 (every field required) */
export class BankJsonV220 {
  @ApiProperty({ example: 'gh.29.uk.x' }) @IsString() id: string;
  @ApiProperty({ example: 'uk' }) @IsString() @MaxLength(255) full_name: string;
  @ApiProperty({ example: 'uk' }) @IsString() @MaxLength(255) short_name: string;
  @ApiProperty({ example: 'https://static.openbankproject.com/images/sandbox/bank_x.png' }) @IsString() @MaxLength(2000) logo_url: string;
  @ApiProperty({ example: 'https://www.example.com' }) @IsString() @MaxLength(2000) website_url: string;
  @ApiProperty({ example: 'IIIGGB22' }) @IsString() @MaxLength(50) swift_bic: string;
  @ApiProperty({ example: 'UK97ZZZ1234567890' }) @IsString() @MaxLength(100) national_identifier: string;
  @ApiProperty({ type: BankRoutingJson }) @IsDefined() @NestedJson(() => BankRoutingJson) bank_routing: BankRoutingJson;
}

/** v4.0.0 PostBankJson400 */
export class PostBankJson400 {
  @ApiProperty({ example: 'gh.29.uk' }) @IsString() id: string;
  @ApiProperty({ example: 'uk' }) @IsString() @MaxLength(255) short_name: string;
  @ApiProperty({ example: 'uk' }) @IsString() @MaxLength(255) full_name: string;
  @ApiProperty({ example: 'https://example.com/logo.png' }) @IsString() @MaxLength(2000) logo: string;
  @ApiProperty({ example: 'https://www.example.com' }) @IsString() @MaxLength(2000) website: string;
  @ApiProperty({ type: [BankRoutingJson] })
  @IsArray()
  @ArrayMaxSize(20)
  @NestedJson(() => BankRoutingJson, { each: true })
  bank_routings: BankRoutingJson[];
}

/** v5.0.0 PostBankJson500: only bank_code is required; the id is generated when absent. */
export class PostBankJson500 {
  @ApiPropertyOptional({ example: 'gh.29.uk' }) @IsOptional() @IsString() id?: string;
  @ApiProperty({ example: 'CGHZ' }) @IsString() @MaxLength(255) bank_code: string;
  @ApiPropertyOptional({ example: 'Bank of Ghana' }) @IsOptional() @IsString() @MaxLength(255) full_name?: string;
  @ApiPropertyOptional({ example: 'https://example.com/logo.png' }) @IsOptional() @IsString() @MaxLength(2000) logo?: string;
  @ApiPropertyOptional({ example: 'https://www.example.com' }) @IsOptional() @IsString() @MaxLength(2000) website?: string;
  @ApiPropertyOptional({ type: [BankRoutingJson] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @NestedJson(() => BankRoutingJson, { each: true })
  bank_routings?: BankRoutingJson[];
}
