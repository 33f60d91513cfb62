import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsObpDate, NestedJson } from '../../../common/http/obp-validators';

export class ContactDetailsJson {
  @ApiProperty({ example: 'Simon' }) @IsString() @MaxLength(255) name: string;
  @ApiProperty({ example: '+44 07972 444 876' }) @IsString() @MaxLength(50) mobile_phone: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) @IsString() @MaxLength(255) email_address: string;
}

export class InviteeJson {
  @ApiProperty({ type: ContactDetailsJson })
  @NestedJson(() => ContactDetailsJson)
  contact_details: ContactDetailsJson;

  @ApiProperty({ example: 'Good' }) @IsString() @MaxLength(100) status: string;
}

/** OBP's CreateMeetingJsonV310; named as OBP's error message names it ("...should be the CreateMeetingJson "). */
export class CreateMeetingJson {
  @ApiProperty({ example: 'Chris' }) @IsString() @IsNotEmpty() @MaxLength(255) provider_id: string;
  @ApiProperty({ example: 'onboarding' }) @IsString() @IsNotEmpty() @MaxLength(255) purpose_id: string;
  @ApiProperty({ example: '2026-12-01T10:00:00Z' }) @IsObpDate() date: string;

  @ApiProperty({ type: ContactDetailsJson })
  @NestedJson(() => ContactDetailsJson)
  creator: ContactDetailsJson;

  @ApiProperty({ type: [InviteeJson] })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedJson(() => InviteeJson, { each: true })
  invitees: InviteeJson[];
}

export class MeetingPresentJson {
  @ApiProperty() staff_user_id: string;
  @ApiProperty() customer_user_id: string;
}

export class MeetingKeysJson {
  @ApiProperty() session_id: string;
  @ApiProperty() staff_token: string;
  @ApiProperty() customer_token: string;
}

export class MeetingJsonV310 {
  @ApiProperty() meeting_id: string;
  @ApiProperty() provider_id: string;
  @ApiProperty() purpose_id: string;
  @ApiProperty() bank_id: string;
  @ApiProperty({ type: MeetingPresentJson }) present: MeetingPresentJson;
  @ApiProperty({ type: MeetingKeysJson }) keys: MeetingKeysJson;
  @ApiProperty() when: string;
  @ApiProperty({ type: ContactDetailsJson }) creator: ContactDetailsJson;
  @ApiProperty({ type: [InviteeJson] }) invitees: InviteeJson[];
}

export class MeetingsJsonV310 {
  @ApiProperty({ type: [MeetingJsonV310] }) meetings: MeetingJsonV310[];
}
