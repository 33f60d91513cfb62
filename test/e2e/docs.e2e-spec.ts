import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { EndpointRegistry } from '../../src/common/endpoint/endpoint-registry';
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

  it('serves Swagger UI', async () => {
    const response = await request(http).get('/obp/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toContain('swagger');
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
    expect(paths.every((path) => path.startsWith('/obp/v3.1.0'))).toBe(true);
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
      expect(new Set(byFunctions.body.resource_docs.map((doc: { implemented_by: { function: string } }) => doc.implemented_by.function))).toEqual(new Set(['getBanks']));
      expect(ids(await docs('?functions=getBank,createBank&tags=Customer').expect(200))).toEqual([]);
    });

    it('accepts the supported locales under locale or its older name language, and refuses others', async () => {
      expect(ids(await docs('?locale=en_GB').expect(200)).length).toBeGreaterThan(0);
      expect(ids(await docs('?language=es_ES').expect(200)).length).toBeGreaterThan(0);
      expectObpError(await docs('?language=zz'), 400, 'OBP-10041');
    });
  });

  describe('examples', () => {
    it('shows each endpoint\'s DTO examples in resource docs and the same example in the OpenAPI document', async () => {
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
      const writes = docs.filter((doc) => ['POST', 'PUT'].includes(doc.request_verb) && doc.operation_id !== 'OBPv1.2.1-addPermissionForUserForBankAccountForOneView');
      expect(writes.filter((doc) => JSON.stringify(doc.example_request_body) === '{}').map((doc) => doc.operation_id)).toEqual([]);
      // 204 answers and the one DELETE answering an empty 200 show {}.
      const emptyAnswers = docs.filter((doc) => JSON.stringify(doc.success_response_body) === '{}').map((doc) => doc.request_verb);
      expect(emptyAnswers.every((verb) => verb === 'DELETE')).toBe(true);
      // A 204 is documented without content; a JSON answer with its schema and example.
      const deleteComment = document.paths['/obp/v5.1.0/banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions/{TRANSACTION_ID}/metadata/comments/{COMMENT_ID}'].delete;
      expect(deleteComment.responses['204'].content).toBeUndefined();
    });
  });
});
