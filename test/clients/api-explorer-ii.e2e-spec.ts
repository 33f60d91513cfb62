import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createBank, createConsumer, signUpAndLogin, type TestUser } from '../support/identity';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: the requests API Explorer II (OpenBankProject/API-Explorer-II, read at commit
 * 49278a84) sends to an OBP server at start-up and on its status, glossary, message-docs and
 * favourites pages, and the fields it reads from the answers. Its browser code calls its own
 * backend (`/api/get?path=...`), which forwards each call with obp-typescript (OBP-TypeScript
 * src/api/client.ts): `Content-Type: application/json` on every request, GET and DELETE included
 * (without a body), plus `Authorization: <credentials>` once the user is logged in. API Explorer
 * II signs that header with OAuth 1.0a; obp-typescript's other mode sends
 * `Authorization: DirectLogin token=...`, which is the form used here.
 *
 * The version is VITE_OBP_API_VERSION (v5.1.0 in its .env.example), the favourites collection is
 * named "Favourites" (src/obp/index.ts).
 */
const VERSION = 'v5.1.0';
const FAVOURITES = 'Favourites';
// src/obp/message-docs.ts and server/controllers/StatusController.ts
const EXPLORER_CONNECTORS = ['kafka_vSept2018', 'akka_vDec2018', 'rest_vMar2019', 'stored_procedure_vDec2019'];

