import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { API_VERSIONS } from '../../src/common/versioning/api-versions';
import { createConsumer, directLogin, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { SANDBOX_PASSWORD, syntheticSandbox } from '../support/sandbox';
import { createTestApp } from '../support/test-app';

type Sandbox = ReturnType<typeof syntheticSandbox>;

const HELD_VERSIONS = API_VERSIONS.filter((version) => version >= '3.0.0');
const V200 = ['2.0.0', '2.1.0', '2.2.0'];
const V300 = ['3.0.0', '3.1.0'];
const V400 = API_VERSIONS.filter((version) => version >= '4.0.0');

describe('Core account reads: accounts-held and /my/banks/BANK_ID/accounts/ACCOUNT_ID/account (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let sandbox: Sandbox;
  let alice: { DirectLogin: string };
  let bob: { DirectLogin: string };
  let aliceId: string;
  let bobId: string;
  let stranger: TestUser;

  const get = (path: string, auth?: Record<string, string>) =>
    request(http)
      .get(path)
      .set(auth ?? {});
  const myAccount = (version: string, accountId: string, bankId = sandbox.bank) => `/obp/v${version}/my/banks/${bankId}/accounts/${accountId}/account`;

  async function login(username: string, consumerKey: string): Promise<{ DirectLogin: string }> {
    const response = await directLogin(app, username, SANDBOX_PASSWORD, consumerKey).expect(201);
    return { DirectLogin: `token=${response.body.token}` };
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true' } });
    http = app.getHttpServer();
    const consumerKey = (await createConsumer(app)).key;
    const importer = await signUpAndLogin(app, consumerKey);
    await grantRole(app, importer.userId, 'CanCreateSandbox');
    sandbox = syntheticSandbox();
    await request(http).post('/obp/v5.1.0/sandbox/data-import').set(importer.auth).send(sandbox.data).expect(201);
    alice = await login(sandbox.alice, consumerKey);
    bob = await login(sandbox.bob, consumerKey);
    aliceId = (await get('/obp/v5.1.0/users/current', alice).expect(200)).body.user_id;
    bobId = (await get('/obp/v5.1.0/users/current', bob).expect(200)).body.user_id;
    stranger = await signUpAndLogin(app, consumerKey);
    // Alice may use the auditor view of Bob's yen account: shared with her, not held, no owner view.
    await app
      .get(DataSource)
      .query("INSERT INTO account_access (bank_id, account_id, view_id, user_id) VALUES ($1, 'acc-2', 'auditor', $2)", [sandbox.bank, aliceId]);
  });
  afterAll(() => app.close());

  describe('GET /banks/BANK_ID/accounts-held', () => {
    it('lists the accounts the caller holds at the bank, from the import, on every version from v3.0.0', async () => {
      for (const version of HELD_VERSIONS) {
        const bobs = await get(`/obp/v${version}/banks/${sandbox.bank}/accounts-held`, bob).expect(200);
        expect(bobs.body).toEqual({
          accounts: [
            {
              id: 'acc-1',
              label: 'Main',
              bank_id: sandbox.bank,
              number: '1001',
              account_routings: [{ scheme: 'IBAN', address: `DE00SBX${sandbox.bank.slice(4)}1` }],
            },
            {
              id: 'acc-2',
              label: 'Yen',
              bank_id: sandbox.bank,
              number: '1002',
              account_routings: [{ scheme: 'IBAN', address: `DE00SBX${sandbox.bank.slice(4)}2` }],
            },
          ],
        });
      }
    });

    it('leaves out accounts merely shared through a view, and answers an empty list to a user who holds none', async () => {
      const alices = await get(`/obp/v5.1.0/banks/${sandbox.bank}/accounts-held`, alice).expect(200);
      expect(alices.body.accounts.map((account: { id: string }) => account.id)).toEqual(['acc-1']);
      expect((await get(`/obp/v3.0.0/banks/${sandbox.bank}/accounts-held`, stranger.auth).expect(200)).body).toEqual({ accounts: [] });
    });

    it('401 anonymous, 404 OBP-30001 for an unknown bank, and is not served before v3.0.0', async () => {
      expectObpError(await get(`/obp/v3.0.0/banks/${sandbox.bank}/accounts-held`), 401, 'OBP-20001');
      expectObpError(await get(`/obp/v5.1.0/banks/${sandbox.bank}/accounts-held`), 401, 'OBP-20001');
      expectObpError(await get('/obp/v5.1.0/banks/no-such-bank-held/accounts-held', bob), 404, 'OBP-30001');
      expect((await get(`/obp/v2.2.0/banks/${sandbox.bank}/accounts-held`, bob)).status).toBe(404);
    });
  });

  describe('GET /my/banks/BANK_ID/accounts/ACCOUNT_ID/account', () => {
    it('v2.0.0–v2.2.0: ModeratedCoreAccountJSON through the owner view', async () => {
      for (const version of V200) {
        const response = await get(myAccount(version, 'acc-1'), alice).expect(200);
        expect(response.body).toEqual({
          id: 'acc-1',
          label: 'Main',
          number: '1001',
          owners: expect.arrayContaining([
            { id: aliceId, provider: expect.any(String), display_name: sandbox.alice },
            { id: bobId, provider: expect.any(String), display_name: sandbox.bob },
          ]),
          type: 'CURRENT',
          balance: { currency: 'EUR', amount: '1234.56' },
          IBAN: `DE00SBX${sandbox.bank.slice(4)}1`,
          swift_bic: null,
          bank_id: sandbox.bank,
          account_routing: { scheme: 'IBAN', address: `DE00SBX${sandbox.bank.slice(4)}1` },
        });
        expect(response.body.owners).toHaveLength(2);
      }
    });

    it('v3.0.0–v3.1.0: NewModeratedCoreAccountJsonV300 with the private views the caller holds', async () => {
      for (const version of V300) {
        const response = await get(myAccount(version, 'acc-2'), bob).expect(200);
        expect(response.body).toEqual({
          id: 'acc-2',
          bank_id: sandbox.bank,
          label: 'Yen',
          number: '1002',
          owners: [{ id: bobId, provider: expect.any(String), display_name: sandbox.bob }],
          type: 'SAVINGS',
          balance: { currency: 'JPY', amount: '5000' },
          account_routings: [{ scheme: 'IBAN', address: `DE00SBX${sandbox.bank.slice(4)}2` }],
          views_basic: expect.arrayContaining([{ id: 'owner', short_name: expect.any(String), description: expect.any(String), is_public: false }]),
        });
        for (const view of response.body.views_basic) expect(view.is_public).toBe(false);
      }
    });

    it('v4.0.0 on: ModeratedCoreAccountJsonV400 (product_code, view ids, no owners)', async () => {
      for (const version of V400) {
        const response = await get(myAccount(version, 'acc-1'), alice).expect(200);
        expect(response.body).toEqual({
          id: 'acc-1',
          bank_id: sandbox.bank,
          label: 'Main',
          number: '1001',
          product_code: 'CURRENT',
          balance: { currency: 'EUR', amount: '1234.56' },
          account_routings: [{ scheme: 'IBAN', address: `DE00SBX${sandbox.bank.slice(4)}1` }],
          views_basic: expect.arrayContaining(['owner']),
        });
        // acc-1 has a public view; views_basic lists private views only.
        expect(response.body.views_basic).not.toContain('_public');
      }
    });

    it('401 anonymous on every version', async () => {
      for (const version of [...V200, ...V300, ...V400]) expectObpError(await get(myAccount(version, 'acc-1')), 401, 'OBP-20001');
    });

    it('unknown account: 404 OBP-30018 from v3.0.0, 400 on the old-style v2.x; unknown bank 404 OBP-30001', async () => {
      for (const version of [...V300, ...V400]) expectObpError(await get(myAccount(version, 'no-such-account'), alice), 404, 'OBP-30018');
      for (const version of V200) expectObpError(await get(myAccount(version, 'no-such-account'), alice), 400, 'OBP-30018');
      expectObpError(await get(myAccount('5.1.0', 'acc-1', 'no-such-bank-my'), alice), 404, 'OBP-30001');
    });

    it('403 OBP-20017 without the owner view, even with another view on the account', async () => {
      for (const version of ['2.0.0', '3.1.0', '5.1.0']) {
        const shared = await get(myAccount(version, 'acc-2'), alice);
        expectObpError(shared, 403, 'OBP-20017');
        expect(shared.body.message).toContain('owner');
        expectObpError(await get(myAccount(version, 'acc-1'), stranger.auth), 403, 'OBP-20017');
      }
    });
  });
});
