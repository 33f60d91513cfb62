import { ObpErrors } from '../errors/error-catalogue';
import type { ApiVersion } from '../versioning/api-versions';
import { jsonShapeOf } from './json-shape';
import { requestExampleOf, responseExampleOf, type ObpEndpointMetadata } from './obp-endpoint.decorator';

/** The version and function an OBP operation id names: "OBPv3.1.0-createCustomer". */
function implementedBy(operationId: string): { version: string; function: string } {
  const match = /^(OBPv\d+\.\d+\.\d+)-(.+)$/.exec(operationId);
  return match ? { version: match[1], function: match[2] } : { version: '', function: operationId };
}

function requiredRoles(endpoint: ObpEndpointMetadata, bankRoles: ReadonlySet<string>) {
  if (endpoint.access.kind !== 'roles') return undefined;
  return endpoint.access.roles.map((role) => ({ role, requires_bank_id: bankRoles.has(role) }));
}

/** One ResourceDocJson, fields in OBP's order. */
export function toResourceDoc(endpoint: ObpEndpointMetadata, requested: ApiVersion, bankRoles: ReadonlySet<string>) {
  const by = implementedBy(endpoint.operationId);
  const introduced = by.version.replace(/^OBP/, '');
  const description = endpoint.description ?? endpoint.summary;
  const roles = requiredRoles(endpoint, bankRoles);
  // OBP shows {} where an endpoint reads or answers no body.
  const request = requestExampleOf(endpoint) ?? {};
  const response = responseExampleOf(endpoint) ?? {};
  return {
    operation_id: endpoint.operationId,
    implemented_by: by,
    request_verb: endpoint.verb,
    request_url: `/obp/${introduced}${endpoint.path}`,
    summary: endpoint.summary.replace(/\.$/, ''),
    description: `<p>${escapeHtml(description)}</p>`,
    description_markdown: description,
    example_request_body: request,
    success_response_body: response,
    error_response_bodies: endpoint.errors.map((name) => `${ObpErrors[name].code}: ${ObpErrors[name].text}`),
    tags: endpoint.tags,
    typed_request_body: jsonShapeOf(request),
    typed_success_response_body: jsonShapeOf(response),
    ...(roles ? { roles } : {}),
    is_featured: false,
    special_instructions: '',
    specified_url: `/obp/v${requested}${endpoint.path}`,
    connector_methods: [] as string[],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
