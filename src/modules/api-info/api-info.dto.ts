import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HostedByJson {
  @ApiProperty({ example: 'TESOBE' }) organisation: string;
  @ApiProperty({ example: 'contact@tesobe.com' }) email: string;
  @ApiProperty({ example: '+49 (0)30 8145 3994' }) phone: string;
  @ApiProperty({ example: 'https://www.tesobe.com' }) organisation_website: string;
}

export class OrganisationJson {
  @ApiProperty({ example: 'Amazon' }) organisation: string;
  @ApiProperty({ example: 'https://aws.amazon.com/' }) organisation_website: string;
}

/** v1.2.1 - v3.1.0 */
export class ApiInfoJson {
  @ApiProperty({ example: 'v3.1.0' }) version: string;
  @ApiProperty({ example: 'STABLE' }) version_status: string;
  @ApiProperty({ example: '' }) git_commit: string;
  @ApiProperty({ example: 'mapped' }) connector: string;
  @ApiProperty({ type: HostedByJson }) hosted_by: HostedByJson;
}

/** v4.0.0 - v5.0.0 */
export class ApiInfoJson400 {
  @ApiProperty({ example: 'v4.0.0' }) version: string;
  @ApiProperty({ example: 'STABLE' }) version_status: string;
  @ApiProperty({ example: '' }) git_commit: string;
  @ApiProperty({ example: 'mapped' }) connector: string;
  @ApiProperty({ example: 'http://localhost:8080' }) hostname: string;
  @ApiProperty({ example: 'http://localhost:8080' }) local_identity_provider: string;
  @ApiProperty({ type: HostedByJson }) hosted_by: HostedByJson;
  @ApiProperty({ type: OrganisationJson }) hosted_at: OrganisationJson;
  @ApiProperty({ type: OrganisationJson }) energy_source: OrganisationJson;
  @ApiProperty({ example: false }) resource_docs_requires_role: boolean;
}

/** v5.1.0: the v4.0.0 shape plus "stage" after hostname, omitted when no run mode is set. */
export class ApiInfoJsonV510 extends ApiInfoJson400 {
  @ApiPropertyOptional({ example: 'production' }) stage?: string;
}
