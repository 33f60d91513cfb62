import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { OpenApiDocument } from './openapi-document';

export const OPENAPI_JSON_PATH = '/obp/openapi.json';
export const SWAGGER_UI_PATH = 'obp/docs';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const TEMPLATE_PARAMETER = /\{([^}]+)\}/g;

/** Builds the OpenAPI 3 document from the @ObpEndpoint decorators and serves it with Swagger UI. */
export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('OBP-compatible API')
    .setDescription('Open Bank Project compatible REST API. Every path is served under /obp/vX.Y.Z for the versions listed.')
    .setVersion('5.1.0')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    // Relative: clients resolve it against wherever the document was fetched from.
    .addServer('/')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'DirectLogin' }, 'DirectLogin')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'Bearer')
    .addSecurity('OAuth', {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        'OAuth 1.0a (RFC 5849): `OAuth oauth_consumer_key="...", oauth_token="...", oauth_signature_method="HMAC-SHA256", ' +
        'oauth_timestamp="...", oauth_nonce="...", oauth_signature="..."`, signed by your OAuth 1.0a library with the consumer ' +
        'secret and the access token secret from POST /oauth/initiate, GET /oauth/authorize and POST /oauth/token.',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = document.components ?? {};
  document.components.schemas = {
    ...document.components.schemas,
    ObpErrorJson: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'integer', example: 400, description: 'The HTTP status' },
        message: { type: 'string', example: 'OBP-10001: Incorrect json format.' },
      },
    },
  };
  mergePathsDifferingOnlyInParameterNames(document);
  declareParameters(document);
  declareSecurity(document);
  makeOperationIdsUnique(document);
  app.get(OpenApiDocument).set(document);
  SwaggerModule.setup(SWAGGER_UI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1), useGlobalPrefix: false });
  return document;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = NonNullable<Operation['parameters']>[number];

function* operationsOf(document: OpenAPIObject): Generator<{ path: string; method: (typeof METHODS)[number]; operation: Operation }> {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) yield { path, method, operation };
    }
  }
}

function parameterNames(path: string): string[] {
  return [...path.matchAll(TEMPLATE_PARAMETER)].map((match) => match[1]);
}

function isIn(parameter: Parameter, location: 'path' | 'query'): parameter is Extract<Parameter, { in: string }> {
  return 'in' in parameter && parameter.in === location;
}

/**
 * One handler serves several versions (and sometimes alias paths), so its OBP operation id appears
 * on several paths. OpenAPI needs unique ids: suffix the served version
 * ("OBPv3.1.0-createCustomer_v5_1_0"), and a counter for an alias path of the same version.
 * The OBP id stays readable as x-obp-operation-id.
 */
function makeOperationIdsUnique(document: OpenAPIObject): void {
  const used = new Set<string>();
  for (const { path, operation } of operationsOf(document)) {
    if (!operation.operationId) continue;
    const version = /^\/obp\/v(\d+\.\d+\.\d+)/.exec(path)?.[1];
    const obpId = operation.operationId;
    Object.assign(operation, { 'x-obp-operation-id': obpId });
    const base = version ? `${obpId}_v${version.replace(/\./g, '_')}` : obpId;
    let unique = base;
    for (let n = 2; used.has(unique); n++) unique = `${base}_${n}`;
    used.add(unique);
    operation.operationId = unique;
  }
}

/**
 * OBP names one parameter differently on two verbs of a path (customer attributes: PUT uses
 * CUSTOMER_ATTRIBUTE_ID, GET uses ATTRIBUTE_ID). Resource docs keep OBP's spelling; OpenAPI forbids
 * paths that differ only in parameter names, so the later path's operations move onto the first.
 */
function mergePathsDifferingOnlyInParameterNames(document: OpenAPIObject): void {
  const byShape = new Map<string, string>();
  for (const path of Object.keys(document.paths)) {
    const shape = path.replace(TEMPLATE_PARAMETER, '{}');
    const first = byShape.get(shape);
    if (first === undefined) {
      byShape.set(shape, path);
      continue;
    }
    const item = document.paths[path];
    const target = document.paths[first];
    if (METHODS.some((method) => item[method] && target[method])) continue; // the same verb twice: left for the lint to report
    const from = parameterNames(path);
    const to = parameterNames(first);
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const parameter of operation.parameters ?? []) {
        if (isIn(parameter, 'path') && from.includes(parameter.name)) parameter.name = to[from.indexOf(parameter.name)];
      }
      target[method] = operation;
    }
    delete document.paths[path];
  }
}

/**
 * Every {NAME} of a path is a required string parameter, also where the handler reads it indirectly.
 * Query parameters are filters and paging, all optional (Nest marks a named @Query required).
 */
function declareParameters(document: OpenAPIObject): void {
  for (const { path, operation } of operationsOf(document)) {
    const parameters = operation.parameters ?? [];
    const declared = new Set(parameters.flatMap((parameter) => (isIn(parameter, 'path') ? [parameter.name] : [])));
    for (const parameter of parameters) if (isIn(parameter, 'query')) parameter.required = false;
    const missing = parameterNames(path).filter((name) => !declared.has(name));
    operation.parameters = [...missing.map((name) => ({ name, in: 'path' as const, required: true, schema: { type: 'string' as const } })), ...parameters];
  }
}

/**
 * Security from the endpoint's access rule: a DirectLogin token or an OAuth2/DirectLogin bearer
 * token; public endpoints accept either or nothing; DirectLogin itself takes no token.
 */
function declareSecurity(document: OpenAPIObject): void {
  const token: NonNullable<OpenAPIObject['security']> = [{ DirectLogin: [] }, { Bearer: [] }];
  for (const { operation } of operationsOf(document)) {
    const access = (operation as { 'x-obp-access'?: { kind: string } })['x-obp-access'];
    operation.security = !access ? [] : access.kind === 'public' ? [{}, ...token] : token;
  }
}
