import { Controller, Param, Query } from '@nestjs/common';
import { PUBLIC } from '../auth/access';
import { BANK_ROLES } from '../auth/roles';
import { ObpException } from '../errors/obp.exception';
import { between, parseApiVersion, since, type ApiVersion } from '../versioning/api-versions';
import { OpenApiDocument } from '../openapi/openapi-document';
import { EndpointRegistry } from './endpoint-registry';
import { ObpEndpoint } from './obp-endpoint.decorator';
import { toResourceDoc } from './resource-docs.mapper';
import { formatObpDate } from '../http/obp-date';

const SUPPORTED_LOCALES = ['en_gb', 'es_es'];

/** OBP resource docs, built from the same @ObpEndpoint metadata that routes the requests. */
@Controller()
export class ResourceDocsController {
  constructor(
    private readonly registry: EndpointRegistry,
    private readonly openApi: OpenApiDocument,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getResourceDocsObp',
    verb: 'GET',
    path: '/resource-docs/API_VERSION/obp',
    versions: between('1.4.0', '3.1.0'),
    access: PUBLIC,
    summary: 'Get Resource Docs',
    description: 'Documentation of every endpoint served at API_VERSION, optionally filtered by tags and functions.',
    tags: ['Documentation', 'API'],
    errors: ['InvalidApiVersionString', 'InvalidLocale', 'UnknownError'],
    exampleResponse: { resource_docs: [] },
  })
  getResourceDocs(
    @Param('API_VERSION') apiVersion: string,
    @Query('tags') tags?: string,
    @Query('functions') functions?: string,
    @Query('locale') locale?: string,
  ) {
    return { resource_docs: this.docs(apiVersion, tags, functions, locale) };
  }

  @ObpEndpoint({
    operationId: 'OBPv1.4.0-getResourceDocsObpV400',
    verb: 'GET',
    path: '/resource-docs/API_VERSION/obp',
    versions: since('4.0.0'),
    access: PUBLIC,
    summary: 'Get Resource Docs',
    description: 'Resource docs with a meta section (response date and count), as served from v4.0.0 on.',
    tags: ['Documentation', 'API'],
    errors: ['InvalidApiVersionString', 'InvalidLocale', 'UnknownError'],
    exampleResponse: { resource_docs: [], meta: { response_date: '2024-10-16T00:00:00Z', count: 0 } },
  })
  getResourceDocsV400(
    @Param('API_VERSION') apiVersion: string,
    @Query('tags') tags?: string,
    @Query('functions') functions?: string,
    @Query('locale') locale?: string,
  ) {
    const docs = this.docs(apiVersion, tags, functions, locale);
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
  })
  getResourceDocsSwagger(@Param('API_VERSION') apiVersion: string) {
    const version = parseApiVersion(apiVersion);
    if (!version) throw ObpException.of('InvalidApiVersionString', apiVersion.slice(0, 40));
    return this.openApi.forVersion(version);
  }

  private docs(rawVersion: string, tags?: string, functions?: string, locale?: string) {
    const version = parseApiVersion(rawVersion);
    if (!version) throw ObpException.of('InvalidApiVersionString', rawVersion.slice(0, 40));
    if (locale && !SUPPORTED_LOCALES.includes(locale.toLowerCase())) {
      throw ObpException.of('InvalidLocale', `Current Locale is ${locale.slice(0, 20)}`);
    }
    return this.select(version, splitList(tags), splitList(functions));
  }

  private select(version: ApiVersion, tags: string[], functions: string[]) {
    return this.registry
      .servedAt(version)
      .filter((endpoint) => functions.length === 0 || functions.includes(endpoint.operationId.replace(/^OBPv[\d.]+-/, '')))
      .filter((endpoint) => tags.length === 0 || endpoint.tags.some((tag) => tags.includes(tag)))
      .sort((a, b) => a.path.localeCompare(b.path) || a.verb.localeCompare(b.verb))
      .map((endpoint) => toResourceDoc(endpoint, version, BANK_ROLES));
  }
}

function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}
