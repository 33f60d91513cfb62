import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// Response shapes of the documentation endpoints (schema and examples only). Names follow OBP's JSON classes.

export class ImplementedByJson {
  @ApiProperty({ example: 'OBPv3.1.0' }) version: string;
  @ApiProperty({ example: 'createCustomer' }) function: string;
}

export class RoleJsonWithBankFlag {
  @ApiProperty({ example: 'CanCreateCustomer' }) role: string;
  @ApiProperty({ example: true }) requires_bank_id: boolean;
}

/** An example body: an object, or a bare array or `true` for OBP's few such answers. */
const ANY_JSON_BODY = [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }, { type: 'boolean' }];
const EXAMPLE_BODY = { legal_name: 'Eveline Tripman', mobile_phone_number: '+44 07972 444 876' };

export class ResourceDocJson {
  @ApiProperty({ example: 'OBPv3.1.0-createCustomer' }) operation_id: string;
  @ApiProperty({ type: () => ImplementedByJson }) implemented_by: ImplementedByJson;
  @ApiProperty({ example: 'POST' }) request_verb: string;
  @ApiProperty({ example: '/obp/v3.1.0/banks/BANK_ID/customers' }) request_url: string;
  @ApiProperty({ example: 'Create Customer' }) summary: string;
  @ApiProperty({ example: '<p>Add a customer linked to the user calling.</p>' }) description: string;
  @ApiProperty({ example: 'Add a customer linked to the user calling.' }) description_markdown: string;
  @ApiProperty({ oneOf: ANY_JSON_BODY, example: EXAMPLE_BODY, description: 'The example request body; {} where the endpoint reads none' })
  example_request_body: unknown;
  @ApiProperty({
    oneOf: ANY_JSON_BODY,
    example: { ...EXAMPLE_BODY, customer_id: '7uy8a7e4-6d02-40e3-a129-0b2bf89de8uh' },
    description: 'The example success body; {} where the endpoint answers none',
  })
  success_response_body: unknown;
  @ApiProperty({ type: [String], example: ['OBP-20001: User not logged in. Authentication is required!', 'OBP-50000: Unknown Error.'] })
  error_response_bodies: string[];
  @ApiProperty({ type: [String], example: ['Customer'] }) tags: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, example: { type: 'object', properties: { legal_name: { type: 'string' } } } })
  typed_request_body: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { type: 'object', properties: { customer_id: { type: 'string' } } } })
  typed_success_response_body: Record<string, unknown>;
  @ApiPropertyOptional({ type: () => [RoleJsonWithBankFlag], description: 'Present when the endpoint needs a role' }) roles?: RoleJsonWithBankFlag[];
  @ApiProperty({ example: false }) is_featured: boolean;
  @ApiProperty({ example: '' }) special_instructions: string;
  @ApiProperty({ example: '/obp/v5.1.0/banks/BANK_ID/customers' }) specified_url: string;
  @ApiProperty({ type: [String], example: [] }) connector_methods: string[];
}

export class ResourceDocsJson {
  @ApiProperty({ type: () => [ResourceDocJson] }) resource_docs: ResourceDocJson[];
}

export class ResourceDocsMetaJson {
  @ApiProperty({ example: '2024-10-16T10:28:22Z' }) response_date: string;
  @ApiProperty({ type: 'integer', example: 1 }) count: number;
}

export class ResourceDocsJsonV400 extends ResourceDocsJson {
  @ApiProperty({ type: () => ResourceDocsMetaJson }) meta: ResourceDocsMetaJson;
}

/** The OpenAPI 3 document (its parts are free-form here: the OpenAPI specification describes them). */
export class OpenApiDocumentJson {
  @ApiProperty({ example: '3.0.0' }) openapi: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { title: 'OBP-compatible API', version: '5.1.0' } }) info: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { '/obp/v5.1.0/root': { get: { operationId: 'OBPv1.2.1-root_v5_1_0' } } } })
  paths: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [{ name: 'Customer', description: '' }] }) tags: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [{ url: '/' }] }) servers: Record<string, unknown>[];
  @ApiProperty({ type: 'object', additionalProperties: true, example: { schemas: {}, securitySchemes: {} } }) components: Record<string, unknown>;
}
