import { ApiProperty } from '@nestjs/swagger';
import { CreatedByUserJson } from './consumer.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class ConsumerJsonV210 {
  @ApiProperty({ type: 'integer', example: 1213 }) consumer_id: number;
  @ApiProperty({ example: 'SOFI' }) app_name: string;
  @ApiProperty({ example: 'Web' }) app_type: string;
  @ApiProperty({ example: 'Account Management' }) description: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) developer_email: string;
  @ApiProperty({ example: 'www.openbankproject.com' }) redirect_url: string;
  @ApiProperty({ example: '9ca9a7e4-6d02-40e3-a129-0b2bf89de9b1' }) created_by_user_id: string;
  @ApiProperty({ type: () => CreatedByUserJson }) created_by_user: CreatedByUserJson;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: '2026-12-07T03:48:16Z' }) created: string;
}

export class ConsumersJson {
  @ApiProperty({ type: () => [ConsumerJsonV210] }) list: ConsumerJsonV210[];
}

export class PerSecondJson {
  @ApiProperty({ type: 'integer', example: -1 }) calls_made: number;
  @ApiProperty({ type: 'integer', example: -1 }) reset_in_seconds: number;
}

export class CurrentStateJson {
  @ApiProperty({ type: () => PerSecondJson }) per_second: PerSecondJson;
  @ApiProperty({ type: () => PerSecondJson }) per_minute: PerSecondJson;
  @ApiProperty({ type: () => PerSecondJson }) per_hour: PerSecondJson;
  @ApiProperty({ type: () => PerSecondJson }) per_day: PerSecondJson;
  @ApiProperty({ type: () => PerSecondJson }) per_week: PerSecondJson;
  @ApiProperty({ type: () => PerSecondJson }) per_month: PerSecondJson;
}

export class CallLimitJson {
  @ApiProperty({ example: '-1' }) per_second_call_limit: string;
  @ApiProperty({ example: '-1' }) per_minute_call_limit: string;
  @ApiProperty({ example: '-1' }) per_hour_call_limit: string;
  @ApiProperty({ example: '-1' }) per_day_call_limit: string;
  @ApiProperty({ example: '-1' }) per_week_call_limit: string;
  @ApiProperty({ example: '-1' }) per_month_call_limit: string;
  @ApiProperty({ type: () => CurrentStateJson }) current_state: CurrentStateJson;
}

export class CertificateInfoJsonV510 {
  @ApiProperty({ example: 'OID.2.5.4.41=VPN, EMAILADDRESS=admin@tesobe.com, CN=TESOBE CA, OU=TESOBE Operations, O=TESOBE, L=Berlin, ST=Berlin, C=DE' })
  subject_domain_name: string;
  @ApiProperty({ example: 'CN=localhost, O=TESOBE GmbH, ST=Berlin, C=DE' }) issuer_domain_name: string;
  @ApiProperty({ example: '2022-04-01T10:13:00.000Z' }) not_before: string;
  @ApiProperty({ example: '2032-04-01T10:13:00.000Z' }) not_after: string;
  @ApiProperty({ example: 'PEM Encoded Certificate does not contain PSD2 roles.' }) roles_info: string;
}

export class ConsumerJsonV510 {
  @ApiProperty({ example: 'd0d7b08c-f0ec-4e57-ac99-7d9eafe99225' }) consumer_id: string;
  @ApiProperty({ example: 'd0d7b08c-f0ec-4e57-ac99-7d9eafe99225' }) consumer_key: string;
  @ApiProperty({ example: 'd0d7b08c-f0ec-4e57-ac99-7d9eafe99225' }) consumer_secret: string;
  @ApiProperty({ example: 'SOFI' }) app_name: string;
  @ApiProperty({ example: 'Web' }) app_type: string;
  @ApiProperty({ example: 'Account Management' }) description: string;
  @ApiProperty({ example: 'felixsmith@example.com' }) developer_email: string;
  @ApiProperty({ example: 'Tesobe GmbH' }) company: string;
  @ApiProperty({ example: 'www.openbankproject.com' }) redirect_url: string;
  @ApiProperty({ example: '-----BEGIN CERTIFICATE-----\nMIIFIjCCBAqgAwIBAgIIX3qsz7QQxngwDQYJKoZIhvcNAQELBQAw...\n-----END CERTIFICATE-----' })
  certificate_pem: string;
  @ApiProperty({ type: () => CertificateInfoJsonV510 }) certificate_info: CertificateInfoJsonV510;
  @ApiProperty({ type: () => CreatedByUserJson }) created_by_user: CreatedByUserJson;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: '2026-12-07T03:51:51Z' }) created: string;
}
