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
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) staff_user_id: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) customer_user_id: string;
}

export class MeetingKeysJson {
  @ApiProperty({ example: 'b5c0d2a3-36e5-4a8d-9a2e-0c8a2f8b6d3a' }) session_id: string;
  @ApiProperty({ example: 'a2c8a4b1-6f1e-4b4f-9e6d-1d2c3b4a5f60' }) staff_token: string;
  @ApiProperty({ example: 'c3d9b5c2-7a2f-4c5a-8f7e-2e3d4c5b6a71' }) customer_token: string;
}

export class MeetingJsonV310 {
  @ApiProperty({ example: '0d68b6d7-8b7e-4a30-a6a5-4c7a0f5f7b5e' }) meeting_id: string;
  @ApiProperty({ example: 'Chris' }) provider_id: string;
  @ApiProperty({ example: 'String, eg: onboarding' }) purpose_id: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
  @ApiProperty({ type: MeetingPresentJson }) present: MeetingPresentJson;
  @ApiProperty({ type: MeetingKeysJson }) keys: MeetingKeysJson;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) when: string;
  @ApiProperty({ type: ContactDetailsJson }) creator: ContactDetailsJson;
  @ApiProperty({ type: [InviteeJson] }) invitees: InviteeJson[];
}

export class MeetingsJsonV310 {
  @ApiProperty({ type: [MeetingJsonV310] }) meetings: MeetingJsonV310[];
}
