import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Customer attributes and attribute definitions (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let otherBank: string;
  let creator: TestUser;

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  async function newCustomer(bankId = bank): Promise<string> {
    const created = await request(http)
      .post(`/obp/v5.1.0/banks/${bankId}/customers`)
      .set(creator.auth)
      .send({ legal_name: 'Attr Person', mobile_phone_number: '1' })
      .expect(201);
    return created.body.customer_id;
  }

  const attribute = { name: 'SPECIAL_TAX_NUMBER', type: 'STRING', value: '123456789' };

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    otherBank = await createBank(app);
    creator = await userWith(['CanCreateCustomerAtAnyBank']);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('4.0.0').map((v) => [v]))('v%s', (version) => {
    const base = (customerId: string) => `/obp/v${version}/banks/${bank}/customers/${customerId}`;

    it('create (singular path): 401, 403, 201 with one-bank or any-bank role, 400 bad type, 404 unknown customer, 400 other bank', async () => {
      const customerId = await newCustomer();
      expectObpError(
        await request(http)
          .post(`${base(customerId)}/attribute`)
          .send(attribute),
        401,
        'OBP-20001',
      );
      const noRole = await userWith();
      expectObpError(
        await request(http)
          .post(`${base(customerId)}/attribute`)
          .set(noRole.auth)
          .send(attribute),
        403,
        'OBP-20006',
      );
      const oneBank = await userWith(['CanCreateCustomerAttributeAtOneBank', bank]);
      const created = await request(http)
        .post(`${base(customerId)}/attribute`)
        .set(oneBank.auth)
        .send(attribute)
        .expect(201);
      expect(created.body).toEqual({ customer_attribute_id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...attribute });
      const anyBank = await userWith(['CanCreateCustomerAttributeAtAnyBank']);
      await request(http)
        .post(`${base(customerId)}/attribute`)
        .set(anyBank.auth)
        .send({ name: 'Tax', type: 'INTEGER', value: '42' })
        .expect(201);
      const badType = await request(http)
        .post(`${base(customerId)}/attribute`)
        .set(anyBank.auth)
        .send({ ...attribute, type: 'BLOB' });
      expectObpError(badType, 400, 'OBP-10001');
      expect(badType.body.message).toContain('type can only be one of STRING, INTEGER, DOUBLE, DATE_WITH_DAY');
      expectObpError(
        await request(http)
          .post(`${base(customerId)}/attribute`)
          .set(anyBank.auth)
          .send({ name: 'N', type: 'INTEGER', value: 'x' }),
        400,
        'OBP-10001',
      );
      expectObpError(
        await request(http)
          .post(`${base('00000000-0000-4000-8000-000000000000')}/attribute`)
          .set(anyBank.auth)
          .send(attribute),
        404,
        'OBP-30046',
      );
      const elsewhere = await newCustomer(otherBank);
      expectObpError(
        await request(http)
          .post(`${base(elsewhere)}/attribute`)
          .set(anyBank.auth)
          .send(attribute),
        400,
        'OBP-30113',
      );
    });

    it('list, get one, update (400 OBP-30069 for an unknown attribute), delete without the customer id (204)', async () => {
      const customerId = await newCustomer();
      const admin = await userWith(
        ['CanCreateCustomerAttributeAtAnyBank'],
        ['CanGetCustomerAttributesAtOneBank', bank],
        ['CanGetCustomerAttributeAtOneBank', bank],
        ['CanUpdateCustomerAttributeAtOneBank', bank],
        ['CanDeleteCustomerAttributeAtOneBank', bank],
      );
      const created = await request(http)
        .post(`${base(customerId)}/attribute`)
        .set(admin.auth)
        .send(attribute)
        .expect(201);
      const id = created.body.customer_attribute_id;

      const noRole = await userWith();
      expectObpError(
        await request(http)
          .get(`${base(customerId)}/attributes`)
          .set(noRole.auth),
        403,
        'OBP-20006',
      );
      expect(
        (
          await request(http)
            .get(`${base(customerId)}/attributes`)
            .set(admin.auth)
            .expect(200)
        ).body,
      ).toEqual({ customer_attributes: [created.body] });
      expect(
        (
          await request(http)
            .get(`${base(customerId)}/attributes/${id}`)
            .set(admin.auth)
            .expect(200)
        ).body,
      ).toEqual(created.body);

      const missing = await request(http)
        .put(`${base(customerId)}/attributes/00000000-0000-4000-8000-000000000000`)
        .set(admin.auth)
        .send(attribute);
      expectObpError(missing, 400, 'OBP-30069');
      const updated = await request(http)
        .put(`${base(customerId)}/attributes/${id}`)
        .set(admin.auth)
        .send({ name: 'DOB', type: 'DATE_WITH_DAY', value: '1990-01-31' })
        .expect(200);
      expect(updated.body).toEqual({ customer_attribute_id: id, name: 'DOB', type: 'DATE_WITH_DAY', value: '1990-01-31' });
      expect(
        (
          await request(http)
            .get(`${base(customerId)}/attributes/${id}`)
            .set(admin.auth)
        ).body.value,
      ).toBe('1990-01-31');
      // shown with the customer too
      await grantRole(app, admin.userId, 'CanGetCustomer', bank);
      expect((await request(http).get(base(customerId)).set(admin.auth).expect(200)).body.customer_attributes).toEqual([updated.body]);

      expectObpError(await request(http).delete(`/obp/v${version}/banks/${bank}/customers/attributes/${id}`), 401, 'OBP-20001');
      expectObpError(await request(http).delete(`/obp/v${version}/banks/${bank}/customers/attributes/${id}`).set(noRole.auth), 403, 'OBP-20006');
      const deleted = await request(http).delete(`/obp/v${version}/banks/${bank}/customers/attributes/${id}`).set(admin.auth).expect(204);
      expect(deleted.text).toBe('');
      expect(
        (
          await request(http)
            .get(`${base(customerId)}/attributes`)
            .set(admin.auth)
        ).body.customer_attributes,
      ).toEqual([]);
      expectObpError(await request(http).delete(`/obp/v${version}/banks/${bank}/customers/attributes/${id}`).set(admin.auth), 404, 'OBP-30069');
    });

    it('attribute definitions: 401, 403, create-or-update 201, list, delete 200 true', async () => {
      const path = `/obp/v${version}/banks/${bank}/attribute-definitions/customer`;
      const definition = {
        name: `DEF_${version.replace(/\./g, '')}`,
        category: 'Customer',
        type: 'STRING',
        description: 'd',
        alias: 'a',
        can_be_seen_on_views: ['bank'],
        is_active: true,
      };
      expectObpError(await request(http).put(path).send(definition), 401, 'OBP-20001');
      expectObpError(await request(http).get(path), 401, 'OBP-20001');
      expectObpError(await request(http).delete(`/obp/v${version}/banks/${bank}/attribute-definitions/x/customer`), 401, 'OBP-20001');
      const noRole = await userWith();
      expectObpError(await request(http).put(path).set(noRole.auth).send(definition), 403, 'OBP-20006');
      expectObpError(await request(http).get(path).set(noRole.auth), 403, 'OBP-20006');
      expectObpError(await request(http).delete(`/obp/v${version}/banks/${bank}/attribute-definitions/x/customer`).set(noRole.auth), 403, 'OBP-20006');

      const admin = await userWith(
        ['CanCreateCustomerAttributeDefinitionAtOneBank', bank],
        ['CanGetCustomerAttributeDefinitionAtOneBank', bank],
        ['CanDeleteCustomerAttributeDefinitionAtOneBank', bank],
      );
      const created = await request(http).put(path).set(admin.auth).send(definition).expect(201);
      expect(created.body).toEqual({ attribute_definition_id: expect.any(String), bank_id: bank, ...definition });
      const updated = await request(http)
        .put(path)
        .set(admin.auth)
        .send({ ...definition, description: 'changed' })
        .expect(201);
      expect(updated.body.attribute_definition_id).toBe(created.body.attribute_definition_id);
      const listed = await request(http).get(path).set(admin.auth).expect(200);
      expect(listed.body.attributes).toContainEqual(updated.body);
      expectObpError(
        await request(http)
          .put(path)
          .set(admin.auth)
          .send({ ...definition, category: 'Account' }),
        400,
        'OBP-10001',
      );
      const deleted = await request(http)
        .delete(`/obp/v${version}/banks/${bank}/attribute-definitions/${created.body.attribute_definition_id}/customer`)
        .set(admin.auth)
        .expect(200);
      expect(deleted.body).toBe(true);
      expect((await request(http).get(path).set(admin.auth)).body.attributes).not.toContainEqual(updated.body);
    });
  });

  describe('customers by attributes (behaviours 2.6)', () => {
    it('ORs the pairs and yields one item per matching attribute', async () => {
      const attrBank = await createBank(app);
      const customer = await request(http)
        .post(`/obp/v5.1.0/banks/${attrBank}/customers`)
        .set(creator.auth)
        .send({ legal_name: 'A', mobile_phone_number: '1' })
        .expect(201);
      const admin = await userWith(['CanCreateCustomerAttributeAtAnyBank'], ['CanGetCustomer', attrBank]);
      const post = (body: object) =>
        request(http).post(`/obp/v4.0.0/banks/${attrBank}/customers/${customer.body.customer_id}/attribute`).set(admin.auth).send(body).expect(201);
      await post(attribute);
      const path = `/obp/v4.0.0/banks/${attrBank}/customers`;

      const all = await request(http).get(path).set(admin.auth).expect(200);
      expect(all.body.customers).toHaveLength(1);
      expect(all.body.customers[0].customer_attributes[0]).toMatchObject({ name: 'SPECIAL_TAX_NUMBER', value: '123456789' });
      expect((await request(http).get(`${path}?SPECIAL_TAX_NUMBER=123456789`).set(admin.auth)).body.customers).toHaveLength(1);
      expect((await request(http).get(`${path}?SPECIAL_TAX_NUMBER=1234567891`).set(admin.auth)).body.customers).toHaveLength(0);
      expect((await request(http).get(`${path}?SPECIAL_TAX_NUMBER1=1234567891`).set(admin.auth)).body.customers).toHaveLength(0);

      await post({ name: 'Tax', type: 'STRING', value: 'tax123' });
      await post({ name: 'Hause', type: 'STRING', value: '1230' });
      const both = await request(http).get(`${path}?Tax=tax123&Hause=1230`).set(admin.auth).expect(200);
      expect(both.body.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual([customer.body.customer_id, customer.body.customer_id]);
      expect(both.body.customers[0].customer_attributes.map((a: { name: string }) => a.name)).toEqual(['SPECIAL_TAX_NUMBER', 'Tax', 'Hause']);
      expect((await request(http).get(`${path}?Tax=123tax&Hause=1230`).set(admin.auth)).body.customers).toHaveLength(1);
      expect(
        (
          await request(http)
            .get(`${path}?Tax=${encodeURIComponent("' OR 1=1 --")}`)
            .set(admin.auth)
        ).body.customers,
      ).toHaveLength(0);

      expectObpError(await request(http).get(path).set(creator.auth), 403, 'OBP-20006');
    });
  });
});
