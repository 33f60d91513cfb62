import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { API_VERSIONS, since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const OBP_ROLES = JSON.parse(readFileSync(join(__dirname, '../fixtures/obp/roles.json'), 'utf8')) as { role: string; requires_bank_id: boolean }[];

describe('API versions, glossary, message docs and the role catalogue (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let user: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    user = await signUpAndLogin(app, consumerKey);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/versions', () => {
    it.each(since('4.0.0'))('v%s: every served version, anonymously or logged in', async (version) => {
      const expected = API_VERSIONS.map((v) => ({ urlPrefix: 'obp', apiStandard: 'obp', apiShortVersion: `v${v}`, API_VERSION: `v${v}` }));
      const anonymous = await request(http).get(`/obp/v${version}/api/versions`).expect(200);
      expect(anonymous.body).toEqual({ scanned_api_versions: expected });
      const loggedIn = await request(http).get(`/obp/v${version}/api/versions`).set(user.auth).expect(200);
      expect(loggedIn.body).toEqual({ scanned_api_versions: expected });
    });

    it('each listed version serves its resource docs under the name API Explorer II builds from it', async () => {
      const listed = (await request(http).get('/obp/v5.1.0/api/versions').expect(200)).body.scanned_api_versions as {
        apiStandard: string;
        API_VERSION: string;
      }[];
      for (const { apiStandard, API_VERSION } of listed) {
        const docs = await request(http).get(`/obp/v5.1.0/resource-docs/${apiStandard.toUpperCase()}${API_VERSION}/obp`).expect(200);
        expect(docs.body.resource_docs.length).toBeGreaterThan(0);
      }
    });

    it('is not served before v4.0.0, and sent credentials must be valid', async () => {
      expect((await request(http).get('/obp/v3.1.0/api/versions')).status).toBe(404);
      expectObpError(await request(http).get('/obp/v5.1.0/api/versions').set('DirectLogin', 'token=not-a-token'), 401, 'OBP-20003');
    });
  });

  describe('GET /api/glossary', () => {
    it.each(since('3.0.0'))('v%s: our items sorted by title, markdown and html, no login needed', async (version) => {
      const response = await request(http).get(`/obp/v${version}/api/glossary`).expect(200);
      const items = response.body.glossary_items as { title: string; description: { markdown: string; html: string } }[];
      expect(items.length).toBeGreaterThanOrEqual(20);
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual(['description', 'title']);
        expect(Object.keys(item.description).sort()).toEqual(['html', 'markdown']);
        expect(item.description.html).toMatch(/^<(p|ul|ol|pre|h3)>/);
        // Only the tags the renderer makes, and no attribute but a link's href: safe for API Explorer II's v-html.
        for (const [, tag, attributes] of item.description.html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/g)) {
          expect(['p', 'h3', 'ul', 'ol', 'li', 'pre', 'code', 'strong', 'em', 'a']).toContain(tag);
          expect(attributes).toMatch(/^(| href="(https?:\/\/|\/|#)[^"]*")$/);
        }
      }
      const titles = items.map((item) => item.title);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const directLogin = items.find((item) => item.title === 'Direct Login');
      expect(directLogin?.description.markdown).toContain('POST /my/logins/direct');
      expect(directLogin?.description.html).toContain('<code>POST /my/logins/direct</code>');
    });

    it('is not served before v3.0.0', async () => {
      expect((await request(http).get('/obp/v2.2.0/api/glossary')).status).toBe(404);
    });

    it('with OBP_GLOSSARY_REQUIRES_ROLE=true: 401 anonymous, 403 naming CanReadGlossary, 200 with the system role', async () => {
      const guarded = await createTestApp({ env: { OBP_GLOSSARY_REQUIRES_ROLE: 'true' } });
      try {
        const server = guarded.getHttpServer();
        const reader = await signUpAndLogin(guarded, consumerKey);
        expectObpError(await request(server).get('/obp/v5.1.0/api/glossary'), 401, 'OBP-20001');
        const refused = await request(server).get('/obp/v5.1.0/api/glossary').set(reader.auth);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanReadGlossary');
        await grantRole(guarded, reader.userId, 'CanReadGlossary');
        const allowed = await request(server).get('/obp/v5.1.0/api/glossary').set(reader.auth).expect(200);
        expect(allowed.body.glossary_items.length).toBeGreaterThanOrEqual(20);
      } finally {
        await guarded.close();
      }
    });
  });

  describe('GET /message-docs/CONNECTOR', () => {
    it.each(since('2.2.0'))('v%s: an empty list for every connector OBP knows, 400 OBP-30211 for others', async (version) => {
      for (const connector of ['mapped', 'star', 'kafka_vSept2018', 'akka_vDec2018', 'rest_vMar2019', 'stored_procedure_vDec2019']) {
        const response = await request(http).get(`/obp/v${version}/message-docs/${connector}`).expect(200);
        expect(response.body).toEqual({ message_docs: [] });
      }
      const unknown = await request(http).get(`/obp/v${version}/message-docs/carrier_pigeon`);
      expectObpError(unknown, 400, 'OBP-30211');
      expect(unknown.body.message).toBe(
        'OBP-30211: Invalid Connector. Please specify a valid value for CONNECTOR. Current Input is carrier_pigeon. It should be eg: kafka_vSept2018...',
      );
    });

    it('is not served before v2.2.0', async () => {
      expect((await request(http).get('/obp/v2.1.0/message-docs/mapped')).status).toBe(404);
    });
  });

  describe("OBP's role catalogue", () => {
    it.each(since('2.1.0'))('v%s GET /roles: every OBP role with its level, sorted by name', async (version) => {
      const response = await request(http).get(`/obp/v${version}/roles`).set(user.auth).expect(200);
      const roles = response.body.roles as { role: string; requires_bank_id: boolean }[];
      const served = new Map(roles.map((role) => [role.role, role.requires_bank_id]));
      expect(OBP_ROLES.filter((role) => served.get(role.role) !== role.requires_bank_id)).toEqual([]);
      expect(roles.every((role) => Object.keys(role).sort().join() === 'requires_bank_id,role')).toBe(true);
      expect(roles.length).toBe(OBP_ROLES.length + 1); // + CanGetMeetingsAtOneBank, this server's own
      const names = roles.map((role) => role.role);
      expect(names).toEqual([...names].sort());
    });

    it('grants roles no endpoint here checks, as entitlements, under the bank/system rules', async () => {
      const admin = await signUpAndLogin(app, consumerKey);
      await grantRole(app, admin.userId, 'CanCreateEntitlementAtAnyBank');
      const bank = await createBank(app);
      const grantee = await signUpAndLogin(app, consumerKey);
      const grant = (role_name: string, bank_id: string) =>
        request(http).post(`/obp/v5.1.0/users/${grantee.userId}/entitlements`).set(admin.auth).send({ role_name, bank_id });

      for (const [role, bankId] of [
        ['CanCreateBranch', bank],
        ['CanGetCardsForBank', bank],
        ['CanCreateAnyTransactionRequest', bank],
        ['CanUnlockUser', ''],
        ['CanCreateHistoricalTransaction', ''],
      ]) {
        const created = await grant(role, bankId).expect(201);
        expect(created.body).toMatchObject({ role_name: role, bank_id: bankId });
      }
      expectObpError(await grant('CanCreateBranch', ''), 400, 'OBP-30205');
      expectObpError(await grant('CanUnlockUser', bank), 400, 'OBP-30206');
      expectObpError(await grant(uniqueName('CanFly'), ''), 400, 'OBP-10007');

      const mine = await request(http).get('/obp/v5.1.0/my/entitlements').set(grantee.auth).expect(200);
      expect(mine.body.list.map((row: { role_name: string }) => row.role_name).sort()).toEqual([
        'CanCreateAnyTransactionRequest',
        'CanCreateBranch',
        'CanCreateHistoricalTransaction',
        'CanGetCardsForBank',
        'CanUnlockUser',
      ]);
    });

    it('grants them as consumer scopes too', async () => {
      const admin = await signUpAndLogin(app, consumerKey);
      await grantRole(app, admin.userId, 'CanCreateScopeAtAnyBank');
      const bank = await createBank(app);
      const consumer = await createConsumer(app);
      const scope = (role_name: string, bank_id: string) =>
        request(http).post(`/obp/v5.1.0/consumers/${consumer.consumerId}/scopes`).set(admin.auth).send({ role_name, bank_id });
      expect((await scope('CanCreateBranch', bank).expect(201)).body).toMatchObject({ role_name: 'CanCreateBranch', bank_id: bank });
      expect((await scope('CanUnlockUser', '').expect(201)).body).toMatchObject({ role_name: 'CanUnlockUser', bank_id: '' });
      expectObpError(await scope('CanCreateBranch', ''), 400, 'OBP-30205');
      expectObpError(await scope('CanUnlockUser', bank), 400, 'OBP-30206');
    });
  });
});
