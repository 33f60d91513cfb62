import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** v1.4.0 AddCustomerMessageJson */
export class AddCustomerMessageJson {
  @ApiProperty({ example: 'Your new card is on its way' }) @IsString() @IsNotEmpty() @MaxLength(2000) message: string;
  @ApiProperty({ example: 'Cards' }) @IsString() @MaxLength(255) from_department: string;
  @ApiProperty({ example: 'Tom' }) @IsString() @MaxLength(255) from_person: string;
}

/** v4.0.0 CreateMessageJsonV400: adds the transport (SMS, EMAIL, ...) */
export class CreateMessageJsonV400 extends AddCustomerMessageJson {
  @ApiProperty({ example: 'SMS' }) @IsString() @MaxLength(50) transport: string;
}