describe('API Explorer II (client contract)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;

  /** One request as obp-typescript sends it (getRequest/postRequest/deleteRequest); answers the parsed body, as the client does. */
  const explorer = {
    headers(user?: TestUser): Record<string, string> {
      return { 'Content-Type': 'application/json', ...(user ? { Authorization: `DirectLogin token=${user.token}` } : {}) };
    },
    get(path: string, user?: TestUser) {
      return request(http).get(path).set(explorer.headers(user));
    },
    post(path: string, body: unknown, user?: TestUser) {
      return request(http).post(path).set(explorer.headers(user)).send(JSON.stringify(body));
    },
    delete(path: string, user?: TestUser) {
      return request(http).delete(path).set(explorer.headers(user));
    },
  };

  /** StatusController.isCodeError: an empty answer, or one with a "code" >= 400, counts as down. */
  const isCodeError = (body: unknown): boolean =>
    !body || typeof body !== 'object' || Object.keys(body).length === 0 || ('code' in body && Number(body.code) >= 400);

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
  });

  afterAll(async () => {
    await app.close();
  });

  it("status page (server/controllers/StatusController.ts): api versions, the four connectors' message docs and resource docs are all up", async () => {
    const apiVersions = (await explorer.get(`/obp/${VERSION}/api/versions`)).body;
    const messageDocs = await Promise.all(
      EXPLORER_CONNECTORS.map(async (connector) => !isCodeError((await explorer.get(`/obp/${VERSION}/message-docs/${connector}`)).body)),
    );
    const resourceDocs = (await explorer.get(`/obp/${VERSION}/resource-docs/${VERSION}/obp`)).body;
    expect({ apiVersions: !isCodeError(apiVersions), messageDocs: messageDocs.every(Boolean), resourceDocs: !isCodeError(resourceDocs) }).toEqual({
      apiVersions: true,
      messageDocs: true,
      resourceDocs: true,
    });
  });

  it('start-up, anonymous (src/main.ts setupData): resource docs per scanned version, message docs, glossary, then no favourites', async () => {
    // src/obp/resource-docs.ts cacheDoc: the version list, then "<apiStandard upper-cased><API_VERSION>" for each.
    const apiVersions = (await explorer.get(`/obp/${VERSION}/api/versions`).expect(200)).body;
    const mapping: Record<string, { resource_docs: { operation_id: string; tags: string[]; roles?: { role: string; requires_bank_id: boolean }[] }[] }> = {};
    for (const { apiStandard, API_VERSION } of apiVersions.scanned_api_versions as { apiStandard: string; API_VERSION: string }[]) {
      expect(apiStandard).toBeTruthy();
      const version = `${apiStandard.toUpperCase()}${API_VERSION}`;
      const docs = (await explorer.get(`/obp/${VERSION}/resource-docs/${version}/obp`)).body;
      if (Object.keys(docs).includes('resource_docs')) mapping[version] = docs;
    }
    // getGroupedResourceDocs('OBP' + OBP_API_VERSION, ...): grouped by each doc's first tag.
    const current = mapping[`OBP${VERSION}`];
    expect(current).toBeDefined();
    const grouped = current.resource_docs.reduce<Record<string, string[]>>((groups, doc) => {
      (groups[doc.tags[0]] ??= []).push(doc.operation_id);
      return groups;
    }, {});
    expect(grouped['Api-Collection']).toEqual(expect.arrayContaining(['OBPv4.0.0-getMyApiCollections', 'OBPv4.0.0-createMyApiCollectionEndpoint']));
    expect(Object.keys(mapping).sort()).toEqual(apiVersions.scanned_api_versions.map((v: { API_VERSION: string }) => `OBP${v.API_VERSION}`).sort());

    // src/obp/message-docs.ts cacheDoc: answers without "code" are grouped by adapter_implementation.group.
    for (const connector of EXPLORER_CONNECTORS) {
      const docs = (await explorer.get(`/obp/${VERSION}/message-docs/${connector}`).expect(200)).body;
      expect(Object.keys(docs)).not.toContain('code');
      expect(Array.isArray(docs.message_docs)).toBe(true);
    }

    // src/obp/glossary.ts, read by GlossarySearchNav.vue (title) and GlossaryView.vue (title as anchor, description.html as v-html).
    const glossary = (await explorer.get(`/obp/${VERSION}/api/glossary`).expect(200)).body;
    expect(glossary.glossary_items.length).toBeGreaterThanOrEqual(20);
    for (const item of glossary.glossary_items) {
      expect(typeof item.title).toBe('string');
      expect(typeof item.description.html).toBe('string');
    }

    // getMyAPICollections().api_collections: anonymous, an OBP error without api_collections, so no favourites.
    const collections = (await explorer.get(`/obp/${VERSION}/my/api-collections`)).body;
    expect(collections).toEqual({ code: 401, message: expect.stringMatching(/^OBP-20001: /) });
    expect(collections.api_collections).toBeUndefined();
  });

  it('favourites (src/components/Content.vue, SearchNav.vue, src/main.ts): star, list, start-up with favourites, unstar', async () => {
    const user = await signUpAndLogin(app, consumerKey);
    // A logged-in user without collections: an empty list, so main.ts provides no favourites.
    expect((await explorer.get(`/obp/${VERSION}/my/api-collections`, user).expect(200)).body).toEqual({ api_collections: [] });

    // createDeleteFavorite: the current user must have a username ...
    const current = (await explorer.get(`/obp/${VERSION}/users/current`, user).expect(200)).body;
    expect(current.username).toBe(user.username);
    // ... then createMyAPICollection() (the client does not await it) and createMyAPICollectionEndpoint(routeId).
    const created = await explorer.post(`/obp/${VERSION}/my/api-collections`, { api_collection_name: FAVOURITES, is_sharable: true }, user).expect(201);
    expect(created.body).toMatchObject({ api_collection_name: FAVOURITES, is_sharable: true, user_id: user.userId });
    for (const routeId of ['OBPv4.0.0-getBanks', 'OBPv2.1.0-getRoles']) {
      const added = await explorer
        .post(`/obp/${VERSION}/my/api-collections/${FAVOURITES}/api-collection-endpoints`, { operation_id: routeId }, user)
        .expect(201);
      expect(added.body.operation_id).toBe(routeId);
    }

    // main.ts at the next start-up, and SearchNav.vue: every collection's endpoints, by name.
    const collections = (await explorer.get(`/obp/${VERSION}/my/api-collections`, user).expect(200)).body.api_collections as { api_collection_name: string }[];
    expect(collections.map((c) => c.api_collection_name)).toEqual([FAVOURITES]);
    for (const { api_collection_name } of collections) {
      const endpoints = (await explorer.get(`/obp/${VERSION}/my/api-collections/${api_collection_name}/api-collection-endpoints`, user).expect(200)).body;
      expect(endpoints.api_collection_endpoints.map((api: { operation_id: string }) => api.operation_id)).toEqual(['OBPv4.0.0-getBanks', 'OBPv2.1.0-getRoles']);
    }

    // Un-starring: deleteMyAPICollectionEndpoint; success is an empty answer.
    const removed = await explorer.delete(`/obp/${VERSION}/my/api-collections/${FAVOURITES}/api-collection-endpoints/OBPv4.0.0-getBanks`, user).expect(204);
    expect(removed.text).toBe('');
    const after = (await explorer.get(`/obp/${VERSION}/my/api-collections/${FAVOURITES}/api-collection-endpoints`, user).expect(200)).body;
    expect(after.api_collection_endpoints.map((api: { operation_id: string }) => api.operation_id)).toEqual(['OBPv2.1.0-getRoles']);
  });

  it("entitlement request from a resource doc's roles (src/components/Preview.vue submitEntitlement): every listed role is known", async () => {
    const user = await signUpAndLogin(app, consumerKey);
    const bankId = await createBank(app);
    const docs = (await explorer.get(`/obp/${VERSION}/resource-docs/OBP${VERSION}/obp`).expect(200)).body.resource_docs as {
      roles?: { role: string; requires_bank_id: boolean }[];
    }[];
    const bankRole = docs.flatMap((doc) => doc.roles ?? []).find((role) => role.requires_bank_id);
    expect(bankRole).toBeDefined();
    const userId = (await explorer.get(`/obp/${VERSION}/users/current`, user).expect(200)).body.user_id;
    for (const role of [bankRole!.role, 'CanCreateBranch']) {
      // Without the right to grant roles, OBP's answer is a missing-role error, never "Incorrect Role name" (OBP-10007).
      const response = (await explorer.post(`/obp/${VERSION}/users/${userId}/entitlements`, { role_name: role, bank_id: bankId }, user)).body;
      expect(response.code).toBe(403);
      expect(response.message).toMatch(/^OBP-20006: /);
    }
  });
});
