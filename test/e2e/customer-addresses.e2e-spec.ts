import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { since } from '../../src/common/versioning/api-versions';
import { customerBodyV310 } from '../support/customer-bodies';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Customer addresses, tax residences, social media handles (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  async function newCustomer(user: TestUser, bankId = bank) {
    return (await request(http).post(`/obp/v3.1.0/banks/${bankId}/customers`).set(user.auth).send(customerBodyV310()).expect(201)).body as {
      customer_id: string;
      customer_number: string;
    };
  }

  const address = {
    line_1: 'No 1 the Road',
    line_2: 'The Place',
    line_3: 'The Hill',
    city: 'Berlin',
    county: '',
    state: 'Brandenburg',
    postcode: '13359',
    country_code: 'DE',
    tags: ['mailing', 'home'],
    status: 'OK',
  };

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('3.1.0').map((v) => [v]))('addresses v%s (behaviours 3)', (version) => {
    const base = (customerId: string) => `/obp/v${version}/banks/${bank}/customers/${customerId}`;

    it('401 and 403 naming the role on literal ids', async () => {
      expectObpError(
        await request(http)
          .post(`${base('CUSTOMER_ID')}/address`)
          .send(address),
        401,
        'OBP-20001',
      );
      expectObpError(await request(http).get(`${base('CUSTOMER_ID')}/addresses`), 401, 'OBP-20001');
      expectObpError(await request(http).delete(`${base('CUSTOMER_ID')}/addresses/CUSTOMER_ADDRESS_ID`), 401, 'OBP-20001');
      const noRole = await userWith();
      for (const [response, role] of [
        [
          await request(http)
            .post(`${base('CUSTOMER_ID')}/address`)
            .set(noRole.auth)
            .send(address),
          'CanCreateCustomerAddress',
        ],
        [
          await request(http)
            .get(`${base('CUSTOMER_ID')}/addresses`)
            .set(noRole.auth),
          'CanGetCustomerAddress',
        ],
        [
          await request(http)
            .delete(`${base('CUSTOMER_ID')}/addresses/CUSTOMER_ADDRESS_ID`)
            .set(noRole.auth),
          'CanDeleteCustomerAddress',
        ],
      ] as const) {
        expectObpError(response, 403, 'OBP-20006');
        expect(response.body.message).toContain(role);
      }
    });

    it('404 for an unknown customer; create 201, update 200, list, delete 200 true', async () => {
      const user = await userWith(
        ['CanCreateCustomer', bank],
        ['CanGetCustomer', bank],
        ['CanGetCustomerAddress', bank],
        ['CanCreateCustomerAddress', bank],
        ['CanDeleteCustomerAddress', bank],
      );
      expectObpError(
        await request(http)
          .post(`${base('CUSTOMER_ID')}/address`)
          .set(user.auth)
          .send(address),
        404,
        'OBP-30046',
      );
      const customer = await newCustomer(user);
      const created = await request(http)
        .post(`${base(customer.customer_id)}/address`)
        .set(user.auth)
        .send(address)
        .expect(201);
      expect(created.body).toEqual({
        customer_address_id: expect.any(String),
        customer_id: customer.customer_id,
        ...address,
        insert_date: expect.stringMatching(/Z$/),
      });
      const updated = await request(http)
        .put(`${base(customer.customer_id)}/addresses/${created.body.customer_address_id}`)
        .set(user.auth)
        .send({ ...address, city: 'Novi Sad' })
        .expect(200);
      expect(updated.body.city).toBe('Novi Sad');
      const listed = await request(http)
        .get(`${base(customer.customer_id)}/addresses`)
        .set(user.auth)
        .expect(200);
      expect(listed.body.addresses).toEqual([updated.body]);
      expect(listed.body.addresses.flatMap((a: { tags: string[] }) => a.tags).sort()).toEqual(['home', 'mailing']);
      expectObpError(
        await request(http)
          .post(`${base(customer.customer_id)}/address`)
          .set(user.auth)
          .send({ ...address, tags: 'home' }),
        400,
        'OBP-10001',
      );
      const deleted = await request(http)
        .delete(`${base(customer.customer_id)}/addresses/${created.body.customer_address_id}`)
        .set(user.auth)
        .expect(200);
      expect(deleted.body).toBe(true);
      expect(
        (
          await request(http)
            .get(`${base(customer.customer_id)}/addresses`)
            .set(user.auth)
        ).body.addresses,
      ).toEqual([]);
      expectObpError(
        await request(http)
          .delete(`${base(customer.customer_id)}/addresses/${created.body.customer_address_id}`)
          .set(user.auth),
        404,
        'OBP-30310',
      );
    });

    it("update needs CanCreateCustomer (OBP quirk) and only touches the customer's own address", async () => {
      const owner = await userWith(['CanCreateCustomer', bank], ['CanCreateCustomerAddress', bank]);
      const first = await newCustomer(owner);
      const second = await newCustomer(owner);
      const created = await request(http)
        .post(`${base(first.customer_id)}/address`)
        .set(owner.auth)
        .send(address)
        .expect(201);
      const addressOnly = await userWith(['CanCreateCustomerAddress', bank]);
      const refused = await request(http)
        .put(`${base(first.customer_id)}/addresses/${created.body.customer_address_id}`)
        .set(addressOnly.auth)
        .send(address);
      expect(refused.body.message).toContain('CanCreateCustomer');
      expectObpError(
        await request(http)
          .put(`${base(second.customer_id)}/addresses/${created.body.customer_address_id}`)
          .set(owner.auth)
          .send(address),
        404,
        'OBP-30310',
      );
    });
  });

  describe.each(since('3.1.0').map((v) => [v]))('tax residences v%s (behaviours 4)', (version) => {
    const base = (customerId: string) => `/obp/v${version}/banks/${bank}/customers/${customerId}`;
    const body = { domain: 'Enter some domain', tax_number: 'Enter some number' };

    it('401, 403 and 404 on literal ids, then the three spellings round-trip', async () => {
      expectObpError(
        await request(http)
          .post(`${base('CUSTOMER_ID')}/tax-residence`)
          .send(body),
        401,
        'OBP-20001',
      );
      expectObpError(await request(http).get(`${base('CUSTOMER_ID')}/tax-residences`), 401, 'OBP-20001');
      expectObpError(await request(http).delete(`${base('CUSTOMER_ID')}/tax_residencies/TAX_RESIDENCE_ID`), 401, 'OBP-20001');
      const noRole = await userWith();
      expect(
        (
          await request(http)
            .post(`${base('CUSTOMER_ID')}/tax-residence`)
            .set(noRole.auth)
            .send(body)
        ).body.message,
      ).toContain('CanCreateTaxResidence');
      expect(
        (
          await request(http)
            .get(`${base('CUSTOMER_ID')}/tax-residences`)
            .set(noRole.auth)
        ).body.message,
      ).toContain('CanGetTaxResidence');
      expect(
        (
          await request(http)
            .delete(`${base('CUSTOMER_ID')}/tax_residencies/X`)
            .set(noRole.auth)
        ).body.message,
      ).toContain('CanDeleteTaxResidence');

      const user = await userWith(['CanCreateCustomer', bank], ['CanCreateTaxResidence', bank], ['CanGetTaxResidence', bank], ['CanDeleteTaxResidence', bank]);
      expectObpError(
        await request(http)
          .post(`${base('CUSTOMER_ID')}/tax-residence`)
          .set(user.auth)
          .send(body),
        404,
        'OBP-30046',
      );
      expectObpError(
        await request(http)
          .get(`${base('CUSTOMER_ID')}/tax-residences`)
          .set(user.auth),
        404,
        'OBP-30046',
      );
      expectObpError(
        await request(http)
          .delete(`${base('CUSTOMER_ID')}/tax_residencies/X`)
          .set(user.auth),
        404,
        'OBP-30046',
      );

      const customer = await newCustomer(user);
      const created = await request(http)
        .post(`${base(customer.customer_id)}/tax-residence`)
        .set(user.auth)
        .send(body)
        .expect(201);
      expect(created.body).toEqual({ ...body, tax_residence_id: expect.any(String) });
      const listed = await request(http)
        .get(`${base(customer.customer_id)}/tax-residences`)
        .set(user.auth)
        .expect(200);
      expect(listed.body).toEqual({ tax_residence: [created.body] });
      expectObpError(
        await request(http)
          .post(`${base(customer.customer_id)}/tax-residence`)
          .set(user.auth)
          .send({ domain: 'x' }),
        400,
        'OBP-10001',
      );
      expect(
        (
          await request(http)
            .delete(`${base(customer.customer_id)}/tax_residencies/${created.body.tax_residence_id}`)
            .set(user.auth)
            .expect(200)
        ).body,
      ).toBe(true);
      expect(
        (
          await request(http)
            .get(`${base(customer.customer_id)}/tax-residences`)
            .set(user.auth)
        ).body.tax_residence,
      ).toEqual([]);
      expectObpError(
        await request(http)
          .delete(`${base(customer.customer_id)}/tax_residencies/${created.body.tax_residence_id}`)
          .set(user.auth),
        404,
        'OBP-30300',
      );
    });
  });

  describe('social media handles (v2.0.0+)', () => {
    it('401, 403, 404, 400 mismatched number, 201 and the "checks" list on every version', async () => {
      const creator = await userWith(['CanCreateCustomer', bank]);
      const customer = await newCustomer(creator);
      const user = await userWith(['CanAddSocialMediaHandle', bank], ['CanGetSocialMediaHandles', bank]);
      const noRole = await userWith();
      for (const version of since('2.0.0')) {
        const path = `/obp/v${version}/banks/${bank}/customers/${customer.customer_id}/social_media_handles`;
        const body = {
          customer_number: customer.customer_number,
          type: 'twitter',
          handle: `@${uniqueName('h')}`,
          date_added: '2020-01-01T00:00:00Z',
          date_activated: '2020-01-02T00:00:00Z',
        };
        expectObpError(await request(http).post(path).send(body), 401, 'OBP-20001');
        expect((await request(http).post(path).set(noRole.auth).send(body)).body.message).toContain('CanAddSocialMediaHandle');
        expect((await request(http).get(path).set(noRole.auth)).body.message).toContain('CanGetSocialMediaHandles');
        expectObpError(
          await request(http)
            .post(path)
            .set(user.auth)
            .send({ ...body, customer_number: 'someone-else' }),
          400,
          'OBP-10001',
        );
        expect((await request(http).post(path).set(user.auth).send(body).expect(201)).body).toEqual({ success: 'Success' });
        const listed = await request(http).get(path).set(user.auth).expect(200);
        expect(listed.body.checks).toContainEqual(body);
      }
      expectObpError(
        await request(http).get(`/obp/v2.0.0/banks/${bank}/customers/00000000-0000-4000-8000-000000000000/social_media_handles`).set(user.auth),
        404,
        'OBP-30046',
      );
    });
  });

  it('deleting a customer removes its addresses, tax residences and handles (foreign keys cascade)', async () => {
    const user = await userWith(['CanCreateCustomer', bank], ['CanCreateCustomerAddress', bank], ['CanCreateTaxResidence', bank]);
    const customer = await newCustomer(user);
    await request(http).post(`/obp/v3.1.0/banks/${bank}/customers/${customer.customer_id}/address`).set(user.auth).send(address).expect(201);
    await request(http)
      .post(`/obp/v3.1.0/banks/${bank}/customers/${customer.customer_id}/tax-residence`)
      .set(user.auth)
      .send({ domain: 'd', tax_number: 't' })
      .expect(201);
    const db = app.get(DataSource);
    await db.query('DELETE FROM customers WHERE customer_id = $1', [customer.customer_id]);
    for (const table of ['customer_addresses', 'tax_residences', 'social_media_handles']) {
      expect(await db.query(`SELECT 1 FROM ${table} WHERE customer_id = $1`, [customer.customer_id])).toHaveLength(0);
    }
  });
});
