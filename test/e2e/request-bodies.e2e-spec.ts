import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { BANK_ROLES, ROLE_NAMES } from '../../src/common/auth/roles';
import { EndpointRegistry } from '../../src/common/endpoint/endpoint-registry';
import type { ObpEndpointMetadata } from '../../src/common/endpoint/obp-endpoint.decorator';
import { createBank, createConsumer, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const MALFORMED = '{"broken": ';

/** Bodies are read only by endpoints that take one (issue 17, item 1), on real endpoints. */
describe('Request bodies (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let registry: EndpointRegistry;
  let consumerKey: string;
  let bankId: string;
  let admin: TestUser;
  let plain: TestUser;
  let provider: string;

  beforeAll(async () => {
    // Feature gates on, so that gated endpoints reach their role and body checks.
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true', OBP_ALLOW_CUSTOMER_FIREHOSE: 'true', OBP_ALLOW_ACCOUNT_FIREHOSE: 'true' } });
    http = app.getHttpServer();
    registry = app.get(EndpointRegistry);
    consumerKey = (await createConsumer(app)).key;
    bankId = await createBank(app);
    admin = await signUpAndLogin(app, consumerKey);
    plain = await signUpAndLogin(app, consumerKey);
    // Every role, so that no role check stands between a request and whatever its body would cause.
    for (const role of ROLE_NAMES) await grantRole(app, admin.userId, role, BANK_ROLES.has(role) ? bankId : '');
    provider = (await request(http).get('/obp/v5.1.0/users/current').set(plain.auth).expect(200)).body.provider;
  });

  afterAll(async () => {
    await app.close();
  });

  /** An empty body with the JSON content type, as OBP's docs and the OBP SDKs send a bodiless call. */
  const emptyJson = (call: request.Test) => call.set('Content-Type', 'application/json').send('');
  const malformedJson = (call: request.Test) => call.set('Content-Type', 'application/json').send(MALFORMED);

  describe('bodiless POST and PUT with Content-Type: application/json and an empty body', () => {
    it('POST /obp/v5.1.0/users/PROVIDER/USERNAME/locks and PUT .../lock-status lock and unlock the user', async () => {
      const target = await signUpAndLogin(app, consumerKey);
      const user = `/obp/v5.1.0/users/${encodeURIComponent(provider)}/${target.username}`;
      const locked = await emptyJson(request(http).post(`${user}/locks`).set(admin.auth)).expect(200);
      expect(locked.body).toMatchObject({ user_id: target.userId, type_of_lock: expect.any(String) });
      expectObpError(await request(http).get('/obp/v5.1.0/users/current').set(target.auth), 401, 'OBP-20013');
      const unlocked = await emptyJson(request(http).put(`${user}/lock-status`).set(admin.auth)).expect(200);
      expect(unlocked.body).toMatchObject({ username: target.username, bad_attempts_since_last_success_or_reset: 0 });
      await request(http).get('/obp/v5.1.0/users/current').set(target.auth).expect(200);
    });

    it('PUT /obp/v5.0.0/users/USERNAME/lock-status and POST /obp/v4.0.0/users/USERNAME/locks, a malformed body too', async () => {
      const target = await signUpAndLogin(app, consumerKey);
      await malformedJson(request(http).post(`/obp/v4.0.0/users/${target.username}/locks`).set(admin.auth)).expect(200);
      expectObpError(await request(http).get('/obp/v5.1.0/users/current').set(target.auth), 401, 'OBP-20013');
      await malformedJson(request(http).put(`/obp/v5.0.0/users/${target.username}/lock-status`).set(admin.auth)).expect(200);
      await emptyJson(request(http).post(`/obp/v4.0.0/users/${target.username}/locks`).set(admin.auth)).expect(200);
      await emptyJson(request(http).put(`/obp/v3.1.0/users/${target.username}/lock-status`).set(admin.auth)).expect(200);
      await request(http).get('/obp/v5.1.0/users/current').set(target.auth).expect(200);
    });

    it('v1.2.1 POST .../permissions/PROVIDER/PROVIDER_ID/views/VIEW_ID grants the view', async () => {
      const owner = await signUpAndLogin(app, consumerKey);
      const opened = await request(http)
        .post(`/obp/v4.0.0/banks/${bankId}/accounts`)
        .set(owner.auth)
        .send({ user_id: '', label: 'Bodies', product_code: 'SAVINGS', balance: { currency: 'EUR', amount: '0' }, branch_id: 'B1', account_routings: [] })
        .expect(201);
      const accountId = opened.body.account_id;
      const permission = `/obp/v1.2.1/banks/${bankId}/accounts/${accountId}/permissions/${encodeURIComponent(provider)}/${plain.username}/views/auditor`;
      const granted = await emptyJson(request(http).post(permission).set(owner.auth)).expect(201);
      expect(granted.body).toMatchObject({ id: 'auditor' });
      await request(http).get(`/obp/v1.2.1/banks/${bankId}/accounts/${accountId}/auditor/transactions`).set(plain.auth).expect(200);
      // A DELETE with the JSON content type and a malformed body revokes all the same.
      await malformedJson(request(http).delete(permission).set(owner.auth)).expect(204);
      expectObpError(await request(http).get(`/obp/v1.2.1/banks/${bankId}/accounts/${accountId}/auditor/transactions`).set(plain.auth), 403, 'OBP-20017');
    });
  });

  describe('every endpoint that takes no body, through the endpoint registry', () => {
    /** The route with BANK_ID filled in (the caller holds its bank roles there) and other parameters left as unknown ids. */
    const pathOf = (endpoint: ObpEndpointMetadata) => `/obp/v${endpoint.versions[endpoint.versions.length - 1]}${endpoint.path.replace('BANK_ID', bankId)}`;
    const bodiless = () => registry.all().filter((endpoint) => endpoint.verb === 'GET' || endpoint.verb === 'DELETE' || endpoint.noRequestBody);
    const send = (endpoint: ObpEndpointMetadata) => request(http)[endpoint.verb.toLowerCase() as 'get' | 'delete' | 'post' | 'put'](pathOf(endpoint));

    it('answers a malformed JSON body exactly as no body at all (never OBP-10001)', async () => {
      const endpoints = bodiless();
      expect(endpoints.length).toBeGreaterThan(150);
      const differences: string[] = [];
      let succeeded = 0;
      for (const endpoint of endpoints) {
        const withBody = await malformedJson(send(endpoint).set(admin.auth));
        const without = await send(endpoint).set(admin.auth);
        if (withBody.status < 300) succeeded += 1;
        const outcome = (response: request.Response) => `${response.status} ${String(response.body?.message ?? '').split(':')[0]}`;
        if (outcome(withBody) !== outcome(without) || String(withBody.body?.message ?? '').startsWith('OBP-10001')) {
          differences.push(`${endpoint.verb} ${pathOf(endpoint)}: ${outcome(withBody)} with a malformed body, ${outcome(without)} without`);
        }
      }
      expect(differences).toEqual([]);
      // Not only refusals: a good share of the calls got through to the handler despite the body.
      expect(succeeded).toBeGreaterThan(60);
    }, 120_000);
  });

  describe('endpoints that take a body: a malformed one is answered after the access checks', () => {
    const bodyReaders = () => registry.all().filter((endpoint) => (endpoint.verb === 'POST' || endpoint.verb === 'PUT') && endpoint.requestBody);
    const pathOf = (endpoint: ObpEndpointMetadata) => `/obp/v${endpoint.versions[endpoint.versions.length - 1]}${endpoint.path.replace('BANK_ID', bankId)}`;
    const send = (endpoint: ObpEndpointMetadata) => malformedJson(request(http)[endpoint.verb === 'POST' ? 'post' : 'put'](pathOf(endpoint)));

    it('401 OBP-20001 without credentials, and 403 OBP-20006 without the role, rather than 400', async () => {
      const endpoints = bodyReaders().filter((endpoint) => endpoint.access.kind !== 'public');
      expect(endpoints.length).toBeGreaterThan(50);
      const wrong: string[] = [];
      for (const endpoint of endpoints) {
        const anonymous = await send(endpoint);
        if (anonymous.status !== 401) wrong.push(`${endpoint.verb} ${pathOf(endpoint)} anonymous: ${anonymous.status} ${anonymous.body?.message}`);
        if (endpoint.access.kind !== 'roles') continue;
        const roleless = await send(endpoint).set(plain.auth);
        if (roleless.status !== 403 || !String(roleless.body?.message).startsWith('OBP-20006')) {
          wrong.push(`${endpoint.verb} ${pathOf(endpoint)} without roles: ${roleless.status} ${roleless.body?.message}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);

    it.each([
      ['POST', '/obp/v5.1.0/banks/BANK_ID/customers', 'CanCreateCustomer'],
      ['POST', '/obp/v5.1.0/banks', 'CanCreateBank'],
      ['POST', '/obp/v4.0.0/my/api-collections', undefined],
      ['PUT', '/obp/v5.1.0/my/api-collections/7a1f3c52-6d02-40e3-a129-0b2bf89de8a1', undefined],
    ] as const)('%s %s: 401, then 403 without its role (where it needs one), then 400 OBP-10001 for a malformed body', async (verb, path, role) => {
      const call = () => malformedJson(request(http)[verb === 'POST' ? 'post' : 'put'](path.replace('BANK_ID', bankId)));
      expectObpError(await call(), 401, 'OBP-20001');
      if (role) {
        const refused = await call().set(plain.auth);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toContain(role);
      }
      expectObpError(await call().set(admin.auth), 400, 'OBP-10001');
    });
  });
});
