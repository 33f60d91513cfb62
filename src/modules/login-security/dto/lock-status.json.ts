import { ApiProperty } from '@nestjs/swagger';

/** OBP's BadLoginStatusJson (v3.1.0). */
export class BadLoginStatusJson {
  @ApiProperty({ example: 'felixsmith' }) username: string;
  @ApiProperty({ example: 0, description: 'failed logins since the last successful login or unlock' }) bad_attempts_since_last_success_or_reset: number;
  @ApiProperty({ example: '2024-01-01T00:00:00Z', description: "the last failed login (or unlock); the user's creation date if there was none" })
  last_failure_date: string;
}

/** OBP's UserLockStatusJson (v4.0.0). */
export class UserLockStatusJson {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'lock_via_api' }) type_of_lock: string;
  @ApiProperty({ example: '2024-01-01T00:00:00Z' }) last_lock_date: string;
}
