import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign, type Algorithm } from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthContextService } from '../../src/modules/auth/auth-context.service';
import { createConsumer, signUpAndLogin, uniqueName } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'obp-client';

interface SigningKey {
  kid: string;
  algorithm: Algorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function rsaKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, algorithm: 'RS256', privateKey, publicKey };
}

function ecKey(kid: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, algorithm: 'ES256', privateKey, publicKey };
}

describe('OAuth2 / OIDC bearer tokens (e2e)', () => {
  const rsa = rsaKey('rsa-1');
  const ec = ecKey('ec-1');
  const stranger = rsaKey('rsa-1'); // same kid, not published
  let jwks: Server;
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  function token(key: SigningKey, claims: Record<string, unknown> = {}, options: { issuer?: string; audience?: string; expiresIn?: number } = {}) {
    return sign({ email: 'oidc@example.com', given_name: 'Olga', azp: 'mobile-app', ...claims }, key.privateKey, {
      algorithm: key.algorithm,
      keyid: key.kid,
      issuer: options.issuer ?? ISSUER,
      audience: options.audience ?? AUDIENCE,
      expiresIn: options.expiresIn ?? 300,
    });
  }

  const current = (bearer: string) => request(http).get('/obp/v5.1.0/users/current').set('Authorization', `Bearer ${bearer}`);

  beforeAll(async () => {
    const keys = [rsa, ec].map((key) => ({ ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, alg: key.algorithm, use: 'sig' }));
    jwks = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    app = await createTestApp({
      env: { OBP_OAUTH2_JWK_SET_URL: `http://127.0.0.1:${port}/jwks`, OBP_OAUTH2_ISSUER: ISSUER, OBP_OAUTH2_AUDIENCE: AUDIENCE },
    });
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts RS256 and ES256 tokens, getting the same user by (iss, sub) and a consumer by azp', async () => {
    const sub = uniqueName('sub-');
    const first = await current(token(rsa, { sub })).expect(200);
    expect(first.body).toMatchObject({ provider: ISSUER, provider_id: sub, email: 'oidc@example.com' });
    const again = await current(token(ec, { sub })).expect(200);
    expect(again.body.user_id).toBe(first.body.user_id);
    const consumers = await app.get(DataSource).query("SELECT description, enabled FROM consumers WHERE azp = 'mobile-app'");
    expect(consumers).toEqual([{ description: 'OpenID Connect', enabled: true }]);
  });

  it('creates exactly one user when a new subject arrives twice at once', async () => {
    const sub = uniqueName('sub-');
    const responses = await Promise.all([current(token(rsa, { sub })), current(token(rsa, { sub }))]);
    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    const rows = await app.get(DataSource).query('SELECT count(*)::int AS n FROM users WHERE provider = $1 AND provider_id = $2', [ISSUER, sub]);
    expect(rows[0].n).toBe(1);
  });

  it.each([
    ['a wrong issuer', () => token(rsa, { sub: 'x' }, { issuer: 'https://evil.test' })],
    ['a wrong audience', () => token(rsa, { sub: 'x' }, { audience: 'someone-else' })],
    ['an expired token', () => token(rsa, { sub: 'x' }, { expiresIn: -60 })],
    ['a key not in the JWKS', () => token(stranger, { sub: 'x' })],
    ['alg none', () => sign({ sub: 'x', iss: ISSUER, aud: AUDIENCE }, '', { algorithm: 'none' })],
    ['HS256 with a random secret', () => sign({ sub: 'x', cid: 'y', iss: ISSUER, aud: AUDIENCE }, randomBytes(32), { algorithm: 'HS256' })],
    [
      'a tampered payload',
      () => {
        const [header, , signature] = token(rsa, { sub: 'x' }).split('.');
        const forged = Buffer.from(JSON.stringify({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url');
        return `${header}.${forged}.${signature}`;
      },
    ],
  ])('refuses %s with 401', async (_name, make) => {
    const response = await current(make());
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/^OBP-(20202|20003): /);
  });

  it('refuses a locked user with OBP-20013', async () => {
    const sub = uniqueName('sub-');
    const first = await current(token(rsa, { sub })).expect(200);
    await app.get(DataSource).query('UPDATE users SET locked_at = now() WHERE user_id = $1', [first.body.user_id]);
    app.get(AuthContextService).invalidateUser(first.body.user_id);
    expectObpError(await current(token(rsa, { sub })), 401, 'OBP-20013');
  });

  it('remembers a known identity: no inserts and at most the auth-context read on later calls', async () => {
    const sub = uniqueName('sub-');
    await current(token(rsa, { sub })).expect(200);
    const query = jest.spyOn(app.get(DataSource), 'query');
    try {
      await current(token(ec, { sub })).expect(200);
      const statements = query.mock.calls.map(([sql]) => String(sql));
      expect(statements.filter((sql) => /\bINSERT\b/i.test(sql))).toEqual([]);
      expect(statements.length).toBeLessThanOrEqual(1);
    } finally {
      query.mockRestore();
    }
  });

  it('looks a remembered identity up again when its user row is gone', async () => {
    const sub = uniqueName('sub-');
    const first = await current(token(rsa, { sub })).expect(200);
    await app.get(DataSource).query('DELETE FROM users WHERE user_id = $1', [first.body.user_id]);
    app.get(AuthContextService).invalidateUser(first.body.user_id);
    const again = await current(token(rsa, { sub })).expect(200);
    expect(again.body.provider_id).toBe(sub);
    expect(again.body.user_id).not.toBe(first.body.user_id);
  });

  it('refuses a verified token without exp, or with a malformed sub, with 401 OBP-20202 (never 500)', async () => {
    const sub = uniqueName('sub-');
    const noExp = sign({ sub, azp: 'mobile-app' }, rsa.privateKey, { algorithm: 'RS256', keyid: rsa.kid, issuer: ISSUER, audience: AUDIENCE });
    expectObpError(await current(noExp), 401, 'OBP-20202');
    expectObpError(await current(token(rsa, { sub: 'x'.repeat(300) })), 401, 'OBP-20202');
    expectObpError(await current(token(rsa, { sub: 'bad\u0000sub' })), 401, 'OBP-20202');
    await current(token(rsa, { sub })).expect(200); // the same key and claims with exp are accepted
  });

  it('names a user by its sub when its preferred_username is taken in another letter case', async () => {
    const name = uniqueName('Olga');
    const first = await current(token(rsa, { sub: uniqueName('sub-'), preferred_username: name })).expect(200);
    expect(first.body.username).toBe(name);
    const secondSub = uniqueName('sub-');
    const second = await current(token(rsa, { sub: secondSub, preferred_username: name.toLowerCase() })).expect(200);
    expect(second.body.user_id).not.toBe(first.body.user_id);
    expect(second.body.username).toBe(secondSub);
  });

  it('refuses a verified token without sub with 401 OBP-20202', async () => {
    expectObpError(await current(token(rsa)), 401, 'OBP-20202');
  });

  it('answers 500 OBP-50000, not 401, when the database fails during a bearer login', async () => {
    const sub = uniqueName('sub-');
    const query = jest.spyOn(app.get(DataSource), 'query');
    try {
      query.mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
      const response = await current(token(rsa, { sub }));
      expectObpError(response, 500, 'OBP-50000');
      expect(response.body.message).not.toContain('connection');
    } finally {
      query.mockRestore();
    }
    await current(token(rsa, { sub })).expect(200);
  });

  it('keeps DirectLogin working beside bearer login', async () => {
    const consumer = await createConsumer(app);
    const user = await signUpAndLogin(app, consumer.key);
    await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
    await current(user.token).expect(200);
  });

  it('refuses foreign bearer tokens when bearer login is not configured', async () => {
    const plain = await createTestApp();
    try {
      const response = await request(plain.getHttpServer())
        .get('/obp/v5.1.0/users/current')
        .set('Authorization', `Bearer ${token(rsa, { sub: 'x' })}`);
      expectObpError(response, 401, 'OBP-20003');
    } finally {
      await plain.close();
    }
  });
});
