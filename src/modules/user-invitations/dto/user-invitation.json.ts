import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const INVITATION_PURPOSES = ['DEVELOPER', 'CUSTOMER'] as const;

export class PostUserInvitationJsonV400 {
  @ApiProperty({ example: 'Tom' }) @IsString() @IsNotEmpty() @MaxLength(100) first_name: string;
  @ApiProperty({ example: 'Smith' }) @IsString() @IsNotEmpty() @MaxLength(100) last_name: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) @IsEmail() @MaxLength(255) email: string;
  @ApiProperty({ example: 'Tesobe GmbH' }) @IsString() @MaxLength(255) company: string;
  @ApiProperty({ example: 'Germany' }) @IsString() @MaxLength(100) country: string;
  /** Checked in the handler, for OBP's own error (OBP-10035) rather than OBP-10001. */
  @ApiProperty({ example: 'DEVELOPER', enum: INVITATION_PURPOSES }) @IsString() @MaxLength(50) purpose: string;
}

/**
 * OBP sends the secret as a JSON number (a Long). Ours is 128 bits, too big for a JSON number, so it
 * is sent as a string of digits; integers are accepted and compared as digits (they never match).
 */
export class PostUserInvitationAnonymousJsonV400 {
  @ApiProperty({ example: '238462750237498237409823740982374098234', description: 'The invitation secret (decimal digits)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' && Number.isInteger(value) ? BigInt(value).toString() : value))
  @IsString()
  @Matches(/^\d{1,40}$/)
  secret_key: string;
}

export class UserInvitationJsonV400 {
  @ApiProperty({ example: 'Felix' }) first_name: string;
  @ApiProperty({ example: 'Smith' }) last_name: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ example: 'TESOBE' }) company: string;
  @ApiProperty({ example: 'Germany' }) country: string;
  @ApiProperty({ example: 'DEVELOPER' }) purpose: string;
  @ApiProperty({ example: 'CREATED' }) status: string;
}

/** The create response adds the inviter's secret, shown this once; it does not prove the invitee's address (docs/COMPATIBILITY.md). */
export class CreatedUserInvitationJsonV400 extends UserInvitationJsonV400 {
  @ApiPropertyOptional({
    description:
      "Redeems the invitation with POST /users {..., user_invitation_secret_key} but leaves the e-mail unverified; the invitee's e-mailed link verifies it",
    example: '13897561408912340987',
  })
  secret_key: string;
}

export class UserInvitationsJsonV400 {
  @ApiProperty({ type: [UserInvitationJsonV400] }) user_invitations: UserInvitationJsonV400[];
}
