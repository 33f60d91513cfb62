import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { between, since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('User-customer links, correlated users, delete cascade (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let creator: TestUser;

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  async function newCustomer(bankId = bank): Promise<string> {
    return (
      await request(http).post(`/obp/v5.1.0/banks/${bankId}/customers`).set(creator.auth).send({ legal_name: 'Linked', mobile_phone_number: '1' }).expect(201)
    ).body.customer_id;
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    creator = await userWith(['CanCreateCustomerAtAnyBank']);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('4.0.0').map((v) => [v]))('v%s (behaviours 6)', (version) => {
    const base = `/obp/v${version}/banks`;

    it('401 and 403 naming the role for every endpoint', async () => {
      const noRole = await userWith();
      const cases: [() => request.Test, string][] = [
        [() => request(http).get(`${base}/${bank}/user_customer_links/users/${noRole.userId}`), 'CanGetUserCustomerLink'],
        [() => request(http).get(`${base}/${bank}/user_customer_links/customers/CUSTOMER_ID`), 'CanGetUserCustomerLink'],
        [() => request(http).delete(`${base}/${bank}/user_customer_links/USER_CUSTOMER_LINK_ID`), 'CanDeleteUserCustomerLink'],
        [() => request(http).post(`${base}/${bank}/user_customer_links`).send({ user_id: noRole.userId, customer_id: 'x' }), 'CanCreateUserCustomerLink'],
      ];
      for (const [call, role] of cases) {
        expectObpError(await call(), 401, 'OBP-20001');
        const refused = await call().set(noRole.auth);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toContain(role);
      }
    });

    it('full flow: list 0, create 201, listed, delete 200 true, second delete 400 OBP-30035, list 0 again', async () => {
      const user = await userWith(['CanGetUserCustomerLink', bank], ['CanCreateUserCustomerLink', bank], ['CanDeleteUserCustomerLink', bank]);
      const customerId = await newCustomer();
      expect((await request(http).get(`${base}/${bank}/user_customer_links/users/${user.userId}`).set(user.auth).expect(200)).body.user_customer_links).toEqual(
        [],
      );
      const created = await request(http)
        .post(`${base}/${bank}/user_customer_links`)
        .set(user.auth)
        .send({ user_id: user.userId, customer_id: customerId })
        .expect(201);
      expect(created.body).toEqual({
        user_customer_link_id: expect.any(String),
        customer_id: customerId,
        user_id: user.userId,
        date_inserted: expect.stringMatching(/Z$/),
        is_active: true,
      });
      expect((await request(http).get(`${base}/${bank}/user_customer_links/users/${user.userId}`).set(user.auth)).body.user_customer_links).toEqual([
        created.body,
      ]);
      expect((await request(http).get(`${base}/${bank}/user_customer_links/customers/${customerId}`).set(user.auth)).body.user_customer_links).toEqual([
        created.body,
      ]);
      expectObpError(
        await request(http).post(`${base}/${bank}/user_customer_links`).set(user.auth).send({ user_id: user.userId, customer_id: customerId }),
        400,
        'OBP-30007',
      );
      expect((await request(http).delete(`${base}/${bank}/user_customer_links/${created.body.user_customer_link_id}`).set(user.auth).expect(200)).body).toBe(
        true,
      );
      expectObpError(await request(http).delete(`${base}/${bank}/user_customer_links/${created.body.user_customer_link_id}`).set(user.auth), 400, 'OBP-30035');
      expect((await request(http).get(`${base}/${bank}/user_customer_links/users/${user.userId}`).set(user.auth)).body.user_customer_links).toEqual([]);
    });

    it("create refuses unknown users (404 OBP-20057), unknown customers (404 OBP-30046), other banks' customers (400 OBP-30113)", async () => {
      const user = await userWith(['CanCreateUserCustomerLinkAtAnyBank']);
      const customerId = await newCustomer();
      const post = (body: object) => request(http).post(`${base}/${bank}/user_customer_links`).set(user.auth).send(body);
      expectObpError(await post({ user_id: '00000000-0000-4000-8000-000000000000', customer_id: customerId }), 404, 'OBP-20057');
      expectObpError(await post({ user_id: user.userId, customer_id: '00000000-0000-4000-8000-000000000000' }), 404, 'OBP-30046');
      const elsewhere = await newCustomer(await createBank(app));
      expectObpError(await post({ user_id: user.userId, customer_id: elsewhere }), 400, 'OBP-30113');
      expectObpError(await post({ user_id: user.userId }), 400, 'OBP-10001');
    });
  });

  it('v2.0.0-v3.1.0 create answers 200, and also needs login and a role here', async () => {
    const user = await userWith(['CanCreateUserCustomerLink', bank]);
    for (const version of between('2.0.0', '3.1.0')) {
      const customerId = await newCustomer();
      expectObpError(
        await request(http).post(`/obp/v${version}/banks/${bank}/user_customer_links`).send({ user_id: user.userId, customer_id: customerId }),
        401,
        'OBP-20001',
      );
      const created = await request(http)
        .post(`/obp/v${version}/banks/${bank}/user_customer_links`)
        .set(user.auth)
        .send({ user_id: user.userId, customer_id: customerId })
        .expect(200);
      expect(created.body.customer_id).toBe(customerId);
    }
  });

  describe('correlated users and entities (behaviours 7)', () => {
    it.each(since('4.0.0').map((v) => [v]))('v%s', async (version) => {
      const owner = await userWith(['CanCreateUserCustomerLinkAtAnyBank']);
      const customerId = await newCustomer();
      await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/user_customer_links`)
        .set(owner.auth)
        .send({ user_id: owner.userId, customer_id: customerId })
        .expect(201);
      const path = `/obp/v${version}/banks/${bank}/customers/${customerId}/correlated-users`;
      expectObpError(await request(http).get(path), 401, 'OBP-20001');
      const refused = await request(http).get(path).set(owner.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanGetCorrelatedUsersInfoAtAnyBank');
      for (const reader of [await userWith(['CanGetCorrelatedUsersInfo', bank]), await userWith(['CanGetCorrelatedUsersInfoAtAnyBank'])]) {
        const response = await request(http).get(path).set(reader.auth).expect(200);
        expect(response.body.customer).toMatchObject({ bank_id: bank, customer_id: customerId });
        expect(response.body.users).toEqual([
          {
            user_id: owner.userId,
            email: `${owner.username}@example.com`,
            provider_id: owner.username,
            provider: 'http://localhost:8080',
            username: owner.username,
            user_attributes: [],
          },
        ]);
      }
      expectObpError(await request(http).get(`/obp/v${version}/my/correlated-entities`), 401, 'OBP-20001');
      const mine = await request(http).get(`/obp/v${version}/my/correlated-entities`).set(owner.auth).expect(200);
      expect(mine.body.correlated_entities).toHaveLength(1);
      expect(mine.body.correlated_entities[0].customer.bank_id).toBe(bank);
      expect(mine.body.correlated_entities[0].users).toHaveLength(1);
    });
  });

  describe('delete customer cascade (behaviours 1.8)', () => {
    it.each(since('4.0.0').map((v) => [v]))('v%s: 401, 403, 200 true, then 404; nothing references the customer afterwards', async (version) => {
      const admin = await userWith(
        ['CanDeleteCustomerCascade', bank],
        ['CanCreateCustomerAttributeAtAnyBank'],
        ['CanCreateUserCustomerLinkAtAnyBank'],
        ['CanCreateCustomerAddress', bank],
        ['CanCreateTaxResidence', bank],
        ['CanCreateCustomerMessage', bank],
      );
      const customerId = await newCustomer();
      const base = `/obp/v5.1.0/banks/${bank}/customers/${customerId}`;
      await request(http).post(`${base}/attribute`).set(admin.auth).send({ name: 'A', type: 'STRING', value: 'v' }).expect(201);
      await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/user_customer_links`)
        .set(admin.auth)
        .send({ user_id: admin.userId, customer_id: customerId })
        .expect(201);
      await request(http)
        .post(`${base}/address`)
        .set(admin.auth)
        .send({ line_1: 'a', line_2: '', line_3: '', city: 'c', county: '', state: '', postcode: 'p', country_code: 'DE', tags: [], status: 'OK' })
        .expect(201);
      await request(http).post(`${base}/tax-residence`).set(admin.auth).send({ domain: 'd', tax_number: 't' }).expect(201);
      await request(http).post(`${base}/messages`).set(admin.auth).send({ message: 'm', transport: 'SMS', from_department: 'd', from_person: 'p' }).expect(201);
      await request(http)
        .post(`${base}/credit_limit/requests`)
        .set(admin.auth)
        .send({
          requested_current_rate_amount1: '1',
          requested_current_rate_amount2: '2',
          requested_current_valid_end_date: '2027-01-01T00:00:00Z',
          current_credit_documentation: '',
          temporary_requested_current_amount: '3',
          requested_temporary_valid_end_date: '2027-01-01T00:00:00Z',
          temporary_credit_documentation: '',
        })
        .expect(201);

      const path = `/obp/v${version}/management/cascading/banks/${bank}/customers/${customerId}`;
      expectObpError(await request(http).delete(path), 401, 'OBP-20001');
      const noRole = await userWith();
      const refused = await request(http).delete(path).set(noRole.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanDeleteCustomerCascade');
      expect((await request(http).delete(path).set(admin.auth).expect(200)).body).toBe(true);
      expectObpError(await request(http).delete(path).set(admin.auth), 404, 'OBP-30046');

      // Every table with a foreign key to customers: none may still point at the deleted customer,
      // so a future customer-owned table without ON DELETE CASCADE fails here.
      const db = app.get(DataSource);
      const references: { table: string; column: string }[] = await db.query(`
        SELECT cl.relname AS table, att.attname AS column
          FROM pg_constraint con
          JOIN pg_class cl ON cl.oid = con.conrelid
          JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey)
         WHERE con.contype = 'f' AND con.confrelid = 'customers'::regclass`);
      expect(references.length).toBeGreaterThanOrEqual(7);
      for (const { table, column } of references) {
        const rows = await db.query(`SELECT 1 FROM "${table}" WHERE "${column}" = $1`, [customerId]);
        expect({ table, rows: rows.length }).toEqual({ table, rows: 0 });
      }
      const cascades: { confdeltype: string }[] = await db.query(
        `SELECT confdeltype FROM pg_constraint WHERE contype = 'f' AND confrelid = 'customers'::regclass`,
      );
      expect(cascades.every((row) => row.confdeltype === 'c')).toBe(true);
    });
  });
});
