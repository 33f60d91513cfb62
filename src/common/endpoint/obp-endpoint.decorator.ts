import { applyDecorators, HttpCode, RequestMethod, SetMetadata, Version } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiBody, ApiExtension, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '../../config/app-config';
import type { Access } from '../auth/access';
import { ObpErrors, type ObpErrorName } from '../errors/error-catalogue';
import { registerSecretRoute } from '../logging/redaction';
import type { ApiVersion } from '../versioning/api-versions';
import { exampleOfBody, type BodyDeclaration } from '../openapi/dto-example';

/** A config flag that enables an endpoint, and the OBP error answered when it is off. */
export interface FeatureGate {
  flag: keyof AppConfig['features'];
  error: ObpErrorName;
}

const FUNCTION_NAMES = new Map<string, string>();

/** OBP's function name of an operation: its id without the version ("OBPv3.1.0-createCustomer" → "createCustomer"), worked out once per id. */
export function obpFunctionName(operationId: string): string {
  let name = FUNCTION_NAMES.get(operationId);
  if (name === undefined) {
    name = operationId.replace(/^OBPv[\d.]+-/, '');
    FUNCTION_NAMES.set(operationId, name);
  }
  return name;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface ObpEndpointOptions {
  /** OBP operation id, "OBPv<introduced>-<function>", e.g. "OBPv3.1.0-createCustomer". */
  operationId: string;
  verb: HttpVerb;
  /** OBP-style path below /obp/vX.Y.Z; UPPER_CASE segments are parameters: "/banks/BANK_ID". */
  path: string;
  /**
   * Path parameters that are secrets (never logged). Parameters whose name looks secret
   * (SECRET_LINK, ..._TOKEN, ...) are secret without being listed; see common/logging/redaction.ts.
   */
  secretParams?: string[];
  /** Extra paths served by the same handler (OBP's aliases, e.g. root's empty path). */
  aliases?: string[];
  versions: readonly ApiVersion[];
  access: Access;
  /** An instance switch that must be on; checked after authentication and before roles, as OBP does. */
  featureGate?: FeatureGate;
  /** OBP checks the role before the bank on a few old endpoints (KYC): 403 wins over 404 there. */
  rolesBeforeBank?: boolean;
  summary: string;
  description?: string;
  tags: string[];
  /** The OBP errors this endpoint can answer with, in check order. */
  errors: ObpErrorName[];
  successStatus?: number;
  /**
   * The JSON body the endpoint reads: a DTO class (or `[Dto]` for a bare array) whose @ApiProperty
   * examples make the documented example (OpenAPI and resource docs alike).
   */
  requestBody?: BodyDeclaration;
  /** A request example where no DTO describes the body (kept for the rare free-form body). */
  exampleRequest?: unknown;
  /** A POST or PUT that reads no body (documented as such; a test requires a requestBody otherwise). */
  noRequestBody?: boolean;
  /**
   * The JSON body of the success response, as a DTO class or `[Dto]`: its schema and example are
   * documented. Schema only: responses are written by mappers, never transformed through it.
   * Required for every endpoint with a JSON success body (a test checks it).
   */
  responseBody?: BodyDeclaration;
  /** The success response has no body (204, or OBP's empty answers); implied by successStatus 204. */
  emptyResponse?: boolean;
}

/** What the registry, guards and resource docs read back. */
export interface ObpEndpointMetadata extends ObpEndpointOptions {
  successStatus: number;
  /** The Nest route path ("banks/:BANK_ID"). */
  routePath: string;
}

export const OBP_ENDPOINT = 'obp:endpoint';

const PARAMETER_SEGMENT = /^[A-Z][A-Z0-9_]*$/;

/** "/banks/BANK_ID/customers" -> "banks/:BANK_ID/customers" */
export function toRoutePath(obpPath: string): string {
  return obpPath
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => (PARAMETER_SEGMENT.test(segment) ? `:${segment}` : segment))
    .join('/');
}

