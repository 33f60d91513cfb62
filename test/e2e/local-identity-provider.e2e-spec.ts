import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LOCAL_IDENTITY_PROVIDER_SETTING } from '../../src/modules/identity-provider/local-identity-provider';
import { createConsumer, directLogin, signUpAndLogin, STRONG_PASSWORD, type TestUser } from '../support/identity';
import { createTestApp } from '../support/test-app';

/**
 * Local users keep their identity provider when the server moves: the provider is chosen once and
 * kept in the database (server_settings), not rebuilt from PORT / OBP_HOSTNAME on every start. Each
 * app here is a restart of the server on the same database with another configuration.
 */
describe('Local identity provider across restarts (e2e)', () => {
  const apps: NestFastifyApplication[] = [];
  let stored: string;

  const start = async (env: Record<string, string>) => {
    const app = await createTestApp({ env });
    apps.push(app);
    return app;
  };
  const stop = async (app: NestFastifyApplication) => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };
  const setting = async (app: NestFastifyApplication): Promise<string | undefined> =>
    (await app.get(DataSource).query('SELECT value FROM server_settings WHERE name = $1', [LOCAL_IDENTITY_PROVIDER_SETTING]))[0]?.value;
  const root = async (app: NestFastifyApplication) => (await request(app.getHttpServer()).get('/obp/v5.1.0/root').expect(200)).body;

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('a user signed up on one port logs in after a restart on another port', async () => {
    const first = await start({ PORT: '18101' });
    stored = (await setting(first)) as string;
    expect(stored).toEqual(expect.any(String));
    const consumerKey = (await createConsumer(first)).key;
    const user = await signUpAndLogin(first, consumerKey);
    expect((await root(first)).local_identity_provider).toBe(stored);
    await stop(first);

    const moved = await start({ PORT: '18102', OBP_HOSTNAME: 'http://moved.example:18102' });
    expect(await root(moved)).toMatchObject({ hostname: 'http://moved.example:18102', local_identity_provider: stored });
    const login = await directLogin(moved, user.username, STRONG_PASSWORD, consumerKey).expect(201);
    const me = await request(moved.getHttpServer()).get('/obp/v5.1.0/users/current').set('DirectLogin', `token=${login.body.token}`).expect(200);
    expect(me.body).toMatchObject({ user_id: user.userId, provider: stored });
    await stop(moved);
  });

  it('OBP_LOCAL_IDENTITY_PROVIDER wins while it is set, without replacing the kept value', async () => {
    const explicit = await start({ PORT: '18103', OBP_LOCAL_IDENTITY_PROVIDER: 'https://idp.lenient.test' });
    const consumerKey = (await createConsumer(explicit)).key;
    expect((await root(explicit)).local_identity_provider).toBe('https://idp.lenient.test');
    const underExplicit: TestUser = await signUpAndLogin(explicit, consumerKey);
    const me = await request(explicit.getHttpServer()).get('/obp/v5.1.0/users/current').set(underExplicit.auth).expect(200);
    expect(me.body.provider).toBe('https://idp.lenient.test');
    expect(await setting(explicit)).toBe(stored);
    await stop(explicit);

    // Without the variable, the server is back on the kept provider: that user is not a local user there.
    const back = await start({ PORT: '18104' });
    expect((await root(back)).local_identity_provider).toBe(stored);
    await directLogin(back, underExplicit.username, STRONG_PASSWORD, consumerKey).expect(401);
    await stop(back);
  });

  it('a first start on a database that already has local users adopts their provider, not the new hostname', async () => {
    const setup = await start({});
    const dataSource = setup.get(DataSource);
    await dataSource.query('DELETE FROM server_settings WHERE name = $1', [LOCAL_IDENTITY_PROVIDER_SETTING]);
    try {
      const upgraded = await start({ PORT: '18105' });
      expect((await root(upgraded)).local_identity_provider).toBe(stored);
      expect(await setting(upgraded)).toBe(stored);
      await stop(upgraded);
    } finally {
      await dataSource.query('INSERT INTO server_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value', [
        LOCAL_IDENTITY_PROVIDER_SETTING,
        stored,
      ]);
      await stop(setup);
    }
  });
});
