import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { between, since } from '../../src/common/versioning/api-versions';
import { createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

/** A fresh bank id of at most 16 characters, as OBP allows. */
const newBankId = () => uniqueName('bk.').slice(0, 14);

describe('Banks (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let creator: TestUser;
  let plain: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    const consumerKey = (await createConsumer(app)).key;
    creator = await signUpAndLogin(app, consumerKey);
    await grantRole(app, creator.userId, 'CanCreateBank');
    plain = await signUpAndLogin(app, consumerKey);
  });

  afterAll(async () => {
    await app.close();
  });

  const v220Body = (id: string) => ({
    id,
    full_name: 'Test Bank',
    short_name: 'TB',
    logo_url: 'https://example.com/logo.png',
    website_url: 'https://example.com',
    swift_bic: 'TESTGB22',
    national_identifier: 'UK97ZZZ1234567890',
    bank_routing: { scheme: 'OBP', address: id },
  });

  it.each(between('2.2.0', '3.1.0').map((v) => [v]))('v%s create: 401, 403 CanCreateBank, 400 bad id, 201 and read-back', async (version) => {
    const id = newBankId();
    expectObpError(await request(http).post(`/obp/v${version}/banks`).send(v220Body(id)), 401, 'OBP-20001');
    const refused = await request(http).post(`/obp/v${version}/banks`).set(plain.auth).send(v220Body(id));
    expectObpError(refused, 403, 'OBP-20006');
    expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanCreateBank');
    expectObpError(await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send(v220Body('abc')), 400, 'OBP-10001');
    expectObpError(await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send(v220Body('bad id!')), 400, 'OBP-20011');
    expectObpError(await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send({ id }), 400, 'OBP-10001');
    const created = await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send(v220Body(id)).expect(201);
    expect(created.body).toEqual(v220Body(id));
    const read = await request(http).get(`/obp/v2.2.0/banks/${id}`).expect(200);
    expect(read.body).toEqual({
      id,
      short_name: 'TB',
      full_name: 'Test Bank',
      logo: 'https://example.com/logo.png',
      website: 'https://example.com',
      bank_routing: { scheme: 'OBP', address: id },
    });
    // the creator may now grant roles at the new bank
    const grants = await app
      .get(DataSource)
      .query("SELECT 1 FROM entitlements WHERE user_id = $1 AND bank_id = $2 AND role_name = 'CanCreateEntitlementAtOneBank'", [creator.userId, id]);
    expect(grants).toHaveLength(1);
  });

  it('v4.0.0 create takes routing lists and replaces an existing bank', async () => {
    const id = newBankId();
    const body = {
      id,
      short_name: 'S',
      full_name: 'Full',
      logo: 'l',
      website: 'w',
      bank_routings: [
        { scheme: 'BIC', address: 'ABCDGB22' },
        { scheme: 'OBP', address: id },
      ],
    };
    const created = await request(http).post('/obp/v4.0.0/banks').set(creator.auth).send(body).expect(201);
    expect(created.body).toEqual({ ...body, attributes: [] });
    await request(http)
      .post('/obp/v4.0.0/banks')
      .set(creator.auth)
      .send({ ...body, full_name: 'Renamed' })
      .expect(201);
    expect((await request(http).get(`/obp/v4.0.0/banks/${id}`).expect(200)).body.full_name).toBe('Renamed');
  });

  it.each(since('5.0.0').map((v) => [v]))('v%s create: generated id, refuses an existing id with OBP-34000', async (version) => {
    const generated = await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send({ bank_code: 'GEN' }).expect(201);
    expect(generated.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      bank_code: 'GEN',
      full_name: '',
      logo: '',
      website: '',
      bank_routings: [],
      attributes: [],
    });
    const id = newBankId();
    await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send({ id, bank_code: 'C1', full_name: 'F' }).expect(201);
    expectObpError(await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send({ id, bank_code: 'C2' }), 400, 'OBP-34000');
    const read = await request(http).get(`/obp/v${version}/banks/${id}`).expect(200);
    expect(read.body).toMatchObject({ id, bank_code: 'C1', full_name: 'F' });
    expectObpError(await request(http).post(`/obp/v${version}/banks`).set(creator.auth).send({ id: newBankId() }), 400, 'OBP-10001');
  });

  it('GET /banks and /banks/BANK_ID on every version: public, 404 unknown, 400 malformed', async () => {
    const id = newBankId();
    await request(http).post('/obp/v5.1.0/banks').set(creator.auth).send({ id, bank_code: 'LST' }).expect(201);
    for (const version of since('1.2.1')) {
      const listed = await request(http).get(`/obp/v${version}/banks`).expect(200);
      expect(listed.body.banks.map((bank: { id: string }) => bank.id)).toContain(id);
      const one = await request(http).get(`/obp/v${version}/banks/${id}`).expect(200);
      expect(one.body.id).toBe(id);
      expectObpError(await request(http).get(`/obp/v${version}/banks/${uniqueName('none')}`), 404, 'OBP-30001');
      expectObpError(await request(http).get(`/obp/v${version}/banks/${encodeURIComponent('bad bank!')}`), 400, 'OBP-30111');
    }
    const v121 = await request(http).get(`/obp/v1.2.1/banks/${id}`).expect(200);
    expect(v121.body).toEqual({ id, short_name: 'LST', full_name: null, logo: null, website: null, bank_routing: { scheme: null, address: null } });
    expect(Object.keys((await request(http).get(`/obp/v3.0.0/banks/${id}`)).body)).toEqual([
      'id',
      'short_name',
      'full_name',
      'logo',
      'website',
      'bank_routings',
      'attributes',
    ]);
  });
});
