import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { AMOUNT_PATTERN, IsObpDate } from '../../../common/http/obp-validators';

const AMOUNT = { message: '$property must be a decimal number in a string' };

/** OBP v3.1.0 CreditLimitRequestJson (OBP's example values were all "String"; here they are checked). */
export class CreditLimitRequestJson {
  @ApiProperty({ example: '5000' }) @IsString() @Matches(AMOUNT_PATTERN, AMOUNT) requested_current_rate_amount1: string;
  @ApiProperty({ example: '7500' }) @IsString() @Matches(AMOUNT_PATTERN, AMOUNT) requested_current_rate_amount2: string;
  @ApiProperty({ example: '2027-01-01T00:00:00Z' }) @IsObpDate() requested_current_valid_end_date: string;
  @ApiProperty({ example: 'Salary statements 2026' }) @IsString() @MaxLength(2000) current_credit_documentation: string;
  @ApiProperty({ example: '10000' }) @IsString() @Matches(AMOUNT_PATTERN, AMOUNT) temporary_requested_current_amount: string;
  @ApiProperty({ example: '2026-12-31T00:00:00Z' }) @IsObpDate() requested_temporary_valid_end_date: string;
  @ApiProperty({ example: 'Holiday' }) @IsString() @MaxLength(2000) temporary_credit_documentation: string;
}
