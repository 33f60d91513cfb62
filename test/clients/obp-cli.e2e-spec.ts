import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { customerBodyV310 } from '../support/customer-bodies';
import { createBank, createConsumer, grantRole, STRONG_PASSWORD, uniqueName } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: OpenBankProject/OBP-CLI (Python, `requests`), as read in obp_python/
 * auth_direct_login.py, makeRequests.py, getUserIdByUsername.py, createCustomer.py,
 * importCustomers.py, updateCustomerNumber.py, linkUserToCustomer.py, addKycStatus.py and
 * addRole.py. What it puts on the wire, reproduced here (its code is not used):
 * - login: POST /my/logins/direct with `Authorization: DirectLogin username="U", password="P",
 *   consumer_key="K"` (quoted values, ", " between them), `Accept: application/json`, no
 *   Content-Type and no body (requests sends Content-Length: 0);
 * - every later call: `Authorization: DirectLogin token="T"` (quoted) and
 *   `Content-Type: application/json`, GET included;
 * - the spreadsheet import (importCustomers.py) passes the cells of an .ods sheet as they come:
 *   numeric cells arrive as JSON numbers in String fields (customer_number, mobile_phone_number,
 *   credit_limit.amount, ...).
 */
describe('Client contract: OBP-CLI (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let username: string;
  let userId: string;
  let token: string;

  /** makeRequests.py headers. */
  const cliHeaders = () => ({ Authorization: `DirectLogin token="${token}"`, 'Content-Type': 'application/json' });

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    username = uniqueName('cli');
    const created = await request(http)
      .post('/obp/v5.1.0/users')
      .send({ email: `${username}@example.com`, username, password: STRONG_PASSWORD, first_name: 'Cli', last_name: 'User' })
      .expect(201);
    userId = created.body.user_id;
    for (const role of [
      'CanCreateCustomerAtAnyBank',
      'CanCreateUserCustomerLinkAtAnyBank',
      'CanUpdateCustomerNumber',
      'CanGetAnyUser',
      'CanAddKycStatus',
      'CanGetCustomer',
    ]) {
      await grantRole(app, userId, role, role === 'CanUpdateCustomerNumber' || role === 'CanAddKycStatus' || role === 'CanGetCustomer' ? bank : '');
    }
  });

  afterAll(async () => {
    await app.close();
  });

  // auth_direct_login.py getAuthToken: requests.post(host + '/my/logins/direct', headers={Accept, Authorization}).
  it('logs in with the quoted Authorization: DirectLogin form and an empty body without Content-Type', async () => {
    const login = await request(http)
      .post('/my/logins/direct')
      .set('Accept', 'application/json')
      .set('Content-Length', '0')
      .set('Authorization', `DirectLogin username="${username}", password="${STRONG_PASSWORD}", consumer_key="${consumerKey}"`)
      .expect(201);
    token = login.body.token;
    expect(typeof token).toBe('string');
  });

  // getUserIdByUsername.py: GET /obp/v3.1.0/users/username/{username} with the quoted token and Content-Type: application/json.
  it('finds users by username with the quoted token, and an unknown one is 404 OBP-20027', async () => {
    const found = await request(http).get(`/obp/v3.1.0/users/username/${username}`).set(cliHeaders()).expect(200);
    expect(found.body.user_id).toBe(userId);
    const missing = await request(http)
      .get(`/obp/v3.1.0/users/username/${uniqueName('nobody')}`)
      .set(cliHeaders());
    expectObpError(missing, 404, 'OBP-20027');
    expect(missing.body.message).toBe('OBP-20027: User not found by provider and username.');
  });

  // importCustomers.py -> createCustomer.py: the v3.1.0 payload, filled from numeric spreadsheet cells.
  it('creates a customer with spreadsheet numbers in String fields, and stores their text', async () => {
    const sheetRow = { mobile_phone_number: 4915112345678, credit_limit_amount: 0, dependants: 1, kyc_status: true };
    const body = {
      ...customerBodyV310(),
      mobile_phone_number: sheetRow.mobile_phone_number,
      relationship_status: 'single',
      dependants: sheetRow.dependants,
      dob_of_dependants: ['2017-09-19T00:00:00Z'],
      credit_limit: { currency: 'EUR', amount: sheetRow.credit_limit_amount },
      kyc_status: sheetRow.kyc_status,
      highest_education_attained: 2,
      employment_status: 1,
    };
    const created = await request(http).post(`/obp/v3.1.0/banks/${bank}/customers`).set(cliHeaders()).send(body).expect(201);
    expect(created.body).toMatchObject({
      mobile_phone_number: '4915112345678',
      credit_limit: { currency: 'EUR', amount: '0' },
      highest_education_attained: '2',
      employment_status: '1',
      dependants: 1,
    });
    const read = await request(http).get(`/obp/v3.1.0/banks/${bank}/customers/${created.body.customer_id}`).set(cliHeaders()).expect(200);
    expect(read.body).toMatchObject({ mobile_phone_number: '4915112345678', credit_limit: { amount: '0' } });

    // updateCustomerNumber.py: {"customer_number": <the numeric cell>}.
    const customerNumber = Number(String(Date.now()).slice(-9));
    const renumbered = await request(http)
      .put(`/obp/v3.1.0/banks/${bank}/customers/${created.body.customer_id}/number`)
      .set(cliHeaders())
      .send({ customer_number: customerNumber })
      .expect(200);
    expect(renumbered.body.customer_number).toBe(String(customerNumber));

    // linkUserToCustomer.py.
    const link = await request(http)
      .post(`/obp/v3.1.0/banks/${bank}/user_customer_links`)
      .set(cliHeaders())
      .send({ user_id: userId, customer_id: created.body.customer_id });
    expect([200, 201]).toContain(link.status);

    // addKycStatus.py: PUT v4.0.0 .../kyc_statuses with the numeric customer number.
    const status = await request(http)
      .put(`/obp/v4.0.0/banks/${bank}/customers/${created.body.customer_id}/kyc_statuses`)
      .set(cliHeaders())
      .send({ customer_number: customerNumber, ok: true, date: '2024-01-02T00:00:00Z' });
    expect(status.status).toBeLessThan(300);
    expect(status.body.customer_number).toBe(String(customerNumber));
  });

  it("names only what OBP also refuses in createCustomer.py's own v3.1.0 body (camelCase branchId / nameSuffix): not the numbers", async () => {
    const { branch_id, name_suffix, ...rest } = customerBodyV310();
    const body = { ...rest, branchId: branch_id, nameSuffix: name_suffix, mobile_phone_number: 491511, credit_limit: { currency: 'EUR', amount: 10 } };
    const refused = await request(http).post(`/obp/v3.1.0/banks/${bank}/customers`).set(cliHeaders()).send(body);
    expectObpError(refused, 400, 'OBP-10001');
    expect(refused.body.message).toContain('branch_id');
    expect(refused.body.message).toContain('name_suffix');
    expect(refused.body.message).not.toMatch(/mobile_phone_number|amount/);
  });
});
