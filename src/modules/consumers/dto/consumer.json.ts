import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsObpDate } from '../../../common/http/obp-validators';

/** POST /management/consumers. created_by_user_id, created and app_type's value are not trusted (OBP ignores the first two). */
export class ConsumerPostJSON {
  @ApiProperty({ example: 'SOFI' }) @IsString() @IsNotEmpty() @MaxLength(255) app_name: string;
  @ApiProperty({ example: 'Web' }) @IsString() @MaxLength(100) app_type: string;
  @ApiProperty({ example: 'Account Management' }) @IsString() @MaxLength(2000) description: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) @ValidateIf((_, v) => v !== '') @IsEmail() @MaxLength(255) developer_email: string;
  @ApiProperty({ example: 'https://www.example.com/callback' }) @IsString() @MaxLength(2000) redirect_url: string;
  @ApiPropertyOptional({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) @IsOptional() @IsString() @MaxLength(100) created_by_user_id?: string;
  @ApiProperty({ example: true }) @IsBoolean() enabled: boolean;
  @ApiPropertyOptional({ example: '2024-10-16T00:00:00Z' }) @IsOptional() @IsString() @MaxLength(40) created?: string;
  @ApiPropertyOptional({ example: '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  clientCertificate?: string;
}

export class PutEnabledJSON {
  @ApiProperty({ example: false }) @IsBoolean() enabled: boolean;
}

export class ConsumerRedirectUrlJSON {
  @ApiProperty({ example: 'https://www.example.com/callback' }) @IsString() @IsNotEmpty() @MaxLength(2000) redirect_url: string;
}

export class CreateScopeJson {
  @ApiProperty({ example: 'gh.29.uk', description: '"" for system roles' }) @IsString() @MaxLength(255) bank_id: string;
  @ApiProperty({ example: 'CanGetEntitlementsForAnyUserAtOneBank' }) @IsString() @IsNotEmpty() @MaxLength(100) role_name: string;
}

const LIMIT = /^(-1|\d{1,12})$/;

/** v3.1.0 call limits: limits are strings of digits, "-1" = unlimited. */
export class CallLimitPostJson {
  @ApiProperty({ example: '2026-01-01T00:00:00Z' }) @IsObpDate() from_date: string;
  @ApiProperty({ example: '2027-01-01T00:00:00Z' }) @IsObpDate() to_date: string;
  @ApiProperty({ example: '-1' }) @IsString() @Matches(LIMIT) per_second_call_limit: string;
  @ApiProperty({ example: '-1' }) @IsString() @Matches(LIMIT) per_minute_call_limit: string;
  @ApiProperty({ example: '-1' }) @IsString() @Matches(LIMIT) per_hour_call_limit: string;
  @ApiProperty({ example: '-1' }) @IsString() @Matches(LIMIT) per_day_call_limit: string;
  @ApiProperty({ example: '-1' }) @IsString() @Matches(LIMIT) per_week_call_limit: string;
  @ApiProperty({ example: '-1' }) @IsString() @Matches(LIMIT) per_month_call_limit: string;
}

/** v4.0.0 adds the optional narrowing of a limit to an API version, an API (OBP function name) and a bank. */
export class CallLimitPostJsonV400 extends CallLimitPostJson {
  @ApiPropertyOptional({ example: 'v4.0.0' }) @IsOptional() @IsString() @MaxLength(20) api_version?: string;
  @ApiPropertyOptional({ example: 'getCurrentUser' }) @IsOptional() @IsString() @MaxLength(100) api_name?: string;
  @ApiPropertyOptional({ example: 'gh.29.uk' }) @IsOptional() @IsString() @MaxLength(255) bank_id?: string;
}

export class ConsumerJwtPostJsonV510 {
  @ApiProperty({
    description:
      'A JWT whose payload is {description, app_name?, app_type?, developer_email?, redirect_url?}, signed with the private key of the certificate sent in PSD2-CERT',
    example:
      'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJkZXNjcmlwdGlvbiI6IlRQUCBkZXNjcmlwdGlvbiJ9.c5gPPsyUmnVW774y7h2xyLXg0wdtu25nbU2AvOmyzcWa7JTdCKuuy3CblxueGwqYkQDDQIya1Qny4blyAvh_a1Q28LgzEKBcH7Em9FZXerhkvR9v4FWbCC5AgNLdQ7sR8-rUQdShmJcGDKdVmsZjuO4XhY2Zx0nFnkcvYfsU9bccoAvkKpVJATXzwBqdoEOuFlplnbxsMH1wWbAd3hbcPPWTdvO43xavNZTB5ybgrXVDEYjw8D-98_ZkqxS0vfvhJ4cGefHViaFzp6zXm7msdBpcE__O9rFbdl9Gvup_bsMbrHJioIrmc2d15Yc-tTNTF9J4qjD_lNxMRlx5o2TZEw',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  jwt: string;
}

export class CreatedByUserJson {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) user_id: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) email: string;
  @ApiProperty({ example: 'Chris' }) provider_id: string;
  @ApiProperty({ example: 'https://auth.example.com' }) provider: string;
  @ApiProperty({ example: 'felixsmith' }) username: string;
}

export class ConsumerJsonV310 {
  @ApiProperty({ example: 'd0d7b08c-f0ec-4e57-ac99-7d9eafe99225' }) consumer_id: string;
  @ApiProperty({ example: 'SOFI' }) app_name: string;
  @ApiProperty({ example: 'Web' }) app_type: string;
  @ApiProperty({ example: 'description' }) description: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) developer_email: string;
  @ApiProperty({ example: 'www.openbankproject.com' }) redirect_url: string;
  @ApiProperty({ type: CreatedByUserJson }) created_by_user: CreatedByUserJson;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) created: string;
}

export class ConsumerJSON extends ConsumerJsonV310 {
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) created_by_user_id: string;
}

export class ConsumerJsonV400 extends ConsumerJSON {
  @ApiProperty({ example: 'bwf0ykmwoirip1yjxcn15wnhuyxcziwgtcoaildq' }) key: string;
  @ApiProperty({ description: 'Shown once, at creation', example: 'bwf0ykmwoirip1yjxcn15wnhuyxcziwgtcoaildq' }) secret: string;
  @ApiProperty({ example: '-----BEGIN CERTIFICATE-----\nMIIFIjCCBAqgAwIBAgIIX3qsz7QQxngwDQYJKoZIhvcNAQELBQAw...\n-----END CERTIFICATE-----' })
  client_certificate: string;
}

export class ConsumersJsonV310 {
  @ApiProperty({ type: [ConsumerJsonV310] }) consumers: ConsumerJsonV310[];
}

export class ScopeJson {
  @ApiProperty({ example: '88625da4-a671-435e-9d24-e5b6e5cc404f' }) scope_id: string;
  @ApiProperty({ example: 'CanGetCustomer' }) role_name: string;
  @ApiProperty({ example: 'gh.29.uk' }) bank_id: string;
}

export class ScopesJson {
  @ApiProperty({ type: [ScopeJson] }) list: ScopeJson[];
}

export class EnabledJson {
  @ApiProperty({ example: true }) enabled: boolean;
}
