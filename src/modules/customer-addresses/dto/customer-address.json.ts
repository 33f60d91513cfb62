import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsObpDate } from '../../../common/http/obp-validators';

/** PostCustomerAddressJsonV310 */
export class PostCustomerAddressJsonV310 {
  @ApiProperty({ example: 'No 1 the Road' }) @IsString() @MaxLength(255) line_1: string;
  @ApiProperty({ example: 'The Place' }) @IsString() @MaxLength(255) line_2: string;
  @ApiProperty({ example: 'The Hill' }) @IsString() @MaxLength(255) line_3: string;
  @ApiProperty({ example: 'Berlin' }) @IsString() @MaxLength(255) city: string;
  @ApiProperty({ example: '' }) @IsString() @MaxLength(255) county: string;
  @ApiProperty({ example: 'Brandenburg' }) @IsString() @MaxLength(255) state: string;
  @ApiProperty({ example: '13359' }) @IsString() @MaxLength(50) postcode: string;
  @ApiProperty({ example: 'DE' }) @IsString() @MaxLength(10) country_code: string;
  @ApiProperty({ example: ['mailing', 'home'] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(50, { each: true }) tags: string[];
  @ApiProperty({ example: 'OK' }) @IsString() @MaxLength(50) status: string;
}

/** PostTaxResidenceJsonV310 */
export class PostTaxResidenceJsonV310 {
  @ApiProperty({ example: 'DE' }) @IsString() @IsNotEmpty() @MaxLength(255) domain: string;
  @ApiProperty({ example: 'DE123456789' }) @IsString() @IsNotEmpty() @MaxLength(255) tax_number: string;
}

/** v2.0.0 SocialMediaJSON */
export class SocialMediaJson {
  @ApiProperty({ example: '5987953' }) @IsString() @IsNotEmpty() @MaxLength(50) customer_number: string;
  @ApiProperty({ example: 'twitter' }) @IsString() @IsNotEmpty() @MaxLength(50) type: string;
  @ApiProperty({ example: '@eveline' }) @IsString() @IsNotEmpty() @MaxLength(255) handle: string;
  @ApiProperty({ example: '2020-01-01T00:00:00Z' }) @IsObpDate() date_added: string;
  @ApiProperty({ example: '2020-01-02T00:00:00Z' }) @IsObpDate() date_activated: string;
}
