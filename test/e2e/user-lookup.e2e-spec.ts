import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { between, since } from '../../src/common/versioning/api-versions';
import { createConsumer, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Reading other users (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let reader: TestUser;
  let target: TestUser;
  let plain: TestUser;
  /** The server's local identity provider, as root reports it: it is kept per database, so it depends on the first server that used it. */
  let localProvider: string;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    const consumerKey = (await createConsumer(app)).key;
    reader = await signUpAndLogin(app, consumerKey);
    await grantRole(app, reader.userId, 'CanGetAnyUser');
    target = await signUpAndLogin(app, consumerKey);
    await grantRole(app, target.userId, 'CanGetCustomersAtAnyBank');
    plain = await signUpAndLogin(app, consumerKey);
    localProvider = (await request(http).get('/obp/v5.1.0/root').expect(200)).body.local_identity_provider;
    expect(localProvider).toMatch(/^https?:\/\//);
  });

  afterAll(async () => {
    await app.close();
  });

  const v200Fields = ['user_id', 'email', 'provider_id', 'provider', 'username', 'entitlements'];
  const v400Fields = [...v200Fields, 'agreements', 'is_deleted', 'is_locked'];

  const cases: [string, readonly string[], () => string, readonly string[]][] = [
    ['/users/user_id/USER_ID', between('3.0.0', '3.1.0'), () => `/users/user_id/${target.userId}`, v200Fields],
    ['/users/user_id/USER_ID', since('4.0.0'), () => `/users/user_id/${target.userId}`, v400Fields],
    ['/users/username/USERNAME', between('3.0.0', '3.1.0'), () => `/users/username/${target.username}`, v200Fields],
    ['/users/username/USERNAME', between('4.0.0', '5.0.0'), () => `/users/username/${target.username}`, v400Fields],
    [
      '/users/provider/PROVIDER/username/USERNAME',
      since('5.1.0'),
      () => `/users/provider/${encodeURIComponent(localProvider)}/username/${target.username}`,
      v400Fields,
    ],
  ];

  it.each(cases)('GET %s on %j: 401, 403 CanGetAnyUser, 200 in the version shape', async (_route, versions, path, fields) => {
    for (const version of versions) {
      const url = `/obp/v${version}${path()}`;
      expectObpError(await request(http).get(url), 401, 'OBP-20001');
      const refused = await request(http).get(url).set(plain.auth);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanGetAnyUser');
      const found = await request(http).get(url).set(reader.auth).expect(200);
      expect(Object.keys(found.body)).toEqual(fields);
      expect(found.body).toMatchObject({ user_id: target.userId, username: target.username });
      expect(found.body.entitlements.list).toEqual([{ entitlement_id: expect.any(String), role_name: 'CanGetCustomersAtAnyBank', bank_id: '' }]);
    }
  });

  it('404 for unknown users, including ids that are not UUIDs', async () => {
    expectObpError(await request(http).get('/obp/v5.1.0/users/user_id/00000000-0000-4000-8000-000000000000').set(reader.auth), 404, 'OBP-20057');
    expectObpError(await request(http).get('/obp/v5.1.0/users/user_id/not-a-uuid').set(reader.auth), 404, 'OBP-20057');
  });

  it("an unknown username is 404 OBP-20027 on every version, as OBP's getUserByUsername and getUserByProviderAndUsername", async () => {
    for (const version of between('3.0.0', '5.0.0')) {
      const missing = await request(http).get(`/obp/v${version}/users/username/nobody-here`).set(reader.auth);
      expectObpError(missing, 404, 'OBP-20027');
      expect(missing.body.message).toBe('OBP-20027: User not found by provider and username.');
    }
    const provider = encodeURIComponent(localProvider);
    expectObpError(await request(http).get(`/obp/v5.1.0/users/provider/${provider}/username/nobody-here`).set(reader.auth), 404, 'OBP-20027');
    // A known username under another provider is not this user.
    expectObpError(
      await request(http)
        .get(`/obp/v5.1.0/users/provider/${encodeURIComponent('https://elsewhere')}/username/${target.username}`)
        .set(reader.auth),
      404,
      'OBP-20027',
    );
  });

  it('GET /users lists users with paging, in the v2.1.0 and v4.0.0 shapes', async () => {
    for (const version of since('2.1.0')) {
      const page = await request(http).get(`/obp/v${version}/users?limit=2&offset=0`).set(reader.auth).expect(200);
      expect(page.body.users).toHaveLength(2);
      expect(Object.keys(page.body.users[0])).toEqual(version >= '4.0.0' ? v400Fields : v200Fields);
      expectObpError(await request(http).get(`/obp/v${version}/users`).set(plain.auth), 403, 'OBP-20006');
    }
    const all = await request(http).get('/obp/v5.1.0/users?limit=10000').set(reader.auth).expect(200);
    expect(all.body.users.map((user: { user_id: string }) => user.user_id)).toEqual(expect.arrayContaining([reader.userId, target.userId]));
    expectObpError(await request(http).get('/obp/v5.1.0/users?limit=0').set(reader.auth), 400, 'OBP-10025');
  });
});
