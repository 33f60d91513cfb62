import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createBank, createConsumer, grantRole, STRONG_PASSWORD, uniqueName } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: OpenBankProject/Hello-OBP-DirectLogin-Python, as read in lib/obp.py (login,
 * getEntitlements, addEntitlement, getCurrentUser). What it puts on the wire, reproduced here (its
 * code is not used):
 * - login: POST /my/logins/direct with `Authorization: DirectLogin username="U",password="P",consumer_key="K"`
 *   (quoted, no spaces) and no body or Content-Type;
 * - later calls: `Authorization: DirectLogin token=T` (unquoted) merged with
 *   `content-type: application/json`, on GET too.
 */
describe('Client contract: Hello-OBP-DirectLogin-Python (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
  });

  afterAll(async () => {
    await app.close();
  });

  async function helloUser(): Promise<{ userId: string; headers: Record<string, string> }> {
    const username = uniqueName('hello');
    const created = await request(http)
      .post('/obp/v5.1.0/users')
      .send({ email: `${username}@example.com`, username, password: STRONG_PASSWORD, first_name: 'Hello', last_name: 'Obp' })
      .expect(201);
    // obp.py login()
    const login = await request(http)
      .post('/my/logins/direct')
      .set('Authorization', `DirectLogin username="${username}",password="${STRONG_PASSWORD}",consumer_key="${consumerKey}"`)
      .expect(201);
    // obp.py setToken() + mergeHeaders(DL_TOKEN, CONTENT_JSON)
    return { userId: created.body.user_id, headers: { Authorization: `DirectLogin token=${login.body.token}`, 'content-type': 'application/json' } };
  }

  it('reads the current user and its entitlements at a bank (getCurrentUser, getEntitlements) with Content-Type on GET', async () => {
    const user = await helloUser();
    const me = await request(http).get('/obp/v3.1.0/users/current').set(user.headers).expect(200);
    expect(me.body.user_id).toBe(user.userId);

    // getEntitlements(user, bank) without the role: OBP's exact 403 text (no " for BankId(..)." suffix).
    const refused = await request(http).get(`/obp/v3.1.0/banks/${bank}/users/${user.userId}/entitlements`).set(user.headers);
    expectObpError(refused, 403, 'OBP-20006');
    expect(refused.body.message).toBe(
      'OBP-20006: User is missing one or more roles: CanGetEntitlementsForAnyUserAtOneBank or CanGetEntitlementsForAnyUserAtAnyBank',
    );

    await grantRole(app, user.userId, 'CanGetEntitlementsForAnyUserAtOneBank', bank);
    const listed = await request(http).get(`/obp/v3.1.0/banks/${bank}/users/${user.userId}/entitlements`).set(user.headers).expect(200);
    expect(listed.body.list).toEqual([{ entitlement_id: expect.any(String), role_name: 'CanGetEntitlementsForAnyUserAtOneBank', bank_id: bank }]);
  });

  it("adds an entitlement (addEntitlement) and gets OBP's sorted role list for an unknown role", async () => {
    const user = await helloUser();
    await grantRole(app, user.userId, 'CanCreateEntitlementAtAnyBank');
    const created = await request(http)
      .post(`/obp/v3.1.0/users/${user.userId}/entitlements`)
      .set(user.headers)
      .send({ bank_id: bank, role_name: 'CanGetCustomer' })
      .expect(201);
    expect(created.body).toMatchObject({ role_name: 'CanGetCustomer', bank_id: bank });
    const unknown = await request(http).post(`/obp/v3.1.0/users/${user.userId}/entitlements`).set(user.headers).send({ bank_id: '', role_name: 'CanFly' });
    expectObpError(unknown, 400, 'OBP-10007');
    const roles = (unknown.body.message as string).split('. Possible roles are ')[1].split(', ');
    expect(roles).toEqual([...roles].sort());
  });
});
