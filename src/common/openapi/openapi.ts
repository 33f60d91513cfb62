import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_VERSIONS, LATEST_API_VERSION, type ApiVersion } from '../versioning/api-versions';
import { DIRECT_LOGIN_PATH, OpenApiDocument } from './openapi-document';
import { SECURITY_SCHEMES, TOKEN_SECURITY } from './security-schemes';
import { downloadUrlPlugin, jsonSpecPlugin } from './swagger-ui-plugins';
import { describedTags } from './tag-descriptions';

/** Every version in one document (what scripts and older clients fetch). */
export const OPENAPI_JSON_PATH = '/obp/openapi.json';
export const SWAGGER_UI_PATH = 'obp/docs';
/** The version Swagger UI opens on. */
export const DOCS_DEFAULT_VERSION: ApiVersion = LATEST_API_VERSION;

/** One version's document: "/obp/v5.1.0/openapi.json". */
export function openApiJsonPath(version: ApiVersion): string {
  return `/obp/v${version}/openapi.json`;
}

/** True for the document URLs served here (the whole document and one per version). */
export function isOpenApiJsonPath(url: string): boolean {
  return url === OPENAPI_JSON_PATH || API_VERSIONS.some((version) => url === openApiJsonPath(version));
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const TEMPLATE_PARAMETER = /\{([^}]+)\}/g;

const DESCRIPTION = `Open Bank Project (OBP) compatible REST API. Every endpoint is served under /obp/vX.Y.Z for the versions that list it; \
the version selector at the top switches between the documents of each version (\`/obp/vX.Y.Z/openapi.json\`; \`/obp/openapi.json\` holds all of them).

**Trying requests here:** 1. Get a consumer key: the server prints one on its first start, an admin creates one with \
\`POST /obp/v5.1.0/management/consumers\`, or an app registers itself with \`POST /obp/v5.1.0/dynamic-registration/consumers\`. \
2. Log in: open \`POST /my/logins/direct\` (tag DirectLogin), *Try it out*, and send the header \
\`DirectLogin: username="...", password="...", consumer_key="..."\`. 3. Click **Authorize**, and under *DirectLogin* paste \
\`token="<the token from step 2>"\`. The token is kept across page reloads.

Errors are \`{"code": <HTTP status>, "message": "OBP-xxxxx: ..."}\`; every response carries a \`Correlation-Id\` header to quote when reporting a problem.`;

/** Builds the OpenAPI 3 documents from the @ObpEndpoint decorators and serves them with Swagger UI. */
export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('OBP-compatible API')
    .setDescription(DESCRIPTION)
    .setVersion(LATEST_API_VERSION)
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    // Relative: clients resolve it against wherever the document was fetched from.
    .addServer('/');
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) builder.addSecurity(name, scheme);
  // Tags come from @ObpEndpoint only: no group per controller class.
  const document = SwaggerModule.createDocument(app, builder.build(), { autoTagControllers: false });
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
  keepOneTag(document);
  makeOperationIdsUnique(document);
  document.tags = describedTags(tagsOf(document));
  const documents = app.get(OpenApiDocument);
  documents.set(document);
  serveDocuments(app, documents);
  serveSwaggerUi(app);
  return document;
}

function serveDocuments(app: INestApplication, documents: OpenApiDocument): void {
  const http = app.getHttpAdapter();
  const send = (json: () => string) => (_request: unknown, reply: { type(type: string): void; send(body: string): void }) => {
    reply.type('application/json; charset=utf-8');
    reply.send(json());
  };
  http.get(
    OPENAPI_JSON_PATH,
    send(() => documents.json()),
  );
  for (const version of API_VERSIONS)
    http.get(
      openApiJsonPath(version),
      send(() => documents.json(version)),
    );
}

/**
 * Swagger UI fetching one version's document at a time (the `urls` selector), opening on the
 * latest. Nothing is inlined in the page: the init script carries options only.
 */
function serveSwaggerUi(app: INestApplication): void {
  const urls = [...API_VERSIONS].reverse().map((version) => ({ url: openApiJsonPath(version), name: `v${version}` }));
  SwaggerModule.setup(SWAGGER_UI_PATH, app, {} as OpenAPIObject, {
    useGlobalPrefix: false,
    raw: false,
    // Shows the top bar's definition selector, which Nest hides unless asked.
    explorer: true,
    customSiteTitle: 'OBP API documentation',
    swaggerOptions: {
      urls,
      'urls.primaryName': `v${DOCS_DEFAULT_VERSION}`,
      filter: true,
      docExpansion: 'none',
      persistAuthorization: true,
      displayRequestDuration: true,
      defaultModelsExpandDepth: 0,
      // No call to the public online validator: documents stay on this server.
      validatorUrl: null,
      plugins: [downloadUrlPlugin, jsonSpecPlugin],
    },
  });
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
 * One group per operation in Swagger UI and one folder in Postman: the first of the endpoint's
 * OBP tags (@ObpEndpoint's `tags`, in order). Resource docs keep every tag.
 */
function keepOneTag(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) operation.tags = (operation.tags ?? []).slice(0, 1);
}

function tagsOf(document: OpenAPIObject): string[] {
  const tags = new Set<string>();
  for (const { operation } of operationsOf(document)) for (const tag of operation.tags ?? []) tags.add(tag);
  return [...tags];
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
 * Security from the endpoint's access rule: a DirectLogin token, an OAuth2 bearer token or an
 * OAuth 1.0a signature; public endpoints accept any or nothing; DirectLogin itself takes no token.
 */
function declareSecurity(document: OpenAPIObject): void {
  for (const { path, operation } of operationsOf(document)) {
    const access = (operation as { 'x-obp-access'?: { kind: string } })['x-obp-access'];
    operation.security = !access || path === DIRECT_LOGIN_PATH ? [] : access.kind === 'public' ? [{}, ...TOKEN_SECURITY] : [...TOKEN_SECURITY];
  }
}
