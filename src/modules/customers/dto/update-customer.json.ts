import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsObpDate, OBP_ID_PATTERN, NestedJson } from '../../../common/http/obp-validators';
import { AmountOfMoneyJson, FaceImageJson } from './customer-parts.json';

export class PutUpdateCustomerEmailJsonV310 {
  @ApiProperty({ example: 'marko@tesobe.com' }) @IsString() @MaxLength(255) email: string;
}

export class PutUpdateCustomerMobilePhoneNumberJsonV310 {
  @ApiProperty({ example: '+381631954907' }) @IsString() @MaxLength(50) mobile_phone_number: string;
}

export class PutUpdateCustomerIdentityJsonV310 {
  @ApiProperty({ example: 'Eveline Tripman' }) @IsString() @IsNotEmpty() @MaxLength(255) legal_name: string;
  @ApiProperty({ example: '1100-01-01T00:00:00Z' }) @IsObpDate() date_of_birth: string;
  @ApiProperty({ example: 'Dr.' }) @IsString() @MaxLength(100) title: string;
  @ApiProperty({ example: 'Sr' }) @IsString() @MaxLength(100) name_suffix: string;
}

export class PutUpdateCustomerCreditLimitJsonV310 {
  @ApiProperty({ type: AmountOfMoneyJson }) @IsDefined() @NestedJson(() => AmountOfMoneyJson) credit_limit: AmountOfMoneyJson;
}

export class PutUpdateCustomerCreditRatingAndSourceJsonV310 {
  @ApiProperty({ example: 'Good' }) @IsString() @MaxLength(100) credit_rating: string;
  @ApiProperty({ example: 'Bank' }) @IsString() @MaxLength(100) credit_source: string;
}

export class PutUpdateCustomerBranchJsonV310 {
  @ApiProperty({ example: '123' }) @IsString() @Matches(OBP_ID_PATTERN, { message: 'branch_id must be at most 36 of A-Z a-z 0-9 - . _' }) branch_id: string;
}

export class PutUpdateCustomerDataJsonV310 {
  @ApiProperty({ type: FaceImageJson }) @IsDefined() @NestedJson(() => FaceImageJson) face_image: FaceImageJson;
  @ApiProperty({ example: 'single' }) @IsString() @MaxLength(100) relationship_status: string;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(100) dependants: number;
  @ApiProperty({ example: 'Master' }) @IsString() @MaxLength(100) highest_education_attained: string;
  @ApiProperty({ example: 'worker' }) @IsString() @MaxLength(100) employment_status: string;
}

export class PutUpdateCustomerNumberJsonV310 {
  @ApiProperty({ example: '5987953' })
  @IsString()
  @Matches(/^(?!.*::::).{1,50}$/, { message: 'customer_number may not contain "::::" and must be 1-50 characters' })
  customer_number: string;
}
