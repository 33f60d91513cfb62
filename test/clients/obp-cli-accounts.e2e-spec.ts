import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createConsumer, grantRole, signUpAndLogin, uniqueName } from '../support/identity';
import { renamedSandboxSmall, SMALL_SANDBOX_PASSWORD, type SandboxFile } from '../support/sandbox-copy';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: the account reads exactly as OBP-CLI (github.com/OpenBankProject/OBP-CLI) sends
 * them, against an import of sandbox-small.json. What the CLI does, by file:
 * - obp_python/auth_direct_login.py: POST {host}/my/logins/direct with no body, `Accept: application/json`
 *   and `Authorization: DirectLogin username="…", password="…", consumer_key="…"` (quoted values);
 * - obp_python/makeRequests.py: every later call sends `Content-Type: application/json` and
 *   `Authorization: DirectLogin token="…"` (quoted), and prints the body of any status >= 400;
 * - obp_python/getAccountsHeld.py: GET /obp/v3.1.0/banks/BANK_ID/accounts-held (`obp getaccountsheld`);
 * - obp_python/getAccount.py: GET /obp/v3.1.0/my/banks/BANK_ID/accounts/ACCOUNT_ID/account (`obp getaccountbyid`).
 */
describe('OBP-CLI account reads (client contract)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let data: SandboxFile;

  /** auth_direct_login.getAuthToken: python-requests POST without data sends Content-Length: 0 and no Content-Type. */
  async function cliLogin(username: string, password = SMALL_SANDBOX_PASSWORD): Promise<request.Response> {
    return request(http)
      .post('/my/logins/direct')
      .set('Accept', 'application/json')
      .set('Content-Length', '0')
      .set('Authorization', `DirectLogin username="${username}", password="${password}", consumer_key="${consumerKey}"`);
  }

  /** makeRequests.makeGetRequest with the token the CLI keeps in OBP_AUTH_TOKEN. */
  function cliGet(path: string, token: string) {
    return request(http).get(path).set('Content-Type', 'application/json').set('Authorization', `DirectLogin token="${token}"`);
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true' } });
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    const importer = await signUpAndLogin(app, consumerKey);
    await grantRole(app, importer.userId, 'CanCreateSandbox');
    data = renamedSandboxSmall(uniqueName('cli'));
    await request(http).post('/obp/v5.1.0/sandbox/data-import').set(importer.auth).send(data).expect(201);
  });
  afterAll(() => app.close());

  it('obp getaccountsheld then obp getaccountbyid, for every account owner in sandbox-small.json', async () => {
    const owners = [...new Set(data.accounts.flatMap((account) => account.owners))];
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) {
      const login = await cliLogin(owner);
      expect(login.status).toBe(201);
      const token: string = login.body.token;

      for (const bank of data.banks) {
        const expected = data.accounts.filter((account) => account.bank === bank.id && account.owners.includes(owner));
        const held = await cliGet(`/obp/v3.1.0/banks/${bank.id}/accounts-held`, token);
        expect(held.status).toBe(200);
        expect(held.body.accounts).toHaveLength(expected.length);

        for (const account of expected) {
          // What the CLI prints for `getaccountsheld`: the ids it then passes to `getaccountbyid`.
          expect(held.body.accounts).toContainEqual({
            id: account.id,
            label: account.label,
            bank_id: bank.id,
            number: account.number,
            account_routings: [{ scheme: 'IBAN', address: account.IBAN }],
          });
          const one = await cliGet(`/obp/v3.1.0/my/banks/${bank.id}/accounts/${account.id}/account`, token);
          expect(one.status).toBe(200);
          expect(one.body).toMatchObject({
            id: account.id,
            bank_id: bank.id,
            label: account.label,
            number: account.number,
            type: account.type,
            // "Get account by id (includes balance)"
            balance: { currency: account.balance.currency.toUpperCase(), amount: account.balance.amount },
            account_routings: [{ scheme: 'IBAN', address: account.IBAN }],
          });
          expect(one.body.owners.map((o: { display_name: string }) => o.display_name).sort()).toEqual([...account.owners].sort());
          expect(one.body.views_basic.map((view: { id: string }) => view.id)).toContain('owner');
        }
      }
    }
  });

  it('what the CLI prints when it fails: OBP error bodies for a bad token, an unknown bank and an account the user does not own', async () => {
    const [first, second] = data.accounts;
    const login = await cliLogin(first.owners[0]);
    const token: string = login.body.token;

    const badToken = await cliGet(`/obp/v3.1.0/banks/${first.bank}/accounts-held`, 'not-a-token');
    expect(badToken.status).toBe(401);
    expect(badToken.body.message).toMatch(/^OBP-20\d{3}: /);

    const unknownBank = await cliGet('/obp/v3.1.0/banks/no-such-bank-cli/accounts-held', token);
    expect(unknownBank.status).toBe(404);
    expect(unknownBank.body).toEqual({ code: 404, message: expect.stringMatching(/^OBP-30001: /) });

    const unknownAccount = await cliGet(`/obp/v3.1.0/my/banks/${first.bank}/accounts/no-such-account/account`, token);
    expect(unknownAccount.status).toBe(404);
    expect(unknownAccount.body.message).toMatch(/^OBP-30018: /);

    if (second && !second.owners.includes(first.owners[0])) {
      const notMine = await cliGet(`/obp/v3.1.0/my/banks/${second.bank}/accounts/${second.id}/account`, token);
      expect(notMine.status).toBe(403);
      expect(notMine.body.message).toMatch(/^OBP-20017: /);
    }

    const wrongPassword = await cliLogin(first.owners[0], 'Wrong-Passw0rd!');
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.message).toMatch(/^OBP-\d{5}: /);
  });
});
