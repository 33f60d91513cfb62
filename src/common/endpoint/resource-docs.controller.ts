import { applyDecorators, Controller, Param, Query } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiQuery } from '@nestjs/swagger';
import { PUBLIC } from '../auth/access';
import type { AuthContext } from '../auth/auth-context';
import { OptionalAuth } from '../auth/current-auth.decorator';
import { BANK_ROLES } from '../auth/roles';
import type { ObpErrorName } from '../errors/error-catalogue';
import { ObpException } from '../errors/obp.exception';
import { between, parseApiVersion, since, type ApiVersion } from '../versioning/api-versions';
import { OpenApiDocument } from '../openapi/openapi-document';
import { ApiCollectionOperationIds } from './api-collection-operation-ids';
import { EndpointRegistry } from './endpoint-registry';
import { ObpEndpoint, obpFunctionName } from './obp-endpoint.decorator';
import { toResourceDoc } from './resource-docs.mapper';
import { OpenApiDocumentJson, ResourceDocsJson, ResourceDocsJsonV400 } from './dto/resource-docs.json';
import { formatObpDate } from '../http/obp-date';

const SUPPORTED_LOCALES = ['en_gb', 'es_es'];
const CONTENT_KINDS = ['static', 'dynamic', 'all'];
const QUERY_ERRORS: ObpErrorName[] = [
  'InvalidTagsParameter',
  'InvalidFunctionsParameter',
  'InvalidContentParameter',
  'InvalidApiVersionString',
  'InvalidLocale',
  'UnknownError',
];
const DOCS_DESCRIPTION =
  'Documentation of every endpoint served at API_VERSION, with example request and response bodies. Query parameters: ' +
  'tags (comma-separated, e.g. ?tags=Customer,Account: endpoints carrying any of them), functions (comma-separated function names, ' +
  'e.g. ?functions=getBanks,bankById), content (static, dynamic or all; every endpoint of this server is static), locale (en_GB or es_ES), ' +
  'api-collection-id (the endpoints of that API collection, in its order, whatever their version; tags, functions and content are then ignored, as in OBP; ' +
  "only a sharable collection or one of the caller's own lists anything).";

