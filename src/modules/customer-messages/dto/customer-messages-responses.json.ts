import { ApiProperty } from '@nestjs/swagger';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class MessageJson {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: '2026-12-07T03:51:54Z' }) date: string;
  @ApiProperty({ example: 'Your new card is on its way' }) message: string;
  @ApiProperty({ example: 'Cards' }) from_department: string;
  @ApiProperty({ example: 'Tom' }) from_person: string;
}

export class CustomerMessagesJson {
  @ApiProperty({ type: () => [MessageJson] }) messages: MessageJson[];
}

export class MessageJsonV400 {
  @ApiProperty({ example: '5995d6a2-01b3-423c-a173-5481df49bdaf' }) id: string;
  @ApiProperty({ example: '2026-12-07T03:51:54Z' }) date: string;
  @ApiProperty({ example: 'SMS' }) transport: string;
  @ApiProperty({ example: '123456' }) message: string;
  @ApiProperty({ example: 'Open Bank' }) from_department: string;
  @ApiProperty({ example: 'Tom' }) from_person: string;
}

export class CustomerMessagesJsonV400 {
  @ApiProperty({ type: () => [MessageJsonV400] }) messages: MessageJsonV400[];
}
