import { ApiProperty } from '@nestjs/swagger';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class CreditLimitOrderRequestCreatedJson {
  @ApiProperty({ example: '03:51:54' }) execution_time: string;
  @ApiProperty({ example: '2026-12-07T03:51:54Z' }) execution_date: string;
  @ApiProperty({ example: '59ccb996-fd0a-4b15-8721-8f2c6f9b0684' }) token: string;
  @ApiProperty({ example: '076D7C1E24' }) short_reference: string;
}

export class CreditLimitOrderRequestJson {
  @ApiProperty({ example: '1' }) rank_amount_1: string;
  @ApiProperty({ example: '' }) nominal_interest_1: string;
  @ApiProperty({ example: '2' }) rank_amount_2: string;
  @ApiProperty({ example: '' }) nominal_interest_2: string;
  @ApiProperty({ example: '15e47d7e-02c9-427b-851c-24465b015ffa' }) request_id: string;
  @ApiProperty({ example: '34163E1C7C' }) short_reference: string;
  @ApiProperty({ example: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' }) customer_id: string;
  @ApiProperty({ example: '2026-12-07T03:51:46Z' }) date: string;
  @ApiProperty({ example: '1' }) requested_current_rate_amount1: string;
  @ApiProperty({ example: '2' }) requested_current_rate_amount2: string;
  @ApiProperty({ example: '2027-01-01T00:00:00Z' }) requested_current_valid_end_date: string;
  @ApiProperty({ example: 'x' }) current_credit_documentation: string;
  @ApiProperty({ example: '3' }) temporary_requested_current_amount: string;
  @ApiProperty({ example: '2027-01-01T00:00:00Z' }) requested_temporary_valid_end_date: string;
  @ApiProperty({ example: 'y' }) temporary_credit_documentation: string;
}

export class CreditLimitOrderRequestsJson {
  @ApiProperty({ type: () => [CreditLimitOrderRequestJson] }) credit_limit_requests: CreditLimitOrderRequestJson[];
}
