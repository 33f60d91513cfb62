import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

interface Customer {
  customer_id: string;
  customer_number: string;
}

describe('KYC documents, checks, media and statuses (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let staff: TestUser;

  const ADD_ROLES = ['CanAddKycDocument', 'CanAddKycCheck', 'CanAddKycMedia', 'CanAddKycStatus'];
  const GET_ROLES = ['CanGetAnyKycDocuments', 'CanGetAnyKycChecks', 'CanGetAnyKycMedia', 'CanGetAnyKycStatuses'];

  async function newCustomer(bankId = bank): Promise<Customer> {
    const created = await request(http)
      .post(`/obp/v5.1.0/banks/${bankId}/customers`)
      .set(staff.auth)
      .send({ legal_name: 'K Y C', mobile_phone_number: '+4411' })
      .expect(201);
    return created.body;
  }

  const documentBody = (customer: Customer) => ({
    customer_number: customer.customer_number,
    type: 'passport',
    number: 'P123456',
    issue_date: '2020-01-02T00:00:00Z',
    issue_place: 'Berlin',
    expiry_date: '2030-01-02T00:00:00Z',
  });
  const checkBody = (customer: Customer) => ({
    customer_number: customer.customer_number,
    date: '2026-03-01T10:00:00Z',
    how: 'online_meeting',
    staff_user_id: staff.userId,
    staff_name: 'Simon',
    satisfied: true,
    comments: 'All good',
  });
  const mediaBody = (customer: Customer, documentId = '', checkId = '') => ({
    customer_number: customer.customer_number,
    type: 'image',
    url: 'https://example.com/id-docs/123/image.png',
    date: '2026-03-01T10:05:00Z',
    relates_to_kyc_document_id: documentId,
    relates_to_kyc_check_id: checkId,
  });

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    staff = await signUpAndLogin(app, consumerKey);
    await grantRole(app, staff.userId, 'CanCreateCustomer', bank);
    await grantRole(app, staff.userId, 'CanGetCustomer', bank);
    for (const role of ADD_ROLES) await grantRole(app, staff.userId, role, bank);
    for (const role of GET_ROLES) await grantRole(app, staff.userId, role);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('2.0.0').map((v) => [v]))('v%s', (version) => {
    const base = `/obp/v${version}`;

    it('document: 201 with the shape, idempotent upsert by id, read back', async () => {
      const customer = await newCustomer();
      const path = `${base}/banks/${bank}/customers/${customer.customer_id}/kyc_documents/doc-1`;
      const first = await request(http).put(path).set(staff.auth).send(documentBody(customer)).expect(201);
      expect(first.body).toEqual({ bank_id: bank, customer_id: customer.customer_id, id: 'doc-1', ...documentBody(customer) });
      await request(http)
        .put(path)
        .set(staff.auth)
        .send({ ...documentBody(customer), issue_place: 'Munich' })
        .expect(201);
      const listed = await request(http).get(`${base}/customers/${customer.customer_id}/kyc_documents`).set(staff.auth).expect(200);
      expect(listed.body).toEqual({ documents: [{ ...first.body, issue_place: 'Munich' }] });
    });

    it('check: 201 with the shape on the singular kyc_check path, read back', async () => {
      const customer = await newCustomer();
      const created = await request(http)
        .put(`${base}/banks/${bank}/customers/${customer.customer_id}/kyc_check/check-1`)
        .set(staff.auth)
        .send(checkBody(customer))
        .expect(201);
      expect(created.body).toEqual({ bank_id: bank, customer_id: customer.customer_id, id: 'check-1', ...checkBody(customer) });
      const listed = await request(http).get(`${base}/customers/${customer.customer_id}/kyc_checks`).set(staff.auth).expect(200);
      expect(listed.body).toEqual({ checks: [created.body] });
    });

    it('media: references a document and a check of the same customer; unknown or foreign references are refused', async () => {
      const customer = await newCustomer();
      const other = await newCustomer();
      const at = (c: Customer, kind: string, id: string) => `${base}/banks/${bank}/customers/${c.customer_id}/${kind}/${id}`;
      await request(http)
        .put(at(customer, 'kyc_documents', 'd1'))
        .set(staff.auth)
        .send(documentBody(customer))
        .expect(201);
      await request(http)
        .put(at(customer, 'kyc_check', 'c1'))
        .set(staff.auth)
        .send(checkBody(customer))
        .expect(201);
      await request(http)
        .put(at(other, 'kyc_documents', 'od1'))
        .set(staff.auth)
        .send(documentBody(other))
        .expect(201);

      const created = await request(http)
        .put(at(customer, 'kyc_media', 'm1'))
        .set(staff.auth)
        .send(mediaBody(customer, 'd1', 'c1'))
        .expect(201);
      expect(created.body).toEqual({ bank_id: bank, customer_id: customer.customer_id, id: 'm1', ...mediaBody(customer, 'd1', 'c1') });
      const plain = await request(http)
        .put(at(customer, 'kyc_media', 'm2'))
        .set(staff.auth)
        .send(mediaBody(customer))
        .expect(201);
      expect(plain.body).toMatchObject({ relates_to_kyc_document_id: '', relates_to_kyc_check_id: '' });

      expectObpError(
        await request(http)
          .put(at(customer, 'kyc_media', 'm3'))
          .set(staff.auth)
          .send(mediaBody(customer, 'od1')),
        404,
        'OBP-30091',
      );
      expectObpError(
        await request(http)
          .put(at(customer, 'kyc_media', 'm3'))
          .set(staff.auth)
          .send(mediaBody(customer, 'nope')),
        404,
        'OBP-30091',
      );
      expectObpError(
        await request(http)
          .put(at(customer, 'kyc_media', 'm3'))
          .set(staff.auth)
          .send(mediaBody(customer, '', 'nope')),
        404,
        'OBP-30092',
      );
      expectObpError(
        await request(http)
          .put(at(customer, 'kyc_media', 'm3'))
          .set(staff.auth)
          .send({ ...mediaBody(customer), url: 'not a url' }),
        400,
        'OBP-10001',
      );

      const listed = await request(http).get(`${base}/customers/${customer.customer_id}/kyc_media`).set(staff.auth).expect(200);
      expect(listed.body.medias.map((media: { id: string }) => media.id)).toEqual(['m1', 'm2']);
    });

    it('statuses: append-only timeline oldest first; the customer follows the newest entry', async () => {
      const customer = await newCustomer();
      const path = `${base}/banks/${bank}/customers/${customer.customer_id}/kyc_statuses`;
      const add = (ok: boolean, date: string) => request(http).put(path).set(staff.auth).send({ customer_number: customer.customer_number, ok, date });
      const first = await add(true, '2026-02-01T00:00:00Z').expect(201);
      expect(first.body).toEqual({ customer_id: customer.customer_id, customer_number: customer.customer_number, ok: true, date: '2026-02-01T00:00:00Z' });
      await add(false, '2026-03-01T00:00:00Z').expect(201);
      await add(true, '2026-01-01T00:00:00Z').expect(201);

      const listed = await request(http).get(`${base}/customers/${customer.customer_id}/kyc_statuses`).set(staff.auth).expect(200);
      expect(listed.body.statuses.map((s: { ok: boolean; date: string }) => [s.date, s.ok])).toEqual([
        ['2026-01-01T00:00:00Z', true],
        ['2026-02-01T00:00:00Z', true],
        ['2026-03-01T00:00:00Z', false],
      ]);
      const read = await request(http).get(`/obp/v5.1.0/banks/${bank}/customers/${customer.customer_id}`).set(staff.auth).expect(200);
      expect(read.body).toMatchObject({ kyc_status: false, last_ok_date: '2026-02-01T00:00:00Z' });
    });

    it('PUT: 401 anonymous, 403 naming the role (checked before the bank), 404 unknown bank or customer, 400 bad body or customer_number', async () => {
      const customer = await newCustomer();
      const noRole = await signUpAndLogin(app, consumerKey);
      const puts: [string, string, Record<string, unknown>][] = [
        ['kyc_documents/x1', 'CanAddKycDocument', documentBody(customer)],
        ['kyc_check/x1', 'CanAddKycCheck', checkBody(customer)],
        ['kyc_media/x1', 'CanAddKycMedia', mediaBody(customer)],
        ['kyc_statuses', 'CanAddKycStatus', { customer_number: customer.customer_number, ok: true, date: '2026-01-01T00:00:00Z' }],
      ];
      for (const [suffix, role, body] of puts) {
        const path = (b: string, c: string) => `${base}/banks/${b}/customers/${c}/${suffix}`;
        expectObpError(await request(http).put(path(bank, customer.customer_id)).send(body), 401, 'OBP-20001');
        const refused = await request(http).put(path(bank, customer.customer_id)).set(noRole.auth).send(body);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toContain(role);
        expectObpError(
          await request(http)
            .put(path(uniqueName('nob'), customer.customer_id))
            .set(noRole.auth)
            .send(body),
          403,
          'OBP-20006',
        );
        await grantRole(app, noRole.userId, role, 'unknown-bank-with-role');
        expectObpError(await request(http).put(path('unknown-bank-with-role', customer.customer_id)).set(noRole.auth).send(body), 404, 'OBP-30001');
        expectObpError(await request(http).put(path(bank, 'no-such-customer')).set(staff.auth).send(body), 404, 'OBP-30046');
        expectObpError(
          await request(http)
            .put(path(bank, customer.customer_id))
            .set(staff.auth)
            .send({ ...body, date: '01/02/2026', issue_date: 'x' }),
          400,
          'OBP-10001',
        );
        expectObpError(
          await request(http)
            .put(path(bank, customer.customer_id))
            .set(staff.auth)
            .send({ ...body, customer_number: 'other' }),
          400,
          'OBP-30093',
        );
      }
      const refused = await request(http)
        .put(`${base}/banks/${bank}/customers/${customer.customer_id}/kyc_check/x2`)
        .set(staff.auth)
        .send({ ...checkBody(customer), satisfied: 'yes' });
      expectObpError(refused, 400, 'OBP-10001');
      expect(refused.body.message).toContain('The Json body should be the PostKycCheckJSON ');
      expectObpError(
        await request(http)
          .put(`${base}/banks/${bank}/customers/${customer.customer_id}/kyc_check/${'x'.repeat(37)}`)
          .set(staff.auth)
          .send(checkBody(customer)),
        400,
        'OBP-10001',
      );
    });

    it('GET lists: 401 anonymous, 403 naming the system role, 404 unknown customer', async () => {
      const customer = await newCustomer();
      const noRole = await signUpAndLogin(app, consumerKey);
      const bankRoleOnly = await signUpAndLogin(app, consumerKey);
      const lists: [string, string][] = [
        ['kyc_documents', 'CanGetAnyKycDocuments'],
        ['kyc_checks', 'CanGetAnyKycChecks'],
        ['kyc_media', 'CanGetAnyKycMedia'],
        ['kyc_statuses', 'CanGetAnyKycStatuses'],
      ];
      for (const [suffix, role] of lists) {
        const path = (c: string) => `${base}/customers/${c}/${suffix}`;
        expectObpError(await request(http).get(path(customer.customer_id)), 401, 'OBP-20001');
        const refused = await request(http).get(path(customer.customer_id)).set(noRole.auth);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toContain(role);
        await grantRole(app, bankRoleOnly.userId, role, bank);
        expectObpError(await request(http).get(path(customer.customer_id)).set(bankRoleOnly.auth), 403, 'OBP-20006');
        expectObpError(await request(http).get(path('no-such-customer')).set(staff.auth), 404, 'OBP-30046');
        const empty = await request(http).get(path(customer.customer_id)).set(staff.auth).expect(200);
        expect(Object.values(empty.body)).toEqual([[]]);
      }
    });
  });

  it('deleting a customer removes its KYC records', async () => {
    const customer = await newCustomer();
    const at = (kind: string, id: string) => `/obp/v5.1.0/banks/${bank}/customers/${customer.customer_id}/${kind}/${id}`;
    await request(http).put(at('kyc_documents', 'd')).set(staff.auth).send(documentBody(customer)).expect(201);
    await request(http).put(at('kyc_check', 'c')).set(staff.auth).send(checkBody(customer)).expect(201);
    await request(http)
      .put(at('kyc_media', 'm'))
      .set(staff.auth)
      .send(mediaBody(customer, 'd', 'c'))
      .expect(201);
    await request(http)
      .put(`/obp/v5.1.0/banks/${bank}/customers/${customer.customer_id}/kyc_statuses`)
      .set(staff.auth)
      .send({ customer_number: customer.customer_number, ok: true, date: '2026-01-01T00:00:00Z' })
      .expect(201);
    await grantRole(app, staff.userId, 'CanDeleteCustomerCascade', bank);
    await request(http).delete(`/obp/v5.1.0/management/cascading/banks/${bank}/customers/${customer.customer_id}`).set(staff.auth).expect(200);
    const counts = await app.get(DataSource).query(
      `SELECT (SELECT count(*) FROM kyc_documents WHERE customer_id = $1)::int + (SELECT count(*) FROM kyc_checks WHERE customer_id = $1)::int
            + (SELECT count(*) FROM kyc_media WHERE customer_id = $1)::int + (SELECT count(*) FROM kyc_statuses WHERE customer_id = $1)::int AS n`,
      [customer.customer_id],
    );
    expect(counts[0].n).toBe(0);
  });
});
