import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthContextService } from '../../src/modules/auth/auth-context.service';
import { BootstrapService } from '../../src/modules/bootstrap/bootstrap.service';
import { directLogin, uniqueName } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Bootstrap (e2e)', () => {
  const password = 'B00tstrap-Admin!';

  it('ensures the configured super admin and consumer, idempotently, and they can log in', async () => {
    const username = uniqueName('root');
    const consumerKey = uniqueName('bootkey');
    const env = {
      OBP_SUPER_ADMIN_USERNAME: username,
      OBP_SUPER_ADMIN_PASSWORD: password,
      OBP_SUPER_ADMIN_EMAIL: `${username}@bank.example`,
      OBP_BOOTSTRAP_CONSUMER_KEY: consumerKey,
      OBP_BOOTSTRAP_CONSUMER_SECRET: 'a-bootstrap-consumer-secret',
    };
    for (let start = 0; start < 2; start++) {
      const app = await createTestApp({ env });
      try {
        const login = await directLogin(app, username, password, consumerKey).expect(201);
        const me = await request(app.getHttpServer()).get('/obp/v5.1.0/users/current').set('DirectLogin', `token=${login.body.token}`).expect(200);
        expect(me.body.email).toBe(`${username}@bank.example`);
        expect(me.body.entitlements.list.map((e: { role_name: string }) => e.role_name)).toEqual(['CanCreateEntitlementAtAnyBank']);
        expect(app.get(AuthContextService).isSuperAdmin(me.body.user_id)).toBe(true);
        const rows = await app.get(DataSource).query('SELECT count(*)::int AS n FROM consumers WHERE consumer_key = $1', [consumerKey]);
        expect(rows[0].n).toBe(1);
      } finally {
        await app.close();
      }
    }
  });

  it('refuses to start with a weak super admin password', async () => {
    await expect(createTestApp({ env: { OBP_SUPER_ADMIN_USERNAME: uniqueName('weak'), OBP_SUPER_ADMIN_PASSWORD: 'password' } })).rejects.toThrow(/OBP-30207/);
  });

  it('re-enables a disabled bootstrap consumer', async () => {
    const consumerKey = uniqueName('bootkey');
    const first = await createTestApp({ env: { OBP_BOOTSTRAP_CONSUMER_KEY: consumerKey } });
    await first.get(DataSource).query('UPDATE consumers SET enabled = false WHERE consumer_key = $1', [consumerKey]);
    await first.close();
    const second = await createTestApp({ env: { OBP_BOOTSTRAP_CONSUMER_KEY: consumerKey } });
    try {
      const rows = await second.get(DataSource).query('SELECT enabled FROM consumers WHERE consumer_key = $1', [consumerKey]);
      expect(rows[0].enabled).toBe(true);
    } finally {
      await second.close();
    }
  });

  describe('first start on an empty database', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      app = await createTestApp();
      // The shared test database is not empty; clear the one username this path uses.
      await app.get(DataSource).query("DELETE FROM users WHERE username = 'admin'");
    });

    afterAll(async () => {
      await app.close();
    });

    it('creates an admin with a strong random password and a consumer that log in', async () => {
      const created = await app.get(BootstrapService).createFirstAdmin();
      expect(created).toBeDefined();
      const admin = created as NonNullable<typeof created>;
      expect(admin.password.length).toBeGreaterThan(16);
      const login = await directLogin(app, admin.username, admin.password, admin.consumerKey).expect(201);
      const entitlements = await request(app.getHttpServer()).get('/obp/v5.1.0/my/entitlements').set('DirectLogin', `token=${login.body.token}`).expect(200);
      expect(entitlements.body.list).toEqual([expect.objectContaining({ role_name: 'CanCreateEntitlementAtAnyBank', bank_id: '' })]);
      // a second instance racing the first does nothing
      expect(await app.get(BootstrapService).createFirstAdmin()).toBeUndefined();
      expectObpError(await directLogin(app, admin.username, 'Wr0ng-Passw0rd!', admin.consumerKey), 401, 'OBP-20004');
    });
  });
});
