import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { since } from '../../src/common/versioning/api-versions';
import { createCrmEvent } from '../support/crm-events';
import { customerBodyV140 } from '../support/customer-bodies';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Customer messages, CRM events and credit limit requests (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  /** A customer linked to `owner` (v2.0.0 create links it). */
  async function linkedCustomer(owner: TestUser): Promise<string> {
    await grantRole(app, owner.userId, 'CanCreateCustomer', bank);
    await grantRole(app, owner.userId, 'CanCreateUserCustomerLink', bank);
    const created = await request(http).post(`/obp/v2.0.0/banks/${bank}/customers`).set(owner.auth).send(customerBodyV140(owner.userId)).expect(201);
    return created.body.customer_id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('v1.4.0 messages (behaviours 8.1)', () => {
    it.each(since('1.4.0').map((v) => [v]))('v%s: empty list, then a message delivered to the linked user', async (version) => {
      const owner = await userWith();
      expect((await request(http).get(`/obp/v${version}/banks/${bank}/customer/messages`).set(owner.auth).expect(200)).body).toEqual({ messages: [] });
      const customerId = await linkedCustomer(owner);
      const sender = await userWith();
      const body = { message: 'some message', from_department: 'some department', from_person: 'some person' };
      const sent = await request(http).post(`/obp/v${version}/banks/${bank}/customer/${customerId}/messages`).set(sender.auth).send(body).expect(201);
      expect(sent.body).toEqual({ success: 'Success' });
      const listed = await request(http).get(`/obp/v${version}/banks/${bank}/customer/messages`).set(owner.auth).expect(200);
      expect(listed.body.messages).toEqual([{ id: expect.any(String), date: expect.stringMatching(/Z$/), ...body }]);
      expect((await request(http).get(`/obp/v${version}/banks/${bank}/customer/messages`).set(sender.auth).expect(200)).body.messages).toEqual([]);
    });

    it('401 anonymous, 404 unknown bank or customer, 400 OBP-30008 when no user is linked, 400 bad body', async () => {
      const user = await userWith(['CanCreateCustomer', bank]);
      const path = (b: string, c: string) => `/obp/v1.4.0/banks/${b}/customer/${c}/messages`;
      const body = { message: 'm', from_department: 'd', from_person: 'p' };
      expectObpError(await request(http).post(path(bank, 'x')).send(body), 401, 'OBP-20001');
      expectObpError(
        await request(http)
          .post(path(uniqueName('nob'), 'x'))
          .set(user.auth)
          .send(body),
        404,
        'OBP-30001',
      );
      expectObpError(await request(http).post(path(bank, 'no-such-customer')).set(user.auth).send(body), 404, 'OBP-30046');
      const unlinked = await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/customers`)
        .set(user.auth)
        .send({ legal_name: 'U', mobile_phone_number: '1' })
        .expect(201);
      expectObpError(await request(http).post(path(bank, unlinked.body.customer_id)).set(user.auth).send(body), 400, 'OBP-30008');
      expectObpError(await request(http).post(path(bank, unlinked.body.customer_id)).set(user.auth).send({ message: 5 }), 400, 'OBP-10001');
    });
  });

  describe('v4.0.0 messages (behaviours 8.2)', () => {
    const body = { message: '123456', transport: 'SMS', from_department: 'Open Bank', from_person: 'Tom' };

    it.each(since('4.0.0').map((v) => [v]))('v%s: 401, 403 naming the role, 404 unknown customer, then 201 and read-back', async (version) => {
      const path = (customerId: string) => `/obp/v${version}/banks/${bank}/customers/${customerId}/messages`;
      expectObpError(await request(http).post(path('testCustomerId')).send(body), 401, 'OBP-20001');
      expectObpError(await request(http).get(path('testCustomerId')), 401, 'OBP-20001');
      const user = await userWith(['CanCreateCustomer', bank]);
      const postRefused = await request(http).post(path('testCustomerId')).set(user.auth).send(body);
      expectObpError(postRefused, 403, 'OBP-20006');
      expect(postRefused.body.message).toContain('CanCreateCustomerMessage');
      const getRefused = await request(http).get(path('testCustomerId')).set(user.auth);
      expect(getRefused.body.message).toContain('CanGetCustomerMessages');
      await grantRole(app, user.userId, 'CanCreateCustomerMessage', bank);
      await grantRole(app, user.userId, 'CanGetCustomerMessages', bank);
      expectObpError(await request(http).post(path('testCustomerId')).set(user.auth).send(body), 404, 'OBP-30046');
      expectObpError(await request(http).get(path('testCustomerId')).set(user.auth), 404, 'OBP-30046');

      const customer = await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/customers`)
        .set(user.auth)
        .send({ legal_name: 'M', mobile_phone_number: '1' })
        .expect(201);
      expect((await request(http).post(path(customer.body.customer_id)).set(user.auth).send(body).expect(201)).body).toEqual({ success: 'Success' });
      expectObpError(await request(http).post(path(customer.body.customer_id)).set(user.auth).send({ message: 'x' }), 400, 'OBP-10001');
      const listed = await request(http).get(path(customer.body.customer_id)).set(user.auth).expect(200);
      expect(listed.body.messages).toEqual([{ id: expect.any(String), date: expect.any(String), ...body }]);
    });
  });

  describe('CRM events', () => {
    it.each(since('1.4.0').map((v) => [v]))("v%s: 401, 404 unknown bank, the bank's events only", async (version) => {
      const otherBank = await createBank(app);
      const mine = await createCrmEvent(app, bank, { category: uniqueName('cat') });
      await createCrmEvent(app, otherBank);
      expectObpError(await request(http).get(`/obp/v${version}/banks/${bank}/crm-events`), 401, 'OBP-20001');
      const user = await userWith();
      expectObpError(
        await request(http)
          .get(`/obp/v${version}/banks/${uniqueName('nob')}/crm-events`)
          .set(user.auth),
        404,
        'OBP-30001',
      );
      const response = await request(http).get(`/obp/v${version}/banks/${bank}/crm-events`).set(user.auth).expect(200);
      expect(response.body.crm_events.every((event: { bank_id: string }) => event.bank_id === bank)).toBe(true);
      expect(response.body.crm_events).toContainEqual({
        id: mine.crmEventId,
        bank_id: bank,
        customer_name: 'Eveline Tripman',
        customer_number: '5987953',
        category: mine.category,
        detail: 'Follow-up on mortgage',
        channel: 'Phone',
        scheduled_date: '2026-01-02T10:00:00Z',
        actual_date: '2026-01-02T10:05:00Z',
        result: 'Interested',
      });
    });
  });

  describe('credit limit requests', () => {
    const body = {
      requested_current_rate_amount1: '5000',
      requested_current_rate_amount2: '7500',
      requested_current_valid_end_date: '2027-01-01T00:00:00Z',
      current_credit_documentation: 'Salary statements',
      temporary_requested_current_amount: '10000',
      requested_temporary_valid_end_date: '2026-12-31T00:00:00Z',
      temporary_credit_documentation: 'Holiday',
    };

    it.each(since('3.1.0').map((v) => [v]))('v%s: the linked user creates, lists and reads back real requests', async (version) => {
      const owner = await userWith();
      const customerId = await linkedCustomer(owner);
      const base = `/obp/v${version}/banks/${bank}/customers/${customerId}/credit_limit/requests`;
      const created = await request(http).post(base).set(owner.auth).send(body).expect(201);
      expect(created.body).toEqual({
        execution_time: expect.stringMatching(/^\d\d:\d\d:\d\d$/),
        execution_date: expect.stringMatching(/Z$/),
        token: expect.stringMatching(/^[0-9a-f-]{36}$/),
        short_reference: expect.stringMatching(/^[0-9A-F]{10}$/),
      });
      const listed = await request(http).get(base).set(owner.auth).expect(200);
      expect(listed.body.credit_limit_requests).toHaveLength(1);
      const one = await request(http).get(`${base}/${created.body.token}`).set(owner.auth).expect(200);
      expect(one.body).toMatchObject({ ...body, request_id: created.body.token, rank_amount_1: '5000', rank_amount_2: '7500', customer_id: customerId });
      expect(listed.body.credit_limit_requests[0]).toEqual(one.body);
    });

    it('401 anonymous, 403 for unrelated users, staff with CanGetCustomer may read, 404 unknown request, 400 bad body', async () => {
      const owner = await userWith();
      const customerId = await linkedCustomer(owner);
      const base = `/obp/v3.1.0/banks/${bank}/customers/${customerId}/credit_limit/requests`;
      expectObpError(await request(http).post(base).send(body), 401, 'OBP-20001');
      const stranger = await userWith();
      expectObpError(await request(http).post(base).set(stranger.auth).send(body), 403, 'OBP-20006');
      expectObpError(await request(http).get(base).set(stranger.auth), 403, 'OBP-20006');
      await request(http).post(base).set(owner.auth).send(body).expect(201);
      const staff = await userWith(['CanGetCustomer', bank]);
      expect((await request(http).get(base).set(staff.auth).expect(200)).body.credit_limit_requests).toHaveLength(1);
      expectObpError(await request(http).get(`${base}/00000000-0000-4000-8000-000000000000`).set(owner.auth), 404, 'OBP-30090');
      expectObpError(await request(http).get(`${base}/not-a-uuid`).set(owner.auth), 404, 'OBP-30090');
      expectObpError(
        await request(http)
          .post(base)
          .set(owner.auth)
          .send({ ...body, requested_current_rate_amount1: 'lots' }),
        400,
        'OBP-10001',
      );
      expectObpError(
        await request(http).get(`/obp/v3.1.0/banks/${bank}/customers/00000000-0000-4000-8000-000000000000/credit_limit/requests`).set(owner.auth),
        404,
        'OBP-30046',
      );
    });
  });
});
