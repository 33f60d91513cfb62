import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createBank, createConsumer, grantRole, STRONG_PASSWORD, uniqueName } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: OpenBankProject/OBP-TypeScript (the OBP TypeScript SDK), as read in its
 * src/api/client.ts and src/api/customer.ts. What it puts on the wire, reproduced here (its code is
 * not used):
 * - login: POST /my/logins/direct through superagent (as supertest is) with
 *   `Authorization: DirectLogin username=U,password=P,consumer_key=K` (no quotes, no spaces) and
 *   `Content-Type: application/json`, and no body at all;
 * - every later call, GET and DELETE included: `Authorization: DirectLogin token=T` and
 *   `Content-Type: application/json`; GET and DELETE without a body;
 * - create customer: its CustomerBody type, where customer_number, dependants and
 *   credit_limit.amount are numbers (OBP's case class has Strings for the first and last).
 */
describe('Client contract: OBP-TypeScript SDK (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let username: string;
  let userId: string;
  let token: string;

  /** The headers src/api/client.ts getValidHeader sends with a token. */
  const sdkHeaders = () => ({ Authorization: `DirectLogin token=${token}`, 'Content-Type': 'application/json' });

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    username = uniqueName('sdk');
    const created = await request(http)
      .post('/obp/v5.1.0/users')
      .send({ email: `${username}@example.com`, username, password: STRONG_PASSWORD, first_name: 'Sdk', last_name: 'User' })
      .expect(201);
    userId = created.body.user_id;
  });

  afterAll(async () => {
    await app.close();
  });

  // client.ts getDirectLoginToken: superagent.post(loginUri).set("Content-Type", "application/json").set(authorization), no .send().
  it('logs in with its bodiless DirectLogin POST (Content-Type: application/json, no body)', async () => {
    const login = await request(http)
      .post('/my/logins/direct')
      .set('Content-Type', 'application/json')
      .set('Authorization', `DirectLogin username=${username},password=${STRONG_PASSWORD},consumer_key=${consumerKey}`)
      .expect(201);
    expect(login.body).toEqual({ token: expect.any(String) });
    token = login.body.token;
    // The documented curl form: -H "Content-Type: application/json" with the DirectLogin header and no body.
    await request(http)
      .post('/my/logins/direct')
      .set('Content-Type', 'application/json')
      .set('DirectLogin', `username=${username}, password=${STRONG_PASSWORD}, consumer_key=${consumerKey}`)
      .expect(201);
  });

  it('logs in whatever the transfer framing of the empty body (Content-Length: 0 or an empty chunked body) and its type', async () => {
    const port = await listening();
    const framings: Record<string, string>[] = [
      { 'Content-Type': 'application/json', 'Content-Length': '0' },
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '0' },
      { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' },
    ];
    for (const headers of framings) {
      const answer = await rawPost(port, '/my/logins/direct', {
        ...headers,
        Authorization: `DirectLogin username=${username},password=${STRONG_PASSWORD},consumer_key=${consumerKey}`,
      });
      expect({ headers, status: answer.status }).toEqual({ headers, status: 201 });
    }
    // A login still reads its credentials: wrong ones are refused, whatever the body.
    const wrong = await request(http)
      .post('/my/logins/direct')
      .set('Content-Type', 'application/json')
      .set('Authorization', `DirectLogin username=${username},password=wrong-Passw0rd!,consumer_key=${consumerKey}`);
    expectObpError(wrong, 401, 'OBP-20004');
  });

  // client.ts getRequest: superagent.get(pathUri).set({ Authorization, "Content-Type": "application/json" }).
  it('GETs with Content-Type: application/json', async () => {
    const banks = await request(http).get('/obp/v5.1.0/banks').set(sdkHeaders()).expect(200);
    expect(banks.body.banks).toEqual(expect.arrayContaining([expect.objectContaining({ id: bank })]));
    const me = await request(http).get('/obp/v5.1.0/users/current').set(sdkHeaders()).expect(200);
    expect(me.body.user_id).toBe(userId);
  });

  // customer.ts CreateCustomers + CustomerBody, sent by client.ts postRequest on Version.v510 / v500.
  it('creates a customer from its CustomerBody, numbers in String fields included', async () => {
    await grantRole(app, userId, 'CanCreateCustomer', bank);
    await grantRole(app, userId, 'CanGetCustomer', bank);
    for (const version of ['5.0.0', '5.1.0']) {
      const customerNumber = Number(String(Date.now()).slice(-10)) + (version === '5.0.0' ? 0 : 1);
      const body = {
        credit_limit: { currency: 'EUR', amount: 0 },
        face_image: { url: 'www.openbankproject', date: '2017-09-19T00:00:00Z' },
        legal_name: 'Eveline Tripman',
        mobile_phone_number: '+44 07972 444 876',
        credit_rating: { rating: 'OBP', source: 'OBP' },
        customer_number: customerNumber,
        email: 'eveline@example.com',
        dependants: 1,
        dob_of_dependants: ['2017-09-19T00:00:00Z'],
        kyc_status: true,
      };
      const created = await request(http).post(`/obp/v${version}/banks/${bank}/customers`).set(sdkHeaders()).send(body).expect(201);
      expect(created.body).toMatchObject({ customer_number: String(customerNumber), credit_limit: { currency: 'EUR', amount: '0' }, dependants: 1 });
      const read = await request(http).get(`/obp/v${version}/banks/${bank}/customers/${created.body.customer_id}`).set(sdkHeaders()).expect(200);
      expect(read.body).toMatchObject({ customer_number: String(customerNumber), credit_limit: { amount: '0' } });
    }
  });

  it('still refuses, after the access checks, what OBP refuses: strings for numbers, and an empty body where one is read', async () => {
    const path = `/obp/v5.1.0/banks/${bank}/customers`;
    const refused = await request(http).post(path).set(sdkHeaders()).send({ legal_name: 'A', mobile_phone_number: '1', dependants: '1' });
    expectObpError(refused, 400, 'OBP-10001');
    expect(refused.body.message).toContain('dependants');
    // An endpoint that takes a body answers an empty one with OBP-10001, but only after 401 and 403.
    expectObpError(await request(http).post(path).set('Content-Type', 'application/json'), 401, 'OBP-20001');
    const outsider = await login(await newUser());
    expectObpError(
      await request(http)
        .post(path)
        .set({ ...sdkHeaders(), Authorization: `DirectLogin token=${outsider}` }),
      403,
      'OBP-20006',
    );
    const empty = await request(http).post(path).set(sdkHeaders());
    expectObpError(empty, 400, 'OBP-10001');
    expect(empty.body.message).toContain('The request body is empty.');
  });

  // client.ts deleteRequest: superagent.delete(pathUri).set({ Authorization, "Content-Type": "application/json" }), no body.
  it('DELETEs with Content-Type: application/json and no body', async () => {
    const target = (await newUser()).userId;
    await grantRole(app, target, 'CanGetAnyUser');
    await grantRole(app, userId, 'CanDeleteEntitlementAtAnyBank');
    await grantRole(app, userId, 'CanGetEntitlementsForAnyUserAtAnyBank');
    const listed = await request(http).get(`/obp/v5.1.0/users/${target}/entitlements`).set(sdkHeaders()).expect(200);
    const entitlementId = listed.body.list.find((item: { role_name: string }) => item.role_name === 'CanGetAnyUser').entitlement_id;
    await request(http).delete(`/obp/v5.1.0/users/${target}/entitlement/${entitlementId}`).set(sdkHeaders()).expect(204);
    const after = await request(http).get(`/obp/v5.1.0/users/${target}/entitlements`).set(sdkHeaders()).expect(200);
    expect(after.body.list).toEqual([]);
  });

  async function newUser(): Promise<{ userId: string; username: string }> {
    const name = uniqueName('sdk');
    const created = await request(http)
      .post('/obp/v5.1.0/users')
      .send({ email: `${name}@example.com`, username: name, password: STRONG_PASSWORD, first_name: 'A', last_name: 'B' })
      .expect(201);
    return { userId: created.body.user_id, username: name };
  }

  /** The SDK's login (getDirectLoginToken). */
  async function login(user: { username: string }): Promise<string> {
    const answer = await request(http)
      .post('/my/logins/direct')
      .set('Content-Type', 'application/json')
      .set('Authorization', `DirectLogin username=${user.username},password=${STRONG_PASSWORD},consumer_key=${consumerKey}`)
      .expect(201);
    return answer.body.token;
  }

  /** The app on a loopback port, for requests whose framing supertest does not let us choose. */
  async function listening(): Promise<number> {
    const server = app.getHttpServer();
    if (!server.listening) await app.listen(0, '127.0.0.1');
    return (server.address() as AddressInfo).port;
  }
});

function rawPost(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
