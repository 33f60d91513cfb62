import { ApiProperty } from '@nestjs/swagger';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class CrmEventJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ example: 'Eve' }) customer_name: string;
  @ApiProperty({ example: '5987953' }) customer_number: string;
  @ApiProperty({ example: 'Customer' }) category: string;
  @ApiProperty({ example: 'Check mortgage' }) detail: string;
  @ApiProperty({ example: 'Phone' }) channel: string;
  @ApiProperty({ type: String, nullable: true, example: '2024-10-16T10:28:22Z' }) scheduled_date: string | null;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) actual_date: string;
  @ApiProperty({ example: '' }) result: string;
}

export class CrmEventsJson {
  @ApiProperty({ type: () => [CrmEventJson] }) crm_events: CrmEventJson[];
}
