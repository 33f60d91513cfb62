import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { API_VERSIONS } from '../../src/common/versioning/api-versions';
import { createConsumer, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const ORIGIN = 'https://wallet.example.com';

function preflight(app: NestFastifyApplication, path: string, method = 'GET', headers = 'directlogin,content-type') {
  return request(app.getHttpServer())
    .options(path)
    .set('Origin', ORIGIN)
    .set('Access-Control-Request-Method', method)
    .set('Access-Control-Request-Headers', headers);
}

function expectPreflightAnswer(response: request.Response, allowOrigin: string | undefined): void {
  expect(response.status).toBe(204);
  expect(response.text).toBe('');
  expect(response.headers['access-control-allow-origin']).toBe(allowOrigin);
  expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  const allowed = String(response.headers['access-control-allow-headers'])
    .split(/,\s*/)
    .map((name) => name.toLowerCase());
  for (const header of ['authorization', 'directlogin', 'content-type', 'correlation-id', 'consent-jwt', 'accept']) expect(allowed).toContain(header);
  expect(Number(response.headers['access-control-max-age'])).toBeGreaterThan(0);
  expect(response.headers['correlation-id']).toEqual(expect.any(String));
}

describe('CORS (e2e)', () => {
  describe('default: any origin, as OBP', () => {
    let app: NestFastifyApplication;
    let user: TestUser;
    let consumerKey: string;

    beforeAll(async () => {
      app = await createTestApp();
      consumerKey = (await createConsumer(app)).key;
      user = await signUpAndLogin(app, consumerKey);
    });
    afterAll(() => app.close());

    it('answers a preflight 204 on every version, for existing and unknown routes, before authentication', async () => {
      for (const version of API_VERSIONS) {
        expectPreflightAnswer(await preflight(app, `/obp/v${version}/banks`), '*');
        expectPreflightAnswer(await preflight(app, `/obp/v${version}/banks/no-such-bank/accounts/x/owner/transactions`, 'POST'), '*');
      }
      expectPreflightAnswer(await preflight(app, '/my/logins/direct', 'POST'), '*');
      expectPreflightAnswer(await preflight(app, '/obp/v5.1.0/users/current', 'GET', 'authorization'), '*');
      expectPreflightAnswer(await preflight(app, '/obp/v5.1.0/no/such/route', 'DELETE'), '*');
    });

    it('accepts a login as fetch() sends it: Content-Type application/json with Content-Length 0', async () => {
      const login = await request(app.getHttpServer())
        .post('/my/logins/direct')
        .set('Origin', ORIGIN)
        .set('Content-Type', 'application/json')
        .set('Content-Length', '0')
        .set('DirectLogin', `username=${user.username}, password=${user.password}, consumer_key=${consumerKey}`);
      expect(login.status).toBe(201);
      expect(login.body.token).toEqual(expect.any(String));
      expect(login.headers['access-control-allow-origin']).toBe('*');
    });

    it('puts the CORS headers on successes and exposes Correlation-Id', async () => {
      const banks = await request(app.getHttpServer()).get('/obp/v5.1.0/banks').set('Origin', ORIGIN).expect(200);
      expect(banks.headers['access-control-allow-origin']).toBe('*');
      expect(String(banks.headers['access-control-expose-headers'])).toMatch(/(^|, )Correlation-Id(,|$)/);
      const me = await request(app.getHttpServer()).get('/obp/v5.1.0/users/current').set(user.auth).set('Origin', ORIGIN).expect(200);
      expect(me.headers['access-control-allow-origin']).toBe('*');
    });

    it('puts them on OBP errors too (401, 404, unknown route), so a browser can read the body', async () => {
      const anonymous = await request(app.getHttpServer()).get('/obp/v5.1.0/users/current').set('Origin', ORIGIN);
      expectObpError(anonymous, 401, 'OBP-20001');
      expect(anonymous.headers['access-control-allow-origin']).toBe('*');
      expect(String(anonymous.headers['access-control-expose-headers'])).toContain('WWW-Authenticate');

      const noBank = await request(app.getHttpServer()).get('/obp/v5.1.0/banks/no-such-bank-cors').set('Origin', ORIGIN);
      expectObpError(noBank, 404, 'OBP-30001');
      expect(noBank.headers['access-control-allow-origin']).toBe('*');

      const noRoute = await request(app.getHttpServer()).get('/obp/v5.1.0/no/such/route').set('Origin', ORIGIN);
      expect(noRoute.status).toBe(404);
      expect(noRoute.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('OBP_CORS_ALLOWED_ORIGINS lists the origins', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      app = await createTestApp({ env: { OBP_CORS_ALLOWED_ORIGINS: `${ORIGIN},http://localhost:3000` } });
    });
    afterAll(() => app.close());

    it('echoes a listed origin with Vary: Origin, on preflights and answers', async () => {
      expectPreflightAnswer(await preflight(app, '/obp/v5.1.0/banks'), ORIGIN);
      const banks = await request(app.getHttpServer()).get('/obp/v5.1.0/banks').set('Origin', 'http://localhost:3000').expect(200);
      expect(banks.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect(banks.headers.vary).toMatch(/Origin/);
    });

    it('gives any other origin no Access-Control-Allow-Origin, so the browser refuses to read', async () => {
      const other = await request(app.getHttpServer())
        .options('/obp/v5.1.0/banks')
        .set('Origin', 'https://evil.example.com')
        .set('Access-Control-Request-Method', 'GET');
      expect(other.status).toBe(204);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const banks = await request(app.getHttpServer()).get('/obp/v5.1.0/banks').set('Origin', 'https://evil.example.com').expect(200);
      expect(banks.headers['access-control-allow-origin']).toBeUndefined();
      expect(banks.headers.vary).toMatch(/Origin/);
    });
  });
});
