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

/** One API version this server serves, in OBP's ScannedApiVersion shape (camelCase keys as OBP writes them). */
export class ScannedApiVersionJson {
  @ApiProperty({ example: 'obp' }) urlPrefix: string;
  @ApiProperty({ example: 'obp' }) apiStandard: string;
  @ApiProperty({ example: 'v5.1.0' }) apiShortVersion: string;
  @ApiProperty({ example: 'v5.1.0' }) API_VERSION: string;
}

export class ScannedApiVersionsJson {
  @ApiProperty({ type: [ScannedApiVersionJson] }) scanned_api_versions: ScannedApiVersionJson[];
}

export class MessageDocAdapterImplementationJson {
  @ApiProperty({ example: 'CORE' }) group: string;
  @ApiProperty({ example: 3 }) suggested_order: number;
}

export class MessageDocDependentEndpointJson {
  @ApiProperty({ example: 'getBanks' }) name: string;
  @ApiProperty({ example: 'OBPv4.0.0' }) version: string;
}

/** OBP's MessageDocJson: one message a connector exchanges with a core banking adapter. */
export class MessageDocJson {
  @ApiProperty({ example: 'obp.getBanks' }) process: string;
  @ApiProperty({ example: 'rest_vMar2019' }) message_format: string;
  @ApiPropertyOptional({ example: 'to.obp.api.1.caseclass.OutboundGetBanks' }) outbound_topic?: string;
  @ApiPropertyOptional({ example: 'from.obp.api.1.to.adapter.mf.caseclass.OutboundGetBanks' }) inbound_topic?: string;
  @ApiProperty({ example: 'Get Banks' }) description: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) example_outbound_message: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, example: {} }) example_inbound_message: Record<string, unknown>;
  @ApiProperty({ type: MessageDocAdapterImplementationJson }) adapter_implementation: MessageDocAdapterImplementationJson;
  @ApiProperty({ type: [MessageDocDependentEndpointJson] }) dependent_endpoints: MessageDocDependentEndpointJson[];
}

export class MessageDocsJson {
  @ApiProperty({ type: [MessageDocJson], example: [] }) message_docs: MessageDocJson[];
}