function defaultSuccessStatus(verb: HttpVerb): number {
  return verb === 'POST' ? 201 : 200;
}

/**
 * Declares an OBP endpoint once: HTTP route, served versions, access rule, OpenAPI operation and
 * resource-docs entry all come from these options. Controllers using it carry no path of their own.
 */
export function ObpEndpoint(options: ObpEndpointOptions): MethodDecorator {
  if (options.versions.length === 0) throw new Error(`${options.operationId}: no versions`);
  const successStatus = options.successStatus ?? defaultSuccessStatus(options.verb);
  const routePath = toRoutePath(options.path);
  const paths = [routePath, ...(options.aliases ?? []).map(toRoutePath)];
  const metadata: ObpEndpointMetadata = { ...options, successStatus, routePath };
  for (const path of paths) {
    for (const name of options.secretParams ?? []) {
      if (!path.split('/').includes(`:${name}`)) throw new Error(`${options.operationId}: secret parameter ${name} is not in the path`);
    }
    registerSecretRoute(path, options.secretParams);
  }

  return applyDecorators(
    SetMetadata(PATH_METADATA, paths.length === 1 ? paths[0] : paths),
    SetMetadata(METHOD_METADATA, RequestMethod[options.verb]),
    Version([...options.versions]),
    HttpCode(successStatus),
    SetMetadata(OBP_ENDPOINT, metadata),
    ApiOperation({ operationId: options.operationId, summary: options.summary, description: options.description }),
    ApiTags(...options.tags),
    ApiExtension('x-obp-access', options.access),
    ...(options.requestBody || options.exampleRequest !== undefined
      ? [ApiBody({ ...bodySchemaOf(options), examples: { example: { value: requestExampleOf(options) } } })]
      : []),
    successResponse(options, successStatus),
    ...obpErrorResponses(options.errors),
  );
}

/** The documented example request body: the DTO's example, else the hand-written one. */
export function requestExampleOf(options: Pick<ObpEndpointOptions, 'requestBody' | 'exampleRequest'>): unknown {
  return options.requestBody ? exampleOfBody(options.requestBody) : options.exampleRequest;
}

/** The documented example success body: the DTO's example; undefined for an empty body. */
export function responseExampleOf(options: Pick<ObpEndpointOptions, 'responseBody'>): unknown {
  return options.responseBody ? exampleOfBody(options.responseBody) : undefined;
}

/** The success response: the DTO's schema and example as application/json content, or no content. */
function successResponse(options: ObpEndpointOptions, status: number): MethodDecorator {
  const body = options.responseBody;
  if (!body) return ApiResponse({ status, description: options.emptyResponse || status === 204 ? 'Success, no body' : 'Success' });
  return ApiResponse({
    status,
    description: 'Success',
    type: Array.isArray(body) ? body[0] : body,
    isArray: Array.isArray(body),
    example: exampleOfBody(body),
  });
}

/** One OpenAPI response per HTTP status among the errors, listing each error answered with it. */
export function obpErrorResponses(errors: readonly ObpErrorName[]): MethodDecorator[] {
  const byStatus = new Map<number, string[]>();
  for (const name of errors) {
    const error = ObpErrors[name];
    byStatus.set(error.status, [...(byStatus.get(error.status) ?? []), `${error.code}: ${error.text}`]);
  }
  return [...byStatus].map(([status, messages]) =>
    ApiResponse({
      status,
      description: messages.join(' | '),
      schema: { $ref: '#/components/schemas/ObpErrorJson' },
      example: { code: status, message: messages[0] },
    }),
  );
}

/** The DTO when there is one; otherwise the example's JSON type (Nest would call the body a string). */
function bodySchemaOf(options: ObpEndpointOptions) {
  if (options.requestBody) return Array.isArray(options.requestBody) ? { type: options.requestBody[0], isArray: true } : { type: options.requestBody };
  return { schema: Array.isArray(options.exampleRequest) ? { type: 'array' as const, items: {} } : { type: 'object' as const } };
}
