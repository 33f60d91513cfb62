import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuthContextService } from '../../src/modules/auth/auth-context.service';
import { createConsumer, grantRole, signUpAndLogin } from '../support/identity';
import { createTestApp } from '../support/test-app';

type Case = [entitlement: boolean, scope: boolean, status: number];

// behaviours §15.5: GET /v4.0.0/users/user_id/USER_ID needs CanGetAnyUser (a system role).
const POLICIES: [string, Record<string, string>, Case[]][] = [
  [
    'require_scopes_for_all_roles',
    { OBP_REQUIRE_SCOPES_FOR_ALL_ROLES: 'true' },
    [
      [true, true, 200],
      [false, true, 403],
      [true, false, 403],
      [false, false, 403],
    ],
  ],
  [
    'require_scopes_for_listed_roles',
    { OBP_REQUIRE_SCOPES_FOR_LISTED_ROLES: 'CanGetAnyUser' },
    [
      [true, true, 200],
      [false, true, 403],
      [true, false, 403],
      [false, false, 403],
    ],
  ],
  [
    'allow_entitlements_or_scopes',
    { OBP_ALLOW_ENTITLEMENTS_OR_SCOPES: 'true' },
    [
      [false, true, 200],
      [true, false, 200],
      [false, false, 403],
    ],
  ],
  [
    'defaults',
    {},
    [
      [false, true, 403],
      [true, false, 200],
    ],
  ],
];

describe.each(POLICIES)('Scopes in role checks with %s (e2e, behaviours §15.5)', (_name, env, cases) => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ env });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(cases)('entitlement %s, scope %s -> %s', async (entitlement, scope, status) => {
    const consumer = await createConsumer(app);
    const user = await signUpAndLogin(app, consumer.key);
    const target = await signUpAndLogin(app, consumer.key);
    if (entitlement) await grantRole(app, user.userId, 'CanGetAnyUser');
    if (scope) {
      await app
        .get(DataSource)
        .query(`INSERT INTO scopes (scope_id, consumer_id, bank_id, role_name) VALUES (gen_random_uuid(), $1, '', 'CanGetAnyUser')`, [consumer.consumerId]);
      app.get(AuthContextService).invalidateConsumer(consumer.consumerId);
    }
    const response = await request(app.getHttpServer()).get(`/obp/v4.0.0/users/user_id/${target.userId}`).set(user.auth);
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body.user_id).toBe(target.userId);
    else expect(response.body.message).toContain('OBP-20006');
  });
});