/** OBP resource docs, built from the same @ObpEndpoint metadata that routes the requests. */
@Controller()
export class ResourceDocsController {
  constructor(
    private readonly registry: EndpointRegistry,
    private readonly openApi: OpenApiDocument,
    private readonly moduleRef: ModuleRef,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getResourceDocsObp',
    verb: 'GET',
    path: '/resource-docs/API_VERSION/obp',
    versions: between('1.4.0', '3.1.0'),
    access: PUBLIC,
    summary: 'Get Resource Docs',
    description: DOCS_DESCRIPTION,
    tags: ['Documentation', 'API'],
    errors: QUERY_ERRORS,
    responseBody: ResourceDocsJson,
  })
  @ResourceDocsQuery()
  async getResourceDocs(@OptionalAuth() auth: AuthContext | undefined, @Param('API_VERSION') apiVersion: string, @Query() query: RawQuery) {
    return { resource_docs: await this.docs(auth, apiVersion, query) };
  }

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getResourceDocsObpV400',
    verb: 'GET',
    path: '/resource-docs/API_VERSION/obp',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get Resource Docs',
    description: `${DOCS_DESCRIPTION} From v4.0.0 on the answer carries a meta section (response date and count).`,
    tags: ['Documentation', 'API'],
    errors: QUERY_ERRORS,
    responseBody: ResourceDocsJsonV400,
  })
  @ResourceDocsQuery()
  async getResourceDocsV400(@OptionalAuth() auth: AuthContext | undefined, @Param('API_VERSION') apiVersion: string, @Query() query: RawQuery) {
    const docs = await this.docs(auth, apiVersion, query);
    return { resource_docs: docs, meta: { response_date: formatObpDate(new Date()), count: docs.length } };
  }

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getResourceDocsSwagger',
    verb: 'GET',
    path: '/resource-docs/API_VERSION/swagger',
    versions: since('1.4.0'),
    access: PUBLIC,
    summary: 'Get Swagger documentation',
    description: 'The OpenAPI 3 document of the endpoints served at API_VERSION (OBP served Swagger 2.0 here).',
    tags: ['Documentation', 'API'],
    errors: ['InvalidApiVersionString'],
    responseBody: OpenApiDocumentJson,
  })
  getResourceDocsSwagger(@Param('API_VERSION') apiVersion: string) {
    const version = parseApiVersion(apiVersion);
    if (!version) throw ObpException.of('InvalidApiVersionString', apiVersion.slice(0, 40));
    return this.openApi.forVersion(version);
  }

  /**
   * OBP's order of checks: the filter parameters (an empty tags, functions or an unknown content
   * value is 400), then the version, then the locale (`locale`, or its older name `language`).
   * `api-collection-id`, when present, then decides alone, as in OBP.
   */
  private async docs(auth: AuthContext | undefined, rawVersion: string, query: RawQuery) {
    const tags = first(query.tags);
    const functions = first(query.functions);
    const content = first(query.content);
    if (tags !== undefined && tags.trim() === '') throw ObpException.of('InvalidTagsParameter');
    if (functions !== undefined && functions.trim() === '') throw ObpException.of('InvalidFunctionsParameter');
    const contentKind = content === undefined ? 'all' : content.trim().toLowerCase();
    if (!CONTENT_KINDS.includes(contentKind)) throw ObpException.of('InvalidContentParameter');
    const version = parseApiVersion(rawVersion);
    if (!version) throw ObpException.of('InvalidApiVersionString', rawVersion.slice(0, 40));
    const locale = (first(query.locale) ?? first(query.language))?.trim();
    if (locale && !SUPPORTED_LOCALES.includes(locale.toLowerCase())) {
      throw ObpException.of('InvalidLocale', `Current Locale is ${locale.slice(0, 20)}`);
    }
    const apiCollectionId = first(query['api-collection-id']);
    if (apiCollectionId !== undefined) return this.collectionDocs(apiCollectionId.trim(), version, auth);
    // Every endpoint here is static (declared in code); OBP's dynamic endpoints do not exist here.
    if (contentKind === 'dynamic') return [];
    return this.select(version, splitList(tags), splitList(functions));
  }

  /**
   * OBP's api-collection-id filter: the collection's endpoints in the collection's order, each
   * documented at the requested version when served there, else at the version it came in.
   */
  private async collectionDocs(apiCollectionId: string, version: ApiVersion, auth: AuthContext | undefined) {
    const collections = this.moduleRef.get(ApiCollectionOperationIds, { strict: false });
    const operationIds = await collections.operationIdsOf(apiCollectionId, auth?.user.userId);
    const byOperationId = new Map(this.registry.all().map((endpoint) => [endpoint.operationId, endpoint]));
    return operationIds.flatMap((operationId) => {
      const endpoint = byOperationId.get(operationId);
      if (!endpoint) return [];
      const at = endpoint.versions.includes(version) ? version : endpoint.versions[0];
      return [toResourceDoc(endpoint, at, BANK_ROLES)];
    });
  }

  private select(version: ApiVersion, tags: string[], functions: string[]) {
    return this.registry
      .servedAt(version)
      .filter((endpoint) => functions.length === 0 || functions.includes(obpFunctionName(endpoint.operationId)))
      .filter((endpoint) => tags.length === 0 || endpoint.tags.some((tag) => tags.includes(tag)))
      .sort((a, b) => a.path.localeCompare(b.path) || a.verb.localeCompare(b.verb))
      .map((endpoint) => toResourceDoc(endpoint, version, BANK_ROLES));
  }
}

/** The query parameters in the OpenAPI document (the handler reads the raw query to check them as OBP does). */
function ResourceDocsQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'tags', required: false, description: 'Comma-separated tags: endpoints carrying any of them', example: 'Customer,Bank' }),
    ApiQuery({ name: 'functions', required: false, description: 'Comma-separated function names (implemented_by.function)', example: 'getBanks,bankById' }),
    ApiQuery({ name: 'content', required: false, enum: CONTENT_KINDS, description: 'static, dynamic or all (default all)' }),
    ApiQuery({ name: 'locale', required: false, example: 'en_GB' }),
    ApiQuery({ name: 'api-collection-id', required: false, description: "Only the endpoints of this API collection (sharable, or the caller's own)" }),
  );
}

type RawQuery = Record<string, string | string[] | undefined>;

/** The first value of a query parameter given once or repeated. */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
