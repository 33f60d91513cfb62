import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { EndpointRegistry } from '../../src/common/endpoint/endpoint-registry';
import { TAG_DESCRIPTIONS } from '../../src/common/openapi/tag-descriptions';
import { API_VERSIONS } from '../../src/common/versioning/api-versions';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Route table, OpenAPI and resource docs (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  it('matches the route table snapshot (verb, path, version, operationId) with no duplicates', () => {
    const rows = app.get(EndpointRegistry).routeTable();
    const lines = rows.map((row) => `${row.verb} ${row.path} ${row.operationId}`);
    expect(new Set(lines.map((line) => line.split(' ').slice(0, 2).join(' '))).size).toBe(lines.length);
    expect(lines).toMatchSnapshot();
  });

  it('lists every routed endpoint in the OpenAPI document, with unique operation ids', async () => {
    const document = (await request(http).get('/obp/openapi.json').expect(200)).body;
    expect(document.openapi).toMatch(/^3\./);
    const operations: { path: string; method: string; operationId: string }[] = [];
    for (const [path, item] of Object.entries<Record<string, { operationId: string }>>(document.paths)) {
      for (const [method, operation] of Object.entries(item)) operations.push({ path, method, operationId: operation.operationId });
    }
    // Every OBP route, plus DirectLogin and the OAuth 1.0a handshake, which OBP serves at the root path outside the versions.
    const routed = [
      ...app
        .get(EndpointRegistry)
        .routeTable()
        .map((row) => `${row.verb} ${row.path.replace(/\/([A-Z][A-Z0-9_]*)(?=\/|$)/g, '/{$1}')}`),
      'POST /my/logins/direct',
      'POST /oauth/initiate',
      'POST /oauth/token',
      'DELETE /oauth/token',
    ].sort();
    // Parameter names aside: OBP names one differently on two verbs of a path, which OpenAPI keeps as one path.
    const shape = (line: string) => line.replace(/\{[^}]+\}/g, '{}');
    expect(operations.map((op) => shape(`${op.method.toUpperCase()} ${op.path}`)).sort()).toEqual(routed.map(shape).sort());
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    expect(document.components.schemas.ObpErrorJson).toBeDefined();
    expect(document.paths['/obp/v5.1.0/root'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ApiInfoJsonV510',
    });
  });

  it('serves Swagger UI with a version selector over the per-version documents, opening on v5.1.0', async () => {
    const response = await request(http).get('/obp/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
    const init = await request(http).get('/obp/docs/swagger-ui-init.js').expect(200);
    const options = optionsOf(init.text);
    expect(options.urls).toEqual([...API_VERSIONS].reverse().map((version) => ({ url: `/obp/v${version}/openapi.json`, name: `v${version}` })));
    expect(options).toMatchObject({ 'urls.primaryName': 'v5.1.0', filter: true, docExpansion: 'none', persistAuthorization: true });
    // No document is inlined in the page: the browser fetches the selected version's only.
    expect(init.text.length).toBeLessThan(20_000);
    expect(init.text).not.toContain('"paths"');
  });

  it('serves one OpenAPI document per version: its endpoints, DirectLogin, and only the tags and schemas they use', async () => {
    const all = (await request(http).get('/obp/openapi.json').expect(200)).body;
    const registry = app.get(EndpointRegistry);
    for (const version of API_VERSIONS) {
      const response = await request(http).get(`/obp/v${version}/openapi.json`).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const document = response.body;
      expect(document.info.version).toBe(version);
      const prefix = `/obp/v${version}`;
      const expectedPaths = Object.keys(all.paths).filter((path) => path === prefix || path.startsWith(`${prefix}/`));
      expect(Object.keys(document.paths).sort()).toEqual([...expectedPaths, '/my/logins/direct'].sort());
      const documented = new Set(operationsOf(document).map((operation) => operation['x-obp-operation-id']));
      expect([...new Set(registry.servedAt(version).map((endpoint) => endpoint.operationId))].filter((id) => !documented.has(id))).toEqual([]);
      const usedTags = new Set(operationsOf(document).flatMap((operation) => operation.tags));
      expect(document.tags.map((tag: { name: string }) => tag.name).sort()).toEqual([...usedTags].sort());
      const text = JSON.stringify(document);
      const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]));
      expect([...refs].filter((name) => !(name in document.components.schemas))).toEqual([]);
      expect(Object.keys(document.components.schemas).filter((name) => !refs.has(name))).toEqual([]);
    }
    // The old OBP endpoint serves the same document.
    const swagger = await request(http).get('/obp/v4.0.0/resource-docs/v4.0.0/swagger').expect(200);
    expect(swagger.body).toEqual((await request(http).get('/obp/v4.0.0/openapi.json')).body);
  });

  it('files every operation under exactly one tag, the first OBP tag of its endpoint, and describes every tag', async () => {
    const document = (await request(http).get('/obp/openapi.json').expect(200)).body;
    const firstTag = new Map(
      app
        .get(EndpointRegistry)
        .all()
        .map((endpoint) => [endpoint.operationId, endpoint.tags[0]]),
    );
    for (const operation of operationsOf(document)) {
      expect({ id: operation.operationId, tags: operation.tags }).toEqual({
        id: operation.operationId,
        // Outside @ObpEndpoint: DirectLogin and the OAuth 1.0a handshake, each under its own tag.
        tags: [firstTag.get(operation['x-obp-operation-id']) ?? (operation.operationId.startsWith('OAuth1-') ? 'OAuth' : 'DirectLogin')],
      });
    }
    const used = [...new Set<string>(operationsOf(document).flatMap((operation) => operation.tags))].sort((a, b) => a.localeCompare(b));
    expect(document.tags.map((tag: { name: string }) => tag.name)).toEqual(used);
    // A new first tag needs its line in src/common/openapi/tag-descriptions.ts.
    expect(used.filter((tag) => !TAG_DESCRIPTIONS[tag])).toEqual([]);
    for (const tag of document.tags) expect(tag.description).toBe(TAG_DESCRIPTIONS[tag.name]);
    expect(used.length).toBeLessThan(30);
  });

  it('describes the DirectLogin, OAuth2 bearer and OAuth 1.0a schemes, and which operations need them', async () => {
    const document = (await request(http).get('/obp/v5.1.0/openapi.json').expect(200)).body;
    const schemes = document.components.securitySchemes;
    expect(schemes.DirectLogin).toMatchObject({ type: 'apiKey', in: 'header', name: 'DirectLogin' });
    expect(schemes.DirectLogin.description).toContain('token="<token>"');
    expect(schemes.DirectLogin.description).toContain('POST /my/logins/direct');
    expect(schemes.Bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.Bearer.description).toContain('Authorization: Bearer');
    // OAuth 1.0a is declared as the `OAuth` scheme (issue 20), the name OBP's clients know it by.
    expect(Object.keys(schemes).sort()).toEqual(['Bearer', 'DirectLogin', 'OAuth']);
    expect(schemes.OAuth).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(schemes.OAuth.description).toContain('Authorization: OAuth oauth_consumer_key=');
    const tokens = [{ DirectLogin: [] }, { Bearer: [] }, { OAuth: [] }];
    expect(document.paths['/obp/v5.1.0/users/current'].get.security).toEqual(tokens);
    expect(document.paths['/obp/v5.1.0/banks'].get.security).toEqual([{}, ...tokens]);
    expect(document.paths['/my/logins/direct'].post.security).toEqual([]);
    expect(document.info.description).toContain('token="<the token from step 2>"');
  });

  it('declares the paging and filter parameters on every operation whose handler reads them', async () => {
    const document = (await request(http).get('/obp/openapi.json').expect(200)).body;
    const errorsOf = new Map(
      app
        .get(EndpointRegistry)
        .all()
        .map((endpoint) => [endpoint.operationId, endpoint.errors as string[]]),
    );
    // The filter errors an endpoint lists say which parameters it reads.
    const needs: [string, string[]][] = [
      ['FilterLimitError', ['limit']],
      ['FilterOffersetError', ['offset']],
      ['FilterSortDirectionError', ['sort_direction']],
      ['FilterDateFormatError', ['from_date', 'to_date']],
    ];
    const missing: string[] = [];
    let paged = 0;
    for (const operation of operationsOf(document)) {
      const errors = errorsOf.get(operation['x-obp-operation-id']) ?? [];
      const declared = new Set((operation.parameters ?? []).map((parameter: { name: string; in: string }) => `${parameter.in} ${parameter.name}`));
      if (declared.has('query limit') || declared.has('header obp_limit')) paged++;
      for (const [error, names] of needs) {
        if (!errors.includes(error)) continue;
        for (const name of names) if (!declared.has(`query ${name}`) && !declared.has(`header obp_${name}`)) missing.push(`${operation.operationId}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    // Customers (5 lists and the phone search), consumers, users and transactions, across their versions.
    expect(paged).toBeGreaterThanOrEqual(39);
    const parameters = (path: string, method = 'get') =>
      Object.fromEntries(
        document.paths[path][method].parameters.map((parameter: { name: string; in: string; required: boolean; schema: unknown }) => [
          `${parameter.in} ${parameter.name}`,
          parameter,
        ]),
      );
    expect(parameters('/obp/v5.1.0/banks/{BANK_ID}/customers')).toMatchObject({
      'query limit': { required: false, schema: { type: 'integer', minimum: 1, maximum: 10000, default: 50 } },
      'query offset': { required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
      'query sort_direction': { required: false, schema: { enum: ['ASC', 'DESC'] } },
      'query from_date': { required: false },
      'query to_date': { required: false },
    });
    expect(parameters('/obp/v5.1.0/banks/{BANK_ID}/firehose/customers')['query attributes']).toMatchObject({
      style: 'form',
      explode: true,
      schema: { type: 'object' },
    });
    expect(Object.keys(parameters('/obp/v5.1.0/users'))).toEqual(expect.arrayContaining(['query limit', 'query offset']));
    expect(Object.keys(parameters('/obp/v5.1.0/banks/{BANK_ID}/search/customers/mobile-phone-number', 'post'))).toEqual(
      expect.arrayContaining(['query limit', 'query offset']),
    );
    // Branch and ATM lists: typed and described like the other pages, with their own default page size.
    for (const [path, defaultLimit] of [
      ['/obp/v5.1.0/banks/{BANK_ID}/atms', 100],
      ['/obp/v5.1.0/banks/{BANK_ID}/branches', 100],
      ['/obp/v1.4.0/banks/{BANK_ID}/branches', 50],
      ['/obp/v1.4.0/banks/{BANK_ID}/atms', 50],
    ] as const) {
      expect(parameters(path)).toMatchObject({
        'query limit': { required: false, description: expect.stringContaining('Page size'), schema: { type: 'integer', minimum: 1, default: defaultLimit } },
        'query offset': { required: false, description: expect.stringContaining('skip'), schema: { type: 'integer', minimum: 0, default: 0 } },
      });
    }
    // Transactions read OBP's filter headers, in every version.
    for (const path of [
      '/obp/v1.2.1/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions',
      '/obp/v5.1.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions',
    ]) {
      expect(Object.keys(parameters(path))).toEqual(
        expect.arrayContaining(['header obp_limit', 'header obp_offset', 'header obp_sort_direction', 'header obp_from_date', 'header obp_to_date']),
      );
    }
  });

  it('lists in resource docs the same endpoints the router serves at that version', async () => {
    const registry = app.get(EndpointRegistry);
    for (const version of ['1.4.0', '3.1.0', '5.1.0'] as const) {
      const response = await request(http).get(`/obp/v${version}/resource-docs/v${version}/obp`).expect(200);
      const documented = response.body.resource_docs.map((doc: { operation_id: string; request_verb: string }) => `${doc.request_verb} ${doc.operation_id}`);
      const served = registry.servedAt(version).map((endpoint) => `${endpoint.verb} ${endpoint.operationId}`);
      expect(documented.sort()).toEqual(served.sort());
    }
  });

  it('uses OBP resource doc shapes, with meta from v4.0.0', async () => {
    const v400 = await request(http).get('/obp/v5.1.0/resource-docs/OBPv3.1.0/obp').expect(200);
    expect(v400.body.meta).toEqual({ response_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), count: v400.body.resource_docs.length });
    const root = v400.body.resource_docs.find((doc: { operation_id: string }) => doc.operation_id === 'OBPv1.2.1-root');
    expect(root).toMatchObject({
      implemented_by: { version: 'OBPv1.2.1', function: 'root' },
      request_verb: 'GET',
      request_url: '/obp/v1.2.1/root',
      specified_url: '/obp/v3.1.0/root',
      summary: 'Get API Info (root)',
      tags: ['API'],
      error_response_bodies: ['OBP-50000: Unknown Error.'],
      is_featured: false,
    });
    const v310 = await request(http).get('/obp/v3.1.0/resource-docs/v3.1.0/obp').expect(200);
    expect(v310.body.meta).toBeUndefined();
  });

  it('filters resource docs by function and tag', async () => {
    const byFunction = await request(http).get('/obp/v5.1.0/resource-docs/v5.1.0/obp?functions=root').expect(200);
    expect(byFunction.body.resource_docs.map((doc: { operation_id: string }) => doc.operation_id)).toEqual(['OBPv5.1.0-root']);
    const byTag = await request(http).get('/obp/v5.1.0/resource-docs/v5.1.0/obp?tags=Documentation').expect(200);
    expect(byTag.body.resource_docs.every((doc: { tags: string[] }) => doc.tags.includes('Documentation'))).toBe(true);
  });

  it('serves the OpenAPI document of one version at resource-docs/VERSION/swagger', async () => {
    const response = await request(http).get('/obp/v3.1.0/resource-docs/v3.1.0/swagger').expect(200);
    const paths = Object.keys(response.body.paths);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.every((path) => path.startsWith('/obp/v3.1.0') || path === '/my/logins/direct')).toBe(true);
    expect(paths).toContain('/obp/v3.1.0/root');
    expectObpError(await request(http).get('/obp/v5.1.0/resource-docs/v7.0.0/swagger'), 400, 'OBP-00027');
  });

  it('refuses unknown versions and locales', async () => {
    expectObpError(await request(http).get('/obp/v5.1.0/resource-docs/v0.0.1/obp'), 400, 'OBP-00027');
    expectObpError(await request(http).get('/obp/v5.1.0/resource-docs/v5.1.0/obp?locale=xx_XX'), 400, 'OBP-10041');
  });

  describe('resource docs query parameters (OBP semantics)', () => {
    const docs = (query: string) => request(http).get(`/obp/v5.1.0/resource-docs/v5.1.0/obp${query}`);
    const ids = (response: request.Response) => response.body.resource_docs.map((doc: { operation_id: string }) => doc.operation_id);

    it('content=static and content=all list every endpoint (all are static here); content=dynamic lists none; the value is case-insensitive', async () => {
      const all = ids(await docs('').expect(200));
      expect(all.length).toBe(app.get(EndpointRegistry).servedAt('5.1.0').length);
      expect(ids(await docs('?content=static').expect(200))).toEqual(all);
      expect(ids(await docs('?content=ALL').expect(200))).toEqual(all);
      const dynamic = await docs('?content=dynamic').expect(200);
      expect(dynamic.body).toEqual({ resource_docs: [], meta: { response_date: expect.any(String), count: 0 } });
    });

    it('refuses an unknown content value, and empty tags or functions, with their OBP errors (before the version check)', async () => {
      expectObpError(await docs('?content=everything'), 400, 'OBP-10052');
      expectObpError(await docs('?tags='), 400, 'OBP-10053');
      expectObpError(await docs('?tags=%20'), 400, 'OBP-10053');
      expectObpError(await docs('?functions='), 400, 'OBP-10054');
      expectObpError(await request(http).get('/obp/v5.1.0/resource-docs/v0.0.1/obp?content=nope'), 400, 'OBP-10052');
    });

    it('filters by several tags (any of them) and several functions, combined with content', async () => {
      const byTags = await docs('?tags=Customer,%20Bank&content=static').expect(200);
      const tags = byTags.body.resource_docs.map((doc: { tags: string[] }) => doc.tags);
      expect(tags.length).toBeGreaterThan(5);
      expect(tags.every((list: string[]) => list.includes('Customer') || list.includes('Bank'))).toBe(true);
      expect(tags.some((list: string[]) => list.includes('Bank') && !list.includes('Customer'))).toBe(true);
      const byFunctions = await docs('?functions=getBanks,bankById').expect(200);
      expect(new Set(byFunctions.body.resource_docs.map((doc: { implemented_by: { function: string } }) => doc.implemented_by.function))).toEqual(
        new Set(['getBanks']),
      );
      expect(ids(await docs('?functions=getBank,createBank&tags=Customer').expect(200))).toEqual([]);
    });

    it('accepts the supported locales under locale or its older name language, and refuses others', async () => {
      expect(ids(await docs('?locale=en_GB').expect(200)).length).toBeGreaterThan(0);
      expect(ids(await docs('?language=es_ES').expect(200)).length).toBeGreaterThan(0);
      expectObpError(await docs('?language=zz'), 400, 'OBP-10041');
    });
  });

  describe('examples', () => {
    it("shows each endpoint's DTO examples in resource docs and the same example in the OpenAPI document", async () => {
      const docs = (await request(http).get('/obp/v5.1.0/resource-docs/v5.1.0/obp').expect(200)).body.resource_docs as {
        operation_id: string;
        request_verb: string;
        example_request_body: unknown;
        success_response_body: unknown;
        specified_url: string;
      }[];
      const create = docs.find((doc) => doc.operation_id === 'OBPv5.0.0-createCustomer' && doc.request_verb === 'POST');
      expect(create?.example_request_body).toMatchObject({ legal_name: expect.any(String), mobile_phone_number: expect.any(String) });
      expect(create?.success_response_body).toMatchObject({ bank_id: 'gh.29.uk', customer_id: expect.any(String), face_image: { url: expect.any(String) } });
      const document = (await request(http).get('/obp/openapi.json').expect(200)).body;
      const operation = document.paths['/obp/v5.1.0/banks/{BANK_ID}/customers'].post;
      expect(operation.responses['201'].content['application/json'].example).toEqual(create?.success_response_body);
      expect(operation.requestBody.content['application/json'].examples.example.value).toEqual(create?.example_request_body);
      // Non-empty examples wherever the endpoint reads or answers a JSON body.
      const readsNoBody = new Set(
        app
          .get(EndpointRegistry)
          .all()
          .filter((endpoint) => endpoint.noRequestBody)
          .map((endpoint) => endpoint.operationId),
      );
      const writes = docs.filter((doc) => ['POST', 'PUT'].includes(doc.request_verb) && !readsNoBody.has(doc.operation_id));
      expect(writes.filter((doc) => JSON.stringify(doc.example_request_body) === '{}').map((doc) => doc.operation_id)).toEqual([]);
      // 204 answers and the one DELETE answering an empty 200 show {}.
      const emptyAnswers = docs.filter((doc) => JSON.stringify(doc.success_response_body) === '{}').map((doc) => doc.request_verb);
      expect(emptyAnswers.every((verb) => verb === 'DELETE')).toBe(true);
      // A 204 is documented without content; a JSON answer with its schema and example.
      const deleteComment =
        document.paths['/obp/v5.1.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions/{TRANSACTION_ID}/metadata/comments/{COMMENT_ID}'].delete;
      expect(deleteComment.responses['204'].content).toBeUndefined();
    });
  });
});

type Operation = Record<string, any>;

function operationsOf(document: { paths: Record<string, Record<string, Operation>> }): Operation[] {
  return Object.values(document.paths).flatMap((item) => Object.values(item));
}

/** The options object of Swagger UI's init script (functions, which Nest inlines, become null). */
function optionsOf(script: string): Record<string, unknown> {
  const marker = 'let options = ';
  const rest = script.slice(script.indexOf(marker) + marker.length).replace(/function [\s\S]*?\n\}/g, 'null');
  const text = rest.slice(0, rest.indexOf('\n};') + 2);
  return (JSON.parse(text) as { customOptions: Record<string, unknown> }).customOptions;
}
