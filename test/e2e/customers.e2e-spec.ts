import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { customerBodyV140, customerBodyV210, customerBodyV310 } from '../support/customer-bodies';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Customers: create, read, update (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let otherBank: string;

  const linkCount = async (userId: string): Promise<number> =>
    Number((await app.get(DataSource).query('SELECT count(*) AS n FROM user_customer_links WHERE user_id = $1', [userId]))[0].n);

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    otherBank = await createBank(app);
  });

  afterAll(async () => {
    await app.close();
  });

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  describe('v1.4.0 POST /banks/BANK_ID/customer (behaviours 1.1)', () => {
    it('needs both roles, answers 200, links the user, and keeps numbers unique per bank', async () => {
      const user = await userWith();
      const number = uniqueName('9393');
      const post = (bankId: string, customerNumber: string) =>
        request(http).post(`/obp/v1.4.0/banks/${bankId}/customer`).set(user.auth).send(customerBodyV140(user.userId, customerNumber));

      expectObpError(await post(bank, number), 403, 'OBP-20006');
      await grantRole(app, user.userId, 'CanCreateCustomer', bank);
      const partial = await post(bank, number);
      expectObpError(partial, 403, 'OBP-20006');
      expect(partial.body.message).toBe(
        `OBP-20006: User is missing one or more roles: CanCreateCustomer and CanCreateUserCustomerLink entitlements are required for BankId(${bank}).`,
      );
      await grantRole(app, user.userId, 'CanCreateUserCustomerLink', bank);
      const created = await post(bank, number).expect(200);
      expect(Object.keys(created.body)).toEqual([
        'customer_id',
        'customer_number',
        'legal_name',
        'mobile_phone_number',
        'email',
        'face_image',
        'date_of_birth',
        'relationship_status',
        'dependants',
        'dob_of_dependants',
        'highest_education_attained',
        'employment_status',
        'kyc_status',
        'last_ok_date',
      ]);
      expect(created.body.customer_number).toBe(number);

      const mine = await request(http).get(`/obp/v1.4.0/banks/${bank}/customer`).set(user.auth).expect(200);
      expect(mine.body).toEqual(created.body);
      expect(await linkCount(user.userId)).toBe(1);

      expectObpError(await post(bank, number), 400, 'OBP-30006');
      expect(await linkCount(user.userId)).toBe(1);
      await post(bank, uniqueName('9393')).expect(200);
      expect(await linkCount(user.userId)).toBe(2);

      await grantRole(app, user.userId, 'CanCreateCustomer', otherBank);
      await grantRole(app, user.userId, 'CanCreateUserCustomerLink', otherBank);
      await post(otherBank, number).expect(200);
      expectObpError(await post(otherBank, number), 400, 'OBP-30006');
      expect(await linkCount(user.userId)).toBe(3);
    });
  });

  describe('v2.0.0 and v2.1.0 POST /banks/BANK_ID/customers', () => {
    it('v2.0.0 answers 201 with the v1.4.0 shape and links', async () => {
      const user = await userWith(['CanCreateCustomer', bank], ['CanCreateUserCustomerLink', bank]);
      const created = await request(http).post(`/obp/v2.0.0/banks/${bank}/customers`).set(user.auth).send(customerBodyV140(user.userId)).expect(201);
      expect(created.body.bank_id).toBeUndefined();
      const listed = await request(http).get(`/obp/v2.0.0/users/current/customers`).set(user.auth).expect(200);
      expect(listed.body.customers).toEqual([created.body]);
    });

    it("v2.1.0 accepts either complete role pair and lists the caller's customers at the bank", async () => {
      const atBank = await userWith(['CanCreateCustomer', bank], ['CanCreateUserCustomerLink', bank]);
      const created = await request(http).post(`/obp/v2.1.0/banks/${bank}/customers`).set(atBank.auth).send(customerBodyV210(atBank.userId)).expect(201);
      expect(created.body).toMatchObject({ bank_id: bank, credit_rating: { rating: 'OBP', source: 'OBP' }, credit_limit: { currency: 'EUR', amount: '0' } });
      const listed = await request(http).get(`/obp/v2.1.0/banks/${bank}/customers`).set(atBank.auth).expect(200);
      expect(listed.body.customers).toContainEqual(created.body);

      const system = await userWith(['CanCreateCustomerAtAnyBank'], ['CanCreateUserCustomerLinkAtAnyBank']);
      await request(http).post(`/obp/v2.1.0/banks/${bank}/customers`).set(system.auth).send(customerBodyV210(system.userId)).expect(201);

      const mixed = await userWith(['CanCreateCustomer', bank], ['CanCreateUserCustomerLinkAtAnyBank']);
      const refused = await request(http).post(`/obp/v2.1.0/banks/${bank}/customers`).set(mixed.auth).send(customerBodyV210(mixed.userId));
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanCreateCustomerAtAnyBank and CanCreateUserCustomerLinkAtAnyBank');
    });

    it('v1.4.0-v3.0.0 store dependants and dob_of_dependants as sent (OBP checks them from v3.1.0 on), and v1.4.0/v2.0.0 accept and ignore branchId', async () => {
      const user = await userWith(['CanCreateCustomer', bank], ['CanCreateUserCustomerLink', bank]);
      const storedBranch = async (customerId: string) =>
        (await app.get(DataSource).query('SELECT branch_id FROM customers WHERE customer_id = $1', [customerId]))[0].branch_id;
      // OBP's own test body (v1_4_0/CustomerTest.scala): "The branchId" is no OBP id; OBP throws it away.
      for (const [version, path, status] of [
        ['1.4.0', 'customer', 200],
        ['2.0.0', 'customers', 201],
      ] as const) {
        const body = customerBodyV140(user.userId, uniqueName('n'), { branchId: 'The branchId', dependants: 3, dob_of_dependants: [] });
        const created = await request(http).post(`/obp/v${version}/banks/${bank}/${path}`).set(user.auth).send(body).expect(status);
        expect(created.body).toMatchObject({ dependants: 3, dob_of_dependants: [] });
        expect(await storedBranch(created.body.customer_id)).toBe('');
      }
      for (const version of ['2.1.0', '2.2.0', '3.0.0']) {
        const body = { ...customerBodyV210(user.userId), dependants: 0, dob_of_dependants: ['2010-01-01T00:00:00Z', '2012-01-01T00:00:00Z'] };
        const created = await request(http).post(`/obp/v${version}/banks/${bank}/customers`).set(user.auth).send(body).expect(201);
        expect(created.body).toMatchObject({ dependants: 0, dob_of_dependants: ['2010-01-01T00:00:00Z', '2012-01-01T00:00:00Z'] });
      }
    });

    it('refuses a link to an unknown user without creating the customer', async () => {
      const user = await userWith(['CanCreateCustomer', bank], ['CanCreateUserCustomerLink', bank]);
      const number = uniqueName('n');
      const body = customerBodyV210('00000000-0000-4000-8000-000000000000', number);
      expectObpError(await request(http).post(`/obp/v2.1.0/banks/${bank}/customers`).set(user.auth).send(body), 400, 'OBP-20005');
      const rows = await app.get(DataSource).query('SELECT 1 FROM customers WHERE bank_id = $1 AND customer_number = $2', [bank, number]);
      expect(rows).toHaveLength(0);
    });
  });

  describe.each([['3.1.0'], ['4.0.0'], ['5.0.0'], ['5.1.0']])('v%s create and get by id', (version) => {
    it('401 anonymous, 403 naming the AtAnyBank role, 201 and equal read-back', async () => {
      expectObpError(await request(http).post(`/obp/v${version}/banks/${bank}/customers`).send(customerBodyV310()), 401, 'OBP-20001');
      const user = await userWith();
      const refused = await request(http).post(`/obp/v${version}/banks/${bank}/customers`).set(user.auth).send(customerBodyV310());
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanCreateCustomerAtAnyBank');

      await grantRole(app, user.userId, 'CanCreateCustomer', bank);
      const created = await request(http).post(`/obp/v${version}/banks/${bank}/customers`).set(user.auth).send(customerBodyV310()).expect(201);
      expect(created.body).toMatchObject({ ...customerBodyV310(), bank_id: bank, customer_number: expect.stringMatching(/^\d+$/) });

      expectObpError(await request(http).get(`/obp/v${version}/banks/${bank}/customers/${created.body.customer_id}`).set(user.auth), 403, 'OBP-20006');
      await grantRole(app, user.userId, 'CanGetCustomer', bank);
      const read = await request(http).get(`/obp/v${version}/banks/${bank}/customers/${created.body.customer_id}`).set(user.auth).expect(200);
      expect(read.body).toEqual({ ...created.body, customer_attributes: [] });
      expectObpError(await request(http).get(`/obp/v${version}/banks/nosuchbank/customers/${created.body.customer_id}`).set(user.auth), 404, 'OBP-30001');
      expectObpError(await request(http).get(`/obp/v${version}/banks/${bank}/customers/CUSTOMER_ID`).set(user.auth), 404, 'OBP-30046');
    });

    it('refuses dependants that do not match dob_of_dependants with OBP-10020, and bad bodies with OBP-10001', async () => {
      const user = await userWith(['CanCreateCustomerAtAnyBank']);
      const mismatch = await request(http)
        .post(`/obp/v${version}/banks/${bank}/customers`)
        .set(user.auth)
        .send(customerBodyV310({ dependants: 2 }));
      expectObpError(mismatch, 400, 'OBP-10020');
      const badDate = await request(http)
        .post(`/obp/v${version}/banks/${bank}/customers`)
        .set(user.auth)
        .send(customerBodyV310({ date_of_birth: '06/05/1980' }));
      expectObpError(badDate, 400, 'OBP-10001');
      expect(badDate.body.message).toContain('date_of_birth');
    });
  });

  it('checks the caller before the body: a refused JSON body is 401 anonymous, 403 without the role, 400 with it', async () => {
    const holder = await userWith(['CanCreateCustomer', bank]);
    const stranger = await userWith();
    const bodies = [
      '{"legal_name": ',
      JSON.stringify({ legal_name: 'nul\u0000', mobile_phone_number: '+1' }),
      JSON.stringify({ legal_name: 'Deep', face_image: JSON.parse('['.repeat(40) + ']'.repeat(40)) }),
    ];
    for (const body of bodies) {
      const post = () => request(http).post(`/obp/v5.0.0/banks/${bank}/customers`).set('Content-Type', 'application/json');
      expectObpError(await post().send(body), 401, 'OBP-20001');
      expectObpError(await post().set(stranger.auth).send(body), 403, 'OBP-20006');
      expectObpError(await post().set(holder.auth).send(body), 400, 'OBP-10001');
    }
  });

  it('v5.0.0 accepts the minimal body and an explicit unique number', async () => {
    const user = await userWith(['CanCreateCustomer', bank], ['CanGetCustomer', bank]);
    const minimal = await request(http)
      .post(`/obp/v5.0.0/banks/${bank}/customers`)
      .set(user.auth)
      .send({ legal_name: 'Minimal Person', mobile_phone_number: '+49 30 901820' })
      .expect(201);
    expect(minimal.body).toMatchObject({ legal_name: 'Minimal Person', dependants: 0, dob_of_dependants: [], date_of_birth: null });
    const number = uniqueName('fixed');
    await request(http)
      .post(`/obp/v5.1.0/banks/${bank}/customers`)
      .set(user.auth)
      .send({ legal_name: 'A', mobile_phone_number: '1', customer_number: number })
      .expect(201);
    expectObpError(
      await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/customers`)
        .set(user.auth)
        .send({ legal_name: 'B', mobile_phone_number: '2', customer_number: number }),
      400,
      'OBP-30006',
    );
  });

  it('50 concurrent creates with one number give exactly one 201 and 49 OBP-30006', async () => {
    const user = await userWith(['CanCreateCustomer', bank]);
    const number = uniqueName('race');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        request(http)
          .post(`/obp/v5.1.0/banks/${bank}/customers`)
          .set(user.auth)
          .send({ legal_name: 'Racer', mobile_phone_number: '1', customer_number: number }),
      ),
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    const refused = responses.filter((response) => response.status === 400);
    expect(refused).toHaveLength(49);
    for (const response of refused) expect(response.body.message).toMatch(/^OBP-30006: /);
  });

  describe('get by customer number (behaviours 1.4 C7-C9)', () => {
    it.each([['3.1.0'], ['4.0.0'], ['5.0.0'], ['5.1.0']])('v%s: 401, 403, 404 OBP-30002, then 200', async (version) => {
      const path = `/obp/v${version}/banks/${bank}/customers/customer-number`;
      expectObpError(await request(http).post(path).send({ customer_number: '123' }), 401, 'OBP-20001');
      const user = await userWith(['CanCreateCustomer', bank]);
      const refused = await request(http).post(path).set(user.auth).send({ customer_number: '123' });
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanGetCustomer');
      await grantRole(app, user.userId, 'CanGetCustomer', bank);
      expectObpError(
        await request(http)
          .post(path)
          .set(user.auth)
          .send({ customer_number: uniqueName('none') }),
        404,
        'OBP-30002',
      );
      const created = await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/customers`)
        .set(user.auth)
        .send({ legal_name: 'N', mobile_phone_number: '1' })
        .expect(201);
      const found = await request(http).post(path).set(user.auth).send({ customer_number: created.body.customer_number }).expect(200);
      expect(found.body.customer_id).toBe(created.body.customer_id);
    });
  });

  describe('updates (behaviours 1.4)', () => {
    const cases: [string, string, Record<string, unknown>, (body: Record<string, unknown>) => void][] = [
      ['email', 'CanUpdateCustomerEmail', { email: 'marko@tesobe.com' }, (b) => expect(b.email).toBe('marko@tesobe.com')],
      [
        'mobile-number',
        'CanUpdateCustomerMobilePhoneNumber',
        { mobile_phone_number: '+381631954907' },
        (b) => expect(b.mobile_phone_number).toBe('+381631954907'),
      ],
      [
        'identity',
        'CanUpdateCustomerIdentity',
        { legal_name: 'New Name', date_of_birth: '1970-01-02T00:00:00Z', title: 'Prof.', name_suffix: 'Jr' },
        (b) => expect(b).toMatchObject({ legal_name: 'New Name', date_of_birth: '1970-01-02T00:00:00Z', title: 'Prof.', name_suffix: 'Jr' }),
      ],
      [
        'credit-limit',
        'CanUpdateCustomerCreditLimit',
        { credit_limit: { currency: 'EUR', amount: '1000' } },
        (b) => expect(b.credit_limit).toEqual({ currency: 'EUR', amount: '1000' }),
      ],
      [
        'credit-rating-and-source',
        'CanUpdateCustomerCreditRatingAndSource',
        { credit_rating: 'Good', credit_source: 'Bank' },
        (b) => expect(b.credit_rating).toEqual({ rating: 'Good', source: 'Bank' }),
      ],
      ['branch', 'CanUpdateCustomerBranch', { branch_id: '123' }, (b) => expect(b.branch_id).toBe('123')],
      [
        'data',
        'CanUpdateCustomerData',
        {
          face_image: { url: 'http://x/y.png', date: '2021-02-03T04:05:06Z' },
          relationship_status: 'married',
          dependants: 0,
          highest_education_attained: 'PhD',
          employment_status: 'retired',
        },
        (b) =>
          expect(b).toMatchObject({
            face_image: { url: 'http://x/y.png', date: '2021-02-03T04:05:06Z' },
            relationship_status: 'married',
            dependants: 0,
            highest_education_attained: 'PhD',
            employment_status: 'retired',
          }),
      ],
    ];

    it.each(cases)('PUT %s: 401, 403 naming %s, 200 with the change, persisted', async (segment, role, body, check) => {
      const owner = await userWith(['CanCreateCustomer', bank], ['CanGetCustomer', bank]);
      const created = await request(http).post(`/obp/v3.1.0/banks/${bank}/customers`).set(owner.auth).send(customerBodyV310()).expect(201);
      for (const version of ['3.1.0', '4.0.0', '5.0.0', '5.1.0']) {
        const path = `/obp/v${version}/banks/${bank}/customers/${created.body.customer_id}/${segment}`;
        expectObpError(await request(http).put(path).send(body), 401, 'OBP-20001');
        const refused = await request(http).put(path).set(owner.auth).send(body);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toContain(role);
      }
      await grantRole(app, owner.userId, role, bank);
      const path = `/obp/v5.1.0/banks/${bank}/customers/${created.body.customer_id}/${segment}`;
      expectObpError(await request(http).put(path).set(owner.auth).send({}), 400, 'OBP-10001');
      const updated = await request(http).put(path).set(owner.auth).send(body).expect(200);
      check(updated.body);
      const read = await request(http).get(`/obp/v5.1.0/banks/${bank}/customers/${created.body.customer_id}`).set(owner.auth).expect(200);
      check(read.body);
    });

    it('credit-rating-and-source names both roles and accepts the AtAnyBank one', async () => {
      const owner = await userWith(['CanCreateCustomer', bank]);
      const created = await request(http).post(`/obp/v3.1.0/banks/${bank}/customers`).set(owner.auth).send(customerBodyV310()).expect(201);
      const path = `/obp/v3.1.0/banks/${bank}/customers/${created.body.customer_id}/credit-rating-and-source`;
      const refused = await request(http).put(path).set(owner.auth).send({ credit_rating: 'Good', credit_source: 'Bank' });
      expect(refused.body.message).toContain('CanUpdateCustomerCreditRatingAndSource or CanUpdateCustomerCreditRatingAndSourceAtAnyBank');
      await grantRole(app, owner.userId, 'CanUpdateCustomerCreditRatingAndSourceAtAnyBank');
      await request(http).put(path).set(owner.auth).send({ credit_rating: 'Good', credit_source: 'Bank' }).expect(200);
    });

    it('number: refuses the current number, accepts a new one, and a number taken at the bank', async () => {
      const owner = await userWith(['CanCreateCustomer', bank], ['CanGetCustomer', bank], ['CanUpdateCustomerNumber', bank]);
      const first = await request(http).post(`/obp/v3.1.0/banks/${bank}/customers`).set(owner.auth).send(customerBodyV310()).expect(201);
      const second = await request(http).post(`/obp/v3.1.0/banks/${bank}/customers`).set(owner.auth).send(customerBodyV310()).expect(201);
      const path = `/obp/v3.1.0/banks/${bank}/customers/${first.body.customer_id}/number`;
      expectObpError(await request(http).put(path).set(owner.auth).send({ customer_number: first.body.customer_number }), 400, 'OBP-30006');
      expectObpError(await request(http).put(path).set(owner.auth).send({ customer_number: second.body.customer_number }), 400, 'OBP-30006');
      const fresh = uniqueName('new');
      const updated = await request(http).put(path).set(owner.auth).send({ customer_number: fresh }).expect(200);
      expect(updated.body.customer_number).toBe(fresh);
      const read = await request(http).get(`/obp/v3.1.0/banks/${bank}/customers/${first.body.customer_id}`).set(owner.auth).expect(200);
      expect(read.body.customer_number).toBe(fresh);
    });

    it('404 for an unknown customer or one of another bank', async () => {
      const owner = await userWith(['CanCreateCustomer', otherBank], ['CanUpdateCustomerEmail', bank]);
      const elsewhere = await request(http)
        .post(`/obp/v5.1.0/banks/${otherBank}/customers`)
        .set(owner.auth)
        .send({ legal_name: 'X', mobile_phone_number: '1' })
        .expect(201);
      const path = (id: string) => `/obp/v5.1.0/banks/${bank}/customers/${id}/email`;
      expectObpError(await request(http).put(path('00000000-0000-4000-8000-000000000000')).set(owner.auth).send({ email: 'a@b.c' }), 404, 'OBP-30046');
      expectObpError(await request(http).put(path(elsewhere.body.customer_id)).set(owner.auth).send({ email: 'a@b.c' }), 404, 'OBP-30046');
    });

    it('concurrent updates of different fields of one customer lose nothing', async () => {
      const owner = await userWith(
        ['CanCreateCustomer', bank],
        ['CanGetCustomer', bank],
        ['CanUpdateCustomerEmail', bank],
        ['CanUpdateCustomerBranch', bank],
        ['CanUpdateCustomerMobilePhoneNumber', bank],
      );
      const created = await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/customers`)
        .set(owner.auth)
        .send({ legal_name: 'C', mobile_phone_number: '0' })
        .expect(201);
      const base = `/obp/v5.1.0/banks/${bank}/customers/${created.body.customer_id}`;
      await Promise.all([
        request(http).put(`${base}/email`).set(owner.auth).send({ email: 'new@example.com' }).expect(200),
        request(http).put(`${base}/branch`).set(owner.auth).send({ branch_id: 'B42' }).expect(200),
        request(http).put(`${base}/mobile-number`).set(owner.auth).send({ mobile_phone_number: '+1555' }).expect(200),
      ]);
      const read = await request(http).get(base).set(owner.auth).expect(200);
      expect(read.body).toMatchObject({ email: 'new@example.com', branch_id: 'B42', mobile_phone_number: '+1555' });
    });
  });

  describe("the caller's customers", () => {
    it('lists only linked customers, in every form, and 401 anonymous', async () => {
      const user = await userWith(['CanCreateCustomer', bank], ['CanCreateUserCustomerLink', bank]);
      const linked = await request(http).post(`/obp/v2.0.0/banks/${bank}/customers`).set(user.auth).send(customerBodyV140(user.userId)).expect(201);
      await request(http).post(`/obp/v5.0.0/banks/${bank}/customers`).set(user.auth).send({ legal_name: 'Unlinked', mobile_phone_number: '1' }).expect(201);
      const id = linked.body.customer_id;

      const v3 = await request(http).get('/obp/v3.0.0/users/current/customers').set(user.auth).expect(200);
      expect(v3.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual([id]);
      expect(v3.body.customers[0].customer_attributes).toEqual([]);
      const v21 = await request(http).get('/obp/v2.1.0/users/current/customers').set(user.auth).expect(200);
      expect(v21.body.customers[0].bank_id).toBe(bank);
      expectObpError(await request(http).get('/obp/v2.2.0/users/current/customers').set(user.auth), 404, 'OBP-10404');

      for (const path of [`/obp/v5.0.0/my/customers`, `/obp/v5.1.0/banks/${bank}/my/customers`]) {
        const mine = await request(http).get(path).set(user.auth).expect(200);
        expect(mine.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual([id]);
        expectObpError(await request(http).get(path), 401, 'OBP-20001');
      }
      const ids = await request(http).get('/obp/v5.1.0/users/current/customers/customer_ids').set(user.auth).expect(200);
      expect(ids.body).toEqual({ customers: [{ id }] });
      expectObpError(await request(http).get('/obp/v5.1.0/users/current/customers/customer_ids'), 401, 'OBP-20001');
    });
  });
});
