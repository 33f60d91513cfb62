import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Customer listings, firehose and phone search (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let admin: TestUser;
  const created: { customer_id: string; bank_id: string; mobile_phone_number: string }[] = [];

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_ALLOW_CUSTOMER_FIREHOSE: 'true' } });
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    admin = await userWith(['CanCreateCustomerAtAnyBank']);
    const phones = ['+381 63 1954907', '+44 7972 444876', '+381-11-222', '5%_odd'];
    for (const [index, phone] of phones.entries()) {
      const response = await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/customers`)
        .set(admin.auth)
        .send({ legal_name: `Person ${index}`, mobile_phone_number: phone, last_ok_date: `202${index}-01-01T00:00:00Z` })
        .expect(201);
      created.push(response.body);
    }
  });

  afterAll(async () => {
    await app.close();
  });

  const ids = (body: { customers: { customer_id: string }[] }) => body.customers.map((customer) => customer.customer_id);

  it('GET /banks/BANK_ID/customers (v5): 401, 403, all customers of the bank paged by last_ok_date', async () => {
    for (const version of ['5.0.0', '5.1.0']) {
      const path = `/obp/v${version}/banks/${bank}/customers`;
      expectObpError(await request(http).get(path), 401, 'OBP-20001');
      const refused = await request(http).get(path).set(admin.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanGetCustomers');
    }
    const reader = await userWith(['CanGetCustomers', bank]);
    const all = await request(http).get(`/obp/v5.1.0/banks/${bank}/customers`).set(reader.auth).expect(200);
    expect(ids(all.body)).toEqual(created.map((c) => c.customer_id));
    const page = await request(http).get(`/obp/v5.1.0/banks/${bank}/customers?limit=2&offset=1&sort_direction=DESC`).set(reader.auth).expect(200);
    expect(ids(page.body)).toEqual([created[2].customer_id, created[1].customer_id]);
    expectObpError(await request(http).get(`/obp/v5.1.0/banks/${bank}/customers?limit=0`).set(reader.auth), 400, 'OBP-10025');
    expectObpError(await request(http).get(`/obp/v5.1.0/banks/${bank}/customers?sort_direction=sideways`).set(reader.auth), 400, 'OBP-10023');
    expectObpError(
      await request(http)
        .get(`/obp/v5.1.0/banks/${uniqueName('none')}/customers`)
        .set(reader.auth),
      404,
      'OBP-30001',
    );
  });

  it('customers-minimal at one bank and at any bank', async () => {
    const reader = await userWith(['CanGetCustomersMinimal', bank], ['CanGetCustomersMinimalAtAnyBank']);
    const one = await request(http).get(`/obp/v5.0.0/banks/${bank}/customers-minimal`).set(reader.auth).expect(200);
    expect(one.body.customers).toEqual(created.map((c) => ({ bank_id: bank, customer_id: c.customer_id })));
    const any = await request(http).get('/obp/v4.0.0/customers-minimal?limit=10000').set(reader.auth).expect(200);
    expect(any.body.customers).toEqual(expect.arrayContaining(one.body.customers));
    const noRole = await userWith();
    expectObpError(await request(http).get('/obp/v4.0.0/customers-minimal').set(noRole.auth), 403, 'OBP-20006');
    expectObpError(await request(http).get('/obp/v4.0.0/customers-minimal'), 401, 'OBP-20001');
  });

  it('GET /customers (v4+): role CanGetCustomersAtAnyBank, sorted by bank', async () => {
    const noRole = await userWith();
    const refused = await request(http).get('/obp/v4.0.0/customers').set(noRole.auth);
    expectObpError(refused, 403, 'OBP-20006');
    expect(refused.body.message).toContain('CanGetCustomersAtAnyBank');
    const reader = await userWith(['CanGetCustomersAtAnyBank']);
    for (const version of ['4.0.0', '5.0.0', '5.1.0']) {
      const response = await request(http).get(`/obp/v${version}/customers?limit=10000`).set(reader.auth).expect(200);
      const banks = response.body.customers.map((c: { bank_id: string }) => c.bank_id);
      expect(banks).toEqual([...banks].sort());
      expect(ids(response.body)).toEqual(expect.arrayContaining(created.map((c) => c.customer_id)));
    }
  });

  describe('firehose (behaviours 13.1)', () => {
    it('needs the system role, filters by attributes with OR semantics', async () => {
      const path = `/obp/v3.1.0/banks/${bank}/firehose/customers`;
      const noRole = await userWith(['CanUseCustomerFirehoseAtAnyBank', bank]);
      const refused = await request(http).get(path).set(noRole.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanUseCustomerFirehoseAtAnyBank');
      const user = await userWith(['CanUseCustomerFirehoseAtAnyBank']);
      for (const version of ['3.1.0', '4.0.0', '5.0.0', '5.1.0']) {
        const all = await request(http).get(`/obp/v${version}/banks/${bank}/firehose/customers`).set(user.auth).expect(200);
        expect(ids(all.body)).toEqual(created.map((c) => c.customer_id));
      }
      await app.get(DataSource).query(
        `INSERT INTO customer_attributes (customer_attribute_id, bank_id, customer_id, name, type, value)
         VALUES (gen_random_uuid(), $1, $2, 'Tax', 'STRING', 'tax123'), (gen_random_uuid(), $1, $3, 'Hause', 'STRING', '1230')`,
        [bank, created[0].customer_id, created[2].customer_id],
      );
      const filtered = await request(http).get(`${path}?Tax=tax123&Hause=1230`).set(user.auth).expect(200);
      expect(ids(filtered.body)).toEqual([created[0].customer_id, created[2].customer_id]);
      const none = await request(http).get(`${path}?Tax=other`).set(user.auth).expect(200);
      expect(none.body.customers).toEqual([]);
      const window = await request(http).get(`${path}?from_date=2999-01-01T00:00:00.000Z`).set(user.auth).expect(200);
      expect(window.body.customers).toEqual([]);
      expectObpError(await request(http).get(`${path}?to_date=tomorrow`).set(user.auth), 400, 'OBP-10026');
    });

    it('is refused with OBP-00009 when the instance does not allow it, before the role check', async () => {
      const closed = await createTestApp({ env: { OBP_ALLOW_CUSTOMER_FIREHOSE: 'false' } });
      try {
        const user = await userWith(['CanUseCustomerFirehoseAtAnyBank']);
        const response = await request(closed.getHttpServer()).get(`/obp/v3.1.0/banks/${bank}/firehose/customers`).set(user.auth);
        expectObpError(response, 400, 'OBP-00009');
        const noRole = await userWith();
        expectObpError(await request(closed.getHttpServer()).get(`/obp/v3.1.0/banks/${bank}/firehose/customers`).set(noRole.auth), 400, 'OBP-00009');
      } finally {
        await closed.close();
      }
    });

    it('honours the allow_firehose_views alias', async () => {
      const aliased = await createTestApp({ env: { OBP_ALLOW_FIREHOSE_VIEWS: 'true' } });
      try {
        const user = await userWith(['CanUseCustomerFirehoseAtAnyBank']);
        await request(aliased.getHttpServer()).get(`/obp/v3.1.0/banks/${bank}/firehose/customers`).set(user.auth).expect(200);
      } finally {
        await aliased.close();
      }
    });
  });

  describe('phone search', () => {
    const search = (user: TestUser, pattern: unknown, version = '4.0.0') =>
      request(http).post(`/obp/v${version}/banks/${bank}/search/customers/mobile-phone-number`).set(user.auth).send({ mobile_phone_number: pattern });

    it('answers 201 with LIKE matches, treating % and _ as wildcards', async () => {
      const reader = await userWith(['CanGetCustomers', bank]);
      for (const version of ['4.0.0', '5.0.0', '5.1.0']) {
        const response = await search(reader, '%381%', version).expect(201);
        expect(ids(response.body).sort()).toEqual([created[0].customer_id, created[2].customer_id].sort());
      }
      expect(ids((await search(reader, '+44 7972 444876').expect(201)).body)).toEqual([created[1].customer_id]);
      expect(ids((await search(reader, '+381-11-22_').expect(201)).body)).toEqual([created[2].customer_id]);
    });

    it('pages matches in customer_id order with limit and offset', async () => {
      const reader = await userWith(['CanGetCustomers', bank]);
      const all = ids((await search(reader, '%').expect(201)).body);
      expect(all).toEqual(created.map((customer) => customer.customer_id).sort());
      const page = (limit: number, offset: number) =>
        request(http)
          .post(`/obp/v5.1.0/banks/${bank}/search/customers/mobile-phone-number?limit=${limit}&offset=${offset}`)
          .set(reader.auth)
          .send({ mobile_phone_number: '%' })
          .expect(201);
      expect(ids((await page(2, 1)).body)).toEqual(all.slice(1, 3));
      expect(ids((await page(2, 3)).body)).toEqual(all.slice(3, 5));
      // Matching rows of the page only: the page is cut from the matches, not from all customers.
      const matches = ids((await search(reader, '%381%').expect(201)).body);
      expect(
        ids(
          (
            await request(http)
              .post(`/obp/v5.1.0/banks/${bank}/search/customers/mobile-phone-number?limit=1&offset=1`)
              .set(reader.auth)
              .send({ mobile_phone_number: '%381%' })
              .expect(201)
          ).body,
        ),
      ).toEqual(matches.slice(1, 2));
    });

    it('keeps SQL and LIKE metacharacters as data, never as SQL', async () => {
      const reader = await userWith(['CanGetCustomers', bank]);
      expect((await search(reader, "%' OR '1'='1").expect(201)).body.customers).toEqual([]);
      expect(ids((await search(reader, '5\\%\\_odd').expect(201)).body)).toEqual([created[3].customer_id]);
      const count = await app.get(DataSource).query('SELECT count(*)::int AS n FROM customers WHERE bank_id = $1', [bank]);
      expect(count[0].n).toBe(created.length);
    });

    it('401 anonymous, 403 without a customer-reading role, 400 bad body', async () => {
      expectObpError(
        await request(http).post(`/obp/v4.0.0/banks/${bank}/search/customers/mobile-phone-number`).send({ mobile_phone_number: '%1%' }),
        401,
        'OBP-20001',
      );
      const noRole = await userWith();
      expectObpError(await search(noRole, '%1%'), 403, 'OBP-20006');
      const reader = await userWith(['CanGetCustomersAtAnyBank']);
      // A number would be read as its text (lift-json leniency); null is no string.
      expectObpError(await search(reader, null), 400, 'OBP-10001');
      expect((await search(reader, '%').expect(201)).body.customers).toHaveLength(created.length);
    });
  });
});
