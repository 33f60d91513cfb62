import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { API_VERSIONS, since } from '../../src/common/versioning/api-versions';
import { ConsumersService } from '../../src/modules/consumers/consumers.service';
import { expectObpError } from '../support/obp-assertions';
import { createConsumer, directLogin, signUpAndLogin, STRONG_PASSWORD, uniqueName, type TestUser } from '../support/identity';
import { createTestApp } from '../support/test-app';

describe('Users, DirectLogin and tokens (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumer: { key: string; consumerId: string };
  let alice: TestUser;

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_MAX_BAD_LOGIN_ATTEMPTS: '3' } });
    http = app.getHttpServer();
    consumer = await createConsumer(app);
    alice = await signUpAndLogin(app, consumer.key);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /users', () => {
    it.each(since('2.0.0').map((version) => [version]))('creates a user on v%s with 201 and OBP shape', async (version) => {
      const username = uniqueName('u');
      const response = await request(http)
        .post(`/obp/v${version}/users`)
        .send({ email: `${username}@example.com`, username, password: STRONG_PASSWORD, first_name: 'A', last_name: 'B' })
        .expect(201);
      expect(response.body).toEqual({
        user_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        email: `${username}@example.com`,
        provider_id: username,
        provider: 'http://localhost:8080',
        username,
        entitlements: { list: [] },
      });
      const stored = await app.get(DataSource).query('SELECT password_hash FROM users WHERE user_id = $1', [response.body.user_id]);
      expect(stored[0].password_hash).toMatch(/^\$argon2id\$/);
    });

    it('is not served before v2.0.0', async () => {
      expectObpError(await request(http).post('/obp/v1.4.0/users').send({}), 404, 'OBP-10404');
    });

    it('refuses a weak password with OBP-30207', async () => {
      const username = uniqueName('u');
      const response = await request(http)
        .post('/obp/v5.1.0/users')
        .send({ email: `${username}@example.com`, username, password: 'password123', first_name: 'A', last_name: 'B' });
      expectObpError(response, 400, 'OBP-30207');
      expect(response.body.message).toBe(
        'OBP-30207: Invalid Password Format. Your password should EITHER be at least 10 characters long and contain mixed numbers and both upper and lower case letters and at least one special character, OR the length should be > 16 and <= 512.',
      );
    });

    it('answers a duplicate username with 409 and an OBP code', async () => {
      const response = await request(http)
        .post('/obp/v5.1.0/users')
        .send({ email: 'x@example.com', username: alice.username, password: STRONG_PASSWORD, first_name: 'A', last_name: 'B' });
      expectObpError(response, 409, 'OBP-20090');
    });

    it('refuses a bad body naming the field', async () => {
      const response = await request(http).post('/obp/v5.1.0/users').send({ username: 'x', password: STRONG_PASSWORD });
      expectObpError(response, 400, 'OBP-10001');
      expect(response.body.message).toContain('email');
    });
  });

  describe('POST /my/logins/direct', () => {
    it('issues a signed JWT carrying user, consumer, jti and expiry', () => {
      const [, payload] = alice.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      expect(claims).toEqual(expect.objectContaining({ sub: alice.userId, cid: consumer.consumerId, jti: expect.any(String) }));
      expect(claims.exp - claims.iat).toBe(4 * 7 * 24 * 3600);
    });

    it('accepts the deprecated Authorization: DirectLogin form', async () => {
      const response = await request(http)
        .post('/my/logins/direct')
        .set('Authorization', `DirectLogin username="${alice.username}", password="${alice.password}", consumer_key="${consumer.key}"`)
        .expect(201);
      expect(response.body.token).toEqual(expect.any(String));
    });

    it('answers a wrong password with 401 OBP-20004', async () => {
      const other = await signUpAndLogin(app, consumer.key);
      expectObpError(await directLogin(app, other.username, 'Wr0ng-Passw0rd!', consumer.key), 401, 'OBP-20004');
      expectObpError(await directLogin(app, uniqueName('nobody'), 'Wr0ng-Passw0rd!', consumer.key), 401, 'OBP-20004');
    });

    it('answers an unknown or disabled consumer with 401 OBP-20008', async () => {
      expectObpError(await directLogin(app, alice.username, alice.password, 'nosuchconsumer'), 401, 'OBP-20008');
      const disabled = await createConsumer(app, false);
      expectObpError(await directLogin(app, alice.username, alice.password, disabled.key), 401, 'OBP-20008');
    });

    it('answers missing parameters and headers with 400 OBP-20002/20082/20083', async () => {
      const missing = await request(http).post('/my/logins/direct').set('DirectLogin', `username=${alice.username}`);
      expectObpError(missing, 400, 'OBP-20002');
      expect(missing.body.message).toBe('OBP-20002: These DirectLogin parameters are missing:password, consumer_key');
      expectObpError(await request(http).post('/my/logins/direct'), 400, 'OBP-20082');
      expectObpError(await request(http).post('/my/logins/direct').set('Authorization', 'Basic abc'), 400, 'OBP-20083');
    });

    it('locks the account after the configured number of failures (OBP-20013)', async () => {
      const victim = await signUpAndLogin(app, consumer.key);
      for (let attempt = 0; attempt < 3; attempt++) {
        expectObpError(await directLogin(app, victim.username, 'Wr0ng-Passw0rd!', consumer.key), 401, 'OBP-20004');
      }
      expectObpError(await directLogin(app, victim.username, victim.password, consumer.key), 401, 'OBP-20013');
      // and the token issued before the lock stops working at once
      expectObpError(await request(http).get('/obp/v5.1.0/users/current').set(victim.auth), 401, 'OBP-20013');
    });

    it('resets the failure count after a successful login', async () => {
      const user = await signUpAndLogin(app, consumer.key);
      await directLogin(app, user.username, 'Wr0ng-Passw0rd!', consumer.key).expect(401);
      await directLogin(app, user.username, 'Wr0ng-Passw0rd!', consumer.key).expect(401);
      await directLogin(app, user.username, user.password, consumer.key).expect(201);
      await directLogin(app, user.username, 'Wr0ng-Passw0rd!', consumer.key).expect(401);
      await directLogin(app, user.username, user.password, consumer.key).expect(201);
    });
  });

  describe('GET /users/current', () => {
    it.each(since('2.0.0').map((version) => [version]))('answers 200 on v%s for all three token forms', async (version) => {
      for (const headers of [
        { DirectLogin: `token=${alice.token}` },
        { Authorization: `DirectLogin token=${alice.token}` },
        { Authorization: `Bearer ${alice.token}` },
      ]) {
        const response = await request(http).get(`/obp/v${version}/users/current`).set(headers).expect(200);
        expect(response.body.user_id).toBe(alice.userId);
        expect(response.body.username).toBe(alice.username);
        expect(response.body.entitlements).toEqual({ list: [] });
        if (version >= '3.0.0') expect(response.body.views).toEqual({ list: [] });
        else expect(response.body.views).toBeUndefined();
      }
    });

    it('answers anonymous calls with 401 OBP-20001 and WWW-Authenticate', async () => {
      const response = await request(http).get('/obp/v5.1.0/users/current');
      expectObpError(response, 401, 'OBP-20001');
      expect(response.headers['www-authenticate']).toContain('DirectLogin realm=');
    });

    it('answers tampered, expired and foreign tokens with 401 OBP-20003 on every version', async () => {
      const [header, payload, signature] = alice.token.split('.');
      const tampered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
      const forged = sign({ cid: consumer.consumerId }, 'a-key-we-do-not-use-anywhere-at-all', { subject: alice.userId, algorithm: 'HS256', expiresIn: 60 });
      const expired = sign({ cid: consumer.consumerId }, 'irrelevant', { subject: alice.userId, algorithm: 'HS256', expiresIn: -10 });
      for (const version of API_VERSIONS.filter((v) => v >= '2.0.0')) {
        for (const token of [tampered, forged, expired, 'not-a-jwt']) {
          expectObpError(await request(http).get(`/obp/v${version}/users/current`).set('DirectLogin', `token=${token}`), 401, 'OBP-20003');
        }
      }
    });

    it('refuses tokens of a disabled consumer at once, and accepts them again when re-enabled', async () => {
      const ownConsumer = await createConsumer(app);
      const user = await signUpAndLogin(app, ownConsumer.key);
      await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
      await app.get(ConsumersService).setEnabled(ownConsumer.consumerId, false);
      expectObpError(await request(http).get('/obp/v5.1.0/users/current').set(user.auth), 401, 'OBP-20003');
      await app.get(ConsumersService).setEnabled(ownConsumer.consumerId, true);
      await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
    });

    it('answers 500 OBP-50000, not 401, when the database fails while looking up the token user', async () => {
      const user = await signUpAndLogin(app, consumer.key); // never used yet: its context is not cached
      const query = jest.spyOn(app.get(DataSource), 'query');
      try {
        for (const headers of [user.auth, { Authorization: `Bearer ${user.token}` }]) {
          query.mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
          const response = await request(http).get('/obp/v5.1.0/users/current').set(headers);
          expectObpError(response, 500, 'OBP-50000');
          expect(response.body.message).not.toContain('connection');
        }
      } finally {
        query.mockRestore();
      }
      await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
    });

    it('answers an unsupported Authorization scheme with 401 OBP-20080', async () => {
      expectObpError(await request(http).get('/obp/v5.1.0/users/current').set('Authorization', 'Basic YTpi'), 401, 'OBP-20080');
    });

    it('validates credentials sent to public endpoints too', async () => {
      await request(http).get('/obp/v5.1.0/root').set(alice.auth).expect(200);
      expectObpError(await request(http).get('/obp/v5.1.0/root').set('DirectLogin', 'token=garbage'), 401, 'OBP-20003');
    });

    it('GET /users/current/user_id answers the caller id from v4.0.0', async () => {
      const response = await request(http).get('/obp/v4.0.0/users/current/user_id').set(alice.auth).expect(200);
      expect(response.body).toEqual({ user_id: alice.userId });
      expectObpError(await request(http).get('/obp/v3.1.0/users/current/user_id').set(alice.auth), 404, 'OBP-10404');
    });
  });
});
