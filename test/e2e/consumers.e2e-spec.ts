import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CompactSign } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { between, since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, directLogin, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const consumerBody = () => ({
  app_name: uniqueName('app '),
  app_type: 'Web',
  description: 'Account Management',
  developer_email: 'dev@example.com',
  redirect_url: 'https://example.com/callback',
  created_by_user_id: 'ignored',
  enabled: true,
  created: '2024-10-16T00:00:00Z',
});

describe('Consumers (e2e, behaviours §15.1-15.2)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;

  async function userWith(...roles: string[]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const role of roles) await grantRole(app, user.userId, role);
    return user;
  }

  async function createdBy(user: TestUser): Promise<{ consumer_id: string; key: string; secret: string; pk: number }> {
    await grantRole(app, user.userId, 'CanCreateConsumer');
    const created = await request(http).post('/obp/v5.1.0/management/consumers').set(user.auth).send(consumerBody()).expect(201);
    const [{ id }] = await app.get(DataSource).query('SELECT id FROM consumers WHERE consumer_id = $1', [created.body.consumer_id]);
    return { ...created.body, pk: id };
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('create', () => {
    it.each<[string, number]>([['2.2.0', 200], ...since('4.0.0').map((v): [string, number] => [v, 201])])(
      'v%s: 401, 403, 400, then %s with key and secret shown once',
      async (version, status) => {
        const path = `/obp/v${version}/management/consumers`;
        expectObpError(await request(http).post(path).send(consumerBody()), 401, 'OBP-20001');
        const user = await userWith();
        const refused = await request(http).post(path).set(user.auth).send(consumerBody());
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanCreateConsumer');
        await grantRole(app, user.userId, 'CanCreateConsumer');
        expectObpError(
          await request(http)
            .post(path)
            .set(user.auth)
            .send({ ...consumerBody(), enabled: 'yes' }),
          400,
          'OBP-10001',
        );
        const body = consumerBody();
        const created = await request(http).post(path).set(user.auth).send(body).expect(status);
        expect(created.body).toEqual({
          consumer_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          key: expect.stringMatching(/^[a-z0-9]{40}$/),
          secret: expect.stringMatching(/^[a-z0-9]{40}$/),
          app_name: body.app_name,
          app_type: 'Web',
          description: body.description,
          developer_email: body.developer_email,
          redirect_url: body.redirect_url,
          created_by_user_id: user.userId,
          created_by_user: {
            user_id: user.userId,
            email: `${user.username}@example.com`,
            provider_id: user.username,
            provider: expect.any(String),
            username: user.username,
          },
          enabled: true,
          created: expect.stringMatching(/Z$/),
          client_certificate: '',
        });
        // The new consumer works for DirectLogin with its key.
        await directLogin(app, user.username, user.password, created.body.key).expect(201);
        const [row] = await app.get(DataSource).query('SELECT secret_hash FROM consumers WHERE consumer_id = $1', [created.body.consumer_id]);
        expect(row.secret_hash).not.toContain(created.body.secret);
      },
    );
  });

  describe('read', () => {
    it.each(since('3.1.0').map((v) => [v]))("v%s get one: 403 naming CanGetConsumers, 404 with OBP's message, 200 read-back", async (version) => {
      const owner = await userWith();
      const consumer = await createdBy(owner);
      const reader = await userWith();
      const path = (id: string) => `/obp/v${version}/management/consumers/${id}`;
      expectObpError(await request(http).get(path(consumer.consumer_id)), 401, 'OBP-20001');
      const refused = await request(http).get(path('non existing CONSUMER_ID')).set(reader.auth);
      expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanGetConsumers');
      await grantRole(app, reader.userId, 'CanGetConsumers');
      const missing = await request(http).get(path('non existing CONSUMER_ID')).set(reader.auth);
      expectObpError(missing, 404, 'OBP-30019');
      expect(missing.body.message).toBe(
        'OBP-30019: Consumer not found. Please specify a valid value for CONSUMER_ID. Current ConsumerId is non existing CONSUMER_ID',
      );
      const got = await request(http).get(path(consumer.consumer_id)).set(reader.auth).expect(200);
      expect(got.body).toMatchObject({ consumer_id: consumer.consumer_id, created_by_user_id: owner.userId, enabled: true });
      expect(got.body).not.toHaveProperty('secret');
    });

    it.each(between('2.1.0', '3.0.0').map((v) => [v]))('v%s get one and all by numeric id', async (version) => {
      const consumer = await createdBy(await userWith());
      const reader = await userWith('CanGetConsumers');
      const got = await request(http).get(`/obp/v${version}/management/consumers/${consumer.pk}`).set(reader.auth).expect(200);
      expect(got.body).toMatchObject({ consumer_id: consumer.pk, app_name: expect.any(String) });
      expectObpError(await request(http).get(`/obp/v${version}/management/consumers/${consumer.consumer_id}`).set(reader.auth), 400, 'OBP-20014');
      expectObpError(await request(http).get(`/obp/v${version}/management/consumers/999999999`).set(reader.auth), 404, 'OBP-30019');
      const all = await request(http).get(`/obp/v${version}/management/consumers`).set(reader.auth).expect(200);
      expect(all.body.list.map((c: { consumer_id: number }) => c.consumer_id)).toContain(consumer.pk);
    });

    it.each(since('3.1.0').map((v) => [v]))('v%s list: 401, 403, paged by creation date; mine lists only my consumers', async (version) => {
      expectObpError(await request(http).get(`/obp/v${version}/management/consumers`), 401, 'OBP-20001');
      expectObpError(await request(http).get(`/obp/v${version}/management/users/current/consumers`), 401, 'OBP-20001');
      const owner = await userWith();
      const mine = [await createdBy(owner), await createdBy(owner)];
      const refused = await request(http).get(`/obp/v${version}/management/consumers`).set(owner.auth);
      expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanGetConsumers');
      const listed = await request(http).get(`/obp/v${version}/management/users/current/consumers`).set(owner.auth).expect(200);
      expect(listed.body.consumers.map((c: { consumer_id: string }) => c.consumer_id)).toEqual(mine.map((c) => c.consumer_id));
      await grantRole(app, owner.userId, 'CanGetConsumers');
      const page = await request(http).get(`/obp/v${version}/management/consumers?limit=1&sort_direction=DESC`).set(owner.auth).expect(200);
      expect(page.body.consumers).toHaveLength(1);
      expectObpError(await request(http).get(`/obp/v${version}/management/consumers?from_date=yesterday`).set(owner.auth), 400, 'OBP-10026');
    });
  });

  describe('enable / disable', () => {
    it.each(since('3.1.0').map((v) => [v]))(
      'v%s: each direction needs its role; disabling refuses logins (OBP-20008) and existing tokens at once',
      async (version) => {
        const holder = await signUpAndLogin(app, consumerKey);
        const target = await createdBy(holder);
        const user = await signUpAndLogin(app, target.key);
        await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);

        const admin = await userWith();
        const path = `/obp/v${version}/management/consumers/${target.consumer_id}`;
        expectObpError(await request(http).put(path).send({ enabled: false }), 401, 'OBP-20001');
        expectObpError(await request(http).put(path).set(admin.auth).send({ enabled: false }), 403, 'OBP-20006');
        await grantRole(app, admin.userId, 'CanEnableConsumers');
        const wrongDirection = await request(http).put(path).set(admin.auth).send({ enabled: false });
        expectObpError(wrongDirection, 403, 'OBP-20006');
        expect(wrongDirection.body.message).toContain('CanDisableConsumers');
        await grantRole(app, admin.userId, 'CanDisableConsumers');
        expectObpError(
          await request(http)
            .put(`/obp/v${version}/management/consumers/${'0'.repeat(8)}-0000-0000-0000-000000000000`)
            .set(admin.auth)
            .send({ enabled: false }),
          404,
          'OBP-30019',
        );
        expectObpError(await request(http).put(path).set(admin.auth).send({ enabled: 'no' }), 400, 'OBP-10001');

        expect((await request(http).put(path).set(admin.auth).send({ enabled: false }).expect(200)).body).toEqual({ enabled: false });
        expectObpError(await request(http).get('/obp/v5.1.0/users/current').set(user.auth), 401, 'OBP-20003');
        expectObpError(await directLogin(app, user.username, user.password, target.key), 401, 'OBP-20008');

        expect((await request(http).put(path).set(admin.auth).send({ enabled: true }).expect(200)).body).toEqual({ enabled: true });
        await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
      },
    );

    it.each(between('2.1.0', '3.0.0').map((v) => [v]))('v%s by numeric id', async (version) => {
      const target = await createdBy(await userWith());
      const admin = await userWith('CanDisableConsumers');
      await request(http).put(`/obp/v${version}/management/consumers/${target.pk}`).set(admin.auth).send({ enabled: false }).expect(200);
      const [row] = await app.get(DataSource).query('SELECT enabled FROM consumers WHERE id = $1', [target.pk]);
      expect(row.enabled).toBe(false);
      expectObpError(await request(http).put(`/obp/v${version}/management/consumers/abc`).set(admin.auth).send({ enabled: false }), 400, 'OBP-20014');
    });
  });

  describe('redirect URL (behaviours §15.1)', () => {
    const body = { redirect_url: 'x-com.tesobe.helloobp.ios://callback' };

    it.each<[string, string]>([...between('2.1.0', '5.0.0').map((v): [string, string] => [v, 'pk']), ['5.1.0', 'consumer_id']])(
      'v%s (by %s): 403 exact, 400 OBP-20015 for another developer, 200 and disabled afterwards',
      async (version, idKind) => {
        const u1 = await userWith();
        const consumer = await createdBy(u1);
        const id = idKind === 'pk' ? String(consumer.pk) : consumer.consumer_id;
        const path = `/obp/v${version}/management/consumers/${id}/consumer/redirect_url`;
        expectObpError(await request(http).put(path).send(body), 401, 'OBP-20001');
        const refused = await request(http).put(path).set(u1.auth).send(body);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanUpdateConsumerRedirectUrl');
        const u2 = await userWith('CanUpdateConsumerRedirectUrl');
        const notMine = await request(http).put(path).set(u2.auth).send(body);
        expectObpError(notMine, 400, 'OBP-20015');
        await grantRole(app, u1.userId, 'CanUpdateConsumerRedirectUrl');
        expectObpError(await request(http).put(path).set(u1.auth).send({}), 400, 'OBP-10001');
        const updated = await request(http).put(path).set(u1.auth).send(body).expect(200);
        expect(updated.body).toMatchObject({ redirect_url: body.redirect_url, enabled: false });
        const [row] = await app.get(DataSource).query('SELECT redirect_url, enabled FROM consumers WHERE consumer_id = $1', [consumer.consumer_id]);
        expect(row).toEqual({ redirect_url: body.redirect_url, enabled: false });
      },
    );
  });

  describe('dynamic registration (v5.1.0)', () => {
    const fixtures = join(__dirname, '..', 'fixtures');
    const certificate = readFileSync(join(fixtures, 'tpp-test.cert.pem'), 'utf8');
    const sign = (payload: object, keyFile = 'tpp-test.key.pem') =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256' })
        .sign(createPrivateKey(readFileSync(join(fixtures, keyFile))));
    const path = '/obp/v5.1.0/dynamic-registration/consumers';

    it("201 for a JWT signed by the certificate's key; the consumer is enabled and named from the certificate", async () => {
      const jwt = await sign({ description: 'TPP description', redirect_url: 'https://tpp.example.com/cb' });
      const created = await request(http).post(path).set('PSD2-CERT', certificate.replace(/\n/g, '\\n')).send({ jwt }).expect(201);
      expect(created.body).toMatchObject({
        consumer_id: expect.any(String),
        consumer_key: expect.stringMatching(/^[a-z0-9]{40}$/),
        consumer_secret: expect.stringMatching(/^[a-z0-9]{40}$/),
        app_name: 'Test TPP App',
        app_type: 'Confidential',
        description: 'TPP description',
        developer_email: 'tpp@example.com',
        company: 'Test TPP GmbH',
        redirect_url: 'https://tpp.example.com/cb',
        enabled: true,
        certificate_info: { subject_domain_name: expect.stringContaining('CN=Test TPP App') },
      });
      const user = await signUpAndLogin(app, created.body.consumer_key);
      expect(user.token).toEqual(expect.any(String));
    });

    it('refuses unsigned, mismatched and malformed requests with clear OBP errors', async () => {
      const good = await sign({ description: 'x' });
      const [header, payload] = good.split('.');
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
      expectObpError(await request(http).post(path).send({ jwt: good }), 400, 'OBP-20300');
      expectObpError(await request(http).post(path).set('PSD2-CERT', 'not a certificate').send({ jwt: good }), 400, 'OBP-20300');
      expectObpError(await request(http).post(path).set('PSD2-CERT', certificate.replace(/\n/g, '\\n')).send({ jwt: unsigned }), 400, 'OBP-34110');
      expectObpError(
        await request(http)
          .post(path)
          .set('PSD2-CERT', certificate.replace(/\n/g, '\\n'))
          .send({ jwt: await sign({ description: 'x' }, 'other.key.pem') }),
        400,
        'OBP-34110',
      );
      expectObpError(
        await request(http)
          .post(path)
          .set('PSD2-CERT', certificate.replace(/\n/g, '\\n'))
          .send({ jwt: `${header}.${payload}.AAAA` }),
        400,
        'OBP-34110',
      );
      expectObpError(
        await request(http)
          .post(path)
          .set('PSD2-CERT', certificate.replace(/\n/g, '\\n'))
          .send({ jwt: await sign({ app_name: 'no description' }) }),
        400,
        'OBP-10001',
      );
      expectObpError(await request(http).post(path).set('PSD2-CERT', certificate.replace(/\n/g, '\\n')).send({}), 400, 'OBP-10001');
    });
  });

  describe('scopes (behaviours §15.5 API)', () => {
    it.each(since('4.0.0').map((v) => [v]))(
      'v%s: 404 unknown consumer, 201, list, 400 unknown role / bank-system rule / unknown bank / duplicate, delete',
      async (version) => {
        const consumer = await createdBy(await userWith());
        const admin = await userWith('CanCreateScopeAtAnyBank');
        const base = `/obp/v${version}/consumers`;
        expectObpError(await request(http).post(`${base}/${consumer.consumer_id}/scopes`).send({ bank_id: '', role_name: 'CanGetAnyUser' }), 401, 'OBP-20001');
        const noRole = await userWith();
        expectObpError(
          await request(http).post(`${base}/${consumer.consumer_id}/scopes`).set(noRole.auth).send({ bank_id: '', role_name: 'CanGetAnyUser' }),
          403,
          'OBP-20006',
        );
        expectObpError(
          await request(http)
            .post(`${base}/${'0'.repeat(8)}-0000-0000-0000-000000000000/scopes`)
            .set(admin.auth)
            .send({ bank_id: '', role_name: 'CanDeleteScopeAtAnyBank' }),
          404,
          'OBP-30019',
        );

        const created = await request(http)
          .post(`${base}/${consumer.consumer_id}/scopes`)
          .set(admin.auth)
          .send({ bank_id: '', role_name: 'CanDeleteScopeAtAnyBank' })
          .expect(201);
        expect(created.body).toEqual({ scope_id: expect.any(String), role_name: 'CanDeleteScopeAtAnyBank', bank_id: '' });
        const incorrect = await request(http)
          .post(`${base}/${consumer.consumer_id}/scopes`)
          .set(admin.auth)
          .send({ bank_id: '', role_name: 'IncorrectRoleName' });
        expectObpError(incorrect, 400, 'OBP-10007');
        expect(incorrect.body.message).toContain('OBP-10007: Incorrect Role name:');
        const unknownBank = await request(http)
          .post(`${base}/${consumer.consumer_id}/scopes`)
          .set(admin.auth)
          .send({ bank_id: 'InvalidBankId', role_name: 'CanCreateCustomer' });
        expectObpError(unknownBank, 400, 'OBP-30001');
        expectObpError(
          await request(http).post(`${base}/${consumer.consumer_id}/scopes`).set(admin.auth).send({ bank_id: '', role_name: 'CanCreateCustomer' }),
          400,
          'OBP-30205',
        );
        expectObpError(
          await request(http).post(`${base}/${consumer.consumer_id}/scopes`).set(admin.auth).send({ bank_id: 'x', role_name: 'CanGetAnyUser' }),
          400,
          'OBP-30206',
        );
        expectObpError(
          await request(http).post(`${base}/${consumer.consumer_id}/scopes`).set(admin.auth).send({ bank_id: '', role_name: 'CanDeleteScopeAtAnyBank' }),
          400,
          'OBP-30216',
        );

        const reader = await userWith();
        const refused = await request(http).get(`${base}/${consumer.consumer_id}/scopes`).set(reader.auth);
        expect(refused.body.message).toContain('CanGetEntitlementsForAnyUserAtAnyBank');
        await grantRole(app, reader.userId, 'CanGetEntitlementsForAnyUserAtAnyBank');
        expect((await request(http).get(`${base}/${consumer.consumer_id}/scopes`).set(reader.auth).expect(200)).body).toEqual({ list: [created.body] });

        const deleter = await userWith('CanDeleteScopeAtAnyBank');
        expectObpError(
          await request(http)
            .delete(`${base}/${consumer.consumer_id}/scope/${'0'.repeat(8)}-0000-0000-0000-000000000000`)
            .set(deleter.auth),
          400,
          'OBP-20025',
        );
        const deleted = await request(http).delete(`${base}/${consumer.consumer_id}/scope/${created.body.scope_id}`).set(deleter.auth).expect(200);
        expect(deleted.text).toBe('');
        expect((await request(http).get(`${base}/${consumer.consumer_id}/scopes`).set(reader.auth).expect(200)).body).toEqual({ list: [] });
      },
    );

    it.each(between('3.0.0', '3.1.0').map((v) => [v]))('v%s by numeric consumer id (400 OBP-20024 when unknown)', async (version) => {
      const consumer = await createdBy(await userWith());
      const admin = await userWith('CanCreateScopeAtAnyBank', 'CanGetEntitlementsForAnyUserAtAnyBank');
      const bank = await createBank(app);
      expectObpError(
        await request(http).post(`/obp/v${version}/consumers/999999999/scopes`).set(admin.auth).send({ bank_id: bank, role_name: 'CanCreateCustomer' }),
        400,
        'OBP-20024',
      );
      const created = await request(http)
        .post(`/obp/v${version}/consumers/${consumer.pk}/scopes`)
        .set(admin.auth)
        .send({ bank_id: bank, role_name: 'CanCreateCustomer' })
        .expect(201);
      expect((await request(http).get(`/obp/v${version}/consumers/${consumer.pk}/scopes`).set(admin.auth).expect(200)).body).toEqual({ list: [created.body] });
    });
  });
});
