import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { since, between } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('Entitlements and roles (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let superAdmin: TestUser;

  async function userWith(...grants: [string, string?][]): Promise<TestUser> {
    const user = await signUpAndLogin(app, consumerKey);
    for (const [role, bankId] of grants) await grantRole(app, user.userId, role, bankId ?? '');
    return user;
  }

  beforeAll(async () => {
    // The super admin must exist before the app that names it starts.
    const setup = await createTestApp();
    consumerKey = (await createConsumer(setup)).key;
    const admin = await signUpAndLogin(setup, consumerKey);
    await setup.close();
    app = await createTestApp({ env: { OBP_SUPER_ADMIN_USER_IDS: admin.userId } });
    http = app.getHttpServer();
    superAdmin = {
      ...admin,
      auth: {
        DirectLogin: `token=${(await request(http).post('/my/logins/direct').set('DirectLogin', `username=${admin.username}, password=${admin.password}, consumer_key=${consumerKey}`)).body.token}`,
      },
    };
    bank = await createBank(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('a 403 turns into a 200 once a super admin grants the role through the API (cache invalidated)', async () => {
    const user = await userWith();
    const refused = await request(http).get('/obp/v5.1.0/users').set(user.auth);
    expectObpError(refused, 403, 'OBP-20006');
    expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanGetAnyUser');
    const granted = await request(http)
      .post(`/obp/v5.1.0/users/${user.userId}/entitlements`)
      .set(superAdmin.auth)
      .send({ bank_id: '', role_name: 'CanGetAnyUser' })
      .expect(201);
    expect(granted.body).toEqual({ entitlement_id: expect.stringMatching(/^[0-9a-f-]{36}$/), role_name: 'CanGetAnyUser', bank_id: '' });
    await request(http).get('/obp/v5.1.0/users').set(user.auth).expect(200);
    await request(http).delete(`/obp/v5.1.0/users/${user.userId}/entitlement/${granted.body.entitlement_id}`).set(superAdmin.auth).expect(403);
    const remover = await userWith(['CanDeleteEntitlementAtAnyBank']);
    await request(http).delete(`/obp/v5.1.0/users/${user.userId}/entitlement/${granted.body.entitlement_id}`).set(remover.auth).expect(204);
    expectObpError(await request(http).get('/obp/v5.1.0/users').set(user.auth), 403, 'OBP-20006');
  });

  describe('POST /users/USER_ID/entitlements', () => {
    it.each(since('2.0.0').map((v) => [v]))('v%s: 401, 404 unknown user, 400 role rules, 403, 201, 400 duplicate', async (version) => {
      const target = await userWith();
      const path = (userId: string) => `/obp/v${version}/users/${userId}/entitlements`;
      expectObpError(await request(http).post(path(target.userId)).send({ bank_id: bank, role_name: 'CanCreateCustomer' }), 401, 'OBP-20001');
      expectObpError(
        await request(http).post(path('00000000-0000-4000-8000-000000000000')).set(superAdmin.auth).send({ bank_id: bank, role_name: 'CanCreateCustomer' }),
        404,
        'OBP-20005',
      );
      expectObpError(await request(http).post(path(target.userId)).set(superAdmin.auth).send({ bank_id: bank }), 400, 'OBP-10001');
      const unknown = await request(http).post(path(target.userId)).set(superAdmin.auth).send({ bank_id: bank, role_name: 'CanFly' });
      expectObpError(unknown, 400, 'OBP-10007');
      expect(unknown.body.message).toContain('Incorrect Role name:CanFly. Possible roles are');
      // OBP lists ApiRole.availableRoles.sorted: plain string order.
      const possible = (unknown.body.message as string).split('Possible roles are ')[1].split(', ');
      expect(possible.length).toBeGreaterThan(50);
      expect(possible).toEqual([...possible].sort());
      expectObpError(
        await request(http).post(path(target.userId)).set(superAdmin.auth).send({ bank_id: '', role_name: 'CanCreateCustomer' }),
        400,
        'OBP-30205',
      );
      expectObpError(await request(http).post(path(target.userId)).set(superAdmin.auth).send({ bank_id: bank, role_name: 'CanGetAnyUser' }), 400, 'OBP-30206');
      const refused = await request(http).post(path(target.userId)).set(target.auth).send({ bank_id: bank, role_name: 'CanCreateCustomer' });
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message).toContain('CanCreateEntitlementAtOneBank or CanCreateEntitlementAtAnyBank');
      expectObpError(
        await request(http)
          .post(path(target.userId))
          .set(superAdmin.auth)
          .send({ bank_id: uniqueName('nob'), role_name: 'CanCreateCustomer' }),
        400,
        'OBP-30001',
      );
      const created = await request(http).post(path(target.userId)).set(superAdmin.auth).send({ bank_id: bank, role_name: 'CanCreateCustomer' }).expect(201);
      expect(created.body).toMatchObject({ role_name: 'CanCreateCustomer', bank_id: bank });
      expectObpError(
        await request(http).post(path(target.userId)).set(superAdmin.auth).send({ bank_id: bank, role_name: 'CanCreateCustomer' }),
        400,
        'OBP-30216',
      );
    });

    it('CanCreateEntitlementAtOneBank grants only at its own bank; AtAnyBank grants anywhere', async () => {
      const otherBank = await createBank(app);
      const local = await userWith(['CanCreateEntitlementAtOneBank', bank]);
      const target = await userWith();
      await request(http)
        .post(`/obp/v5.1.0/users/${target.userId}/entitlements`)
        .set(local.auth)
        .send({ bank_id: bank, role_name: 'CanGetCustomer' })
        .expect(201);
      expectObpError(
        await request(http).post(`/obp/v5.1.0/users/${target.userId}/entitlements`).set(local.auth).send({ bank_id: otherBank, role_name: 'CanGetCustomer' }),
        403,
        'OBP-20006',
      );
      expectObpError(
        await request(http).post(`/obp/v5.1.0/users/${target.userId}/entitlements`).set(local.auth).send({ bank_id: '', role_name: 'CanGetAnyUser' }),
        403,
        'OBP-20006',
      );
      const global = await userWith(['CanCreateEntitlementAtAnyBank']);
      await request(http)
        .post(`/obp/v5.1.0/users/${target.userId}/entitlements`)
        .set(global.auth)
        .send({ bank_id: otherBank, role_name: 'CanGetCustomer' })
        .expect(201);
      await request(http)
        .post(`/obp/v5.1.0/users/${target.userId}/entitlements`)
        .set(global.auth)
        .send({ bank_id: '', role_name: 'CanGetAnyUser' })
        .expect(201);
    });

    it('concurrent duplicate grants give one 201 and OBP-30216 for the rest, never a 500', async () => {
      const target = await userWith();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          request(http).post(`/obp/v5.1.0/users/${target.userId}/entitlements`).set(superAdmin.auth).send({ bank_id: bank, role_name: 'CanGetCustomer' }),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(400)]);
    });
  });

  describe('reads', () => {
    it.each([...between('2.0.0', '3.1.0'), ...since('4.0.0')].map((v) => [v]))(
      "v%s GET /users/USER_ID/entitlements lists the user's grants, plus SuperAdmin for super admins",
      async (version) => {
        const target = await userWith(['CanGetCustomer', bank]);
        const reader = await userWith();
        expectObpError(await request(http).get(`/obp/v${version}/users/${target.userId}/entitlements`).set(reader.auth), 403, 'OBP-20006');
        await grantRole(app, reader.userId, 'CanGetEntitlementsForAnyUserAtAnyBank');
        const listed = await request(http).get(`/obp/v${version}/users/${target.userId}/entitlements`).set(reader.auth).expect(200);
        expect(listed.body.list).toEqual([{ entitlement_id: expect.any(String), role_name: 'CanGetCustomer', bank_id: bank }]);
        const admin = await request(http).get(`/obp/v${version}/users/${superAdmin.userId}/entitlements`).set(reader.auth).expect(200);
        expect(admin.body.list).toContainEqual({ entitlement_id: '', role_name: 'SuperAdmin', bank_id: '' });
      },
    );

    it('GET /my/entitlements (v3.0.0+) and /roles (v2.1.0+)', async () => {
      const user = await userWith(['CanGetCustomer', bank], ['CanGetAnyUser']);
      for (const version of since('3.0.0')) {
        const mine = await request(http).get(`/obp/v${version}/my/entitlements`).set(user.auth).expect(200);
        expect(mine.body.list.map((e: { role_name: string }) => e.role_name)).toEqual(['CanGetCustomer', 'CanGetAnyUser']);
      }
      expectObpError(await request(http).get('/obp/v3.0.0/my/entitlements'), 401, 'OBP-20001');
      for (const version of since('2.1.0')) {
        const roles = await request(http).get(`/obp/v${version}/roles`).set(user.auth).expect(200);
        expect(roles.body.roles).toContainEqual({ role: 'CanCreateCustomer', requires_bank_id: true });
        expect(roles.body.roles).toContainEqual({ role: 'CanGetAnyUser', requires_bank_id: false });
        const names = roles.body.roles.map((r: { role: string }) => r.role);
        expect(names).toEqual([...names].sort());
      }
      expectObpError(await request(http).get('/obp/v2.1.0/roles'), 401, 'OBP-20001');
    });

    it('GET /banks/BANK_ID/entitlements (v4+) and /banks/BANK_ID/users/USER_ID/entitlements (v2.1.0+)', async () => {
      const target = await userWith(['CanGetCustomer', bank], ['CanGetAnyUser']);
      const bankReader = await userWith(['CanGetEntitlementsForOneBank', bank]);
      const atBank = await request(http).get(`/obp/v4.0.0/banks/${bank}/entitlements`).set(bankReader.auth).expect(200);
      expect(atBank.body.list).toContainEqual({ entitlement_id: expect.any(String), role_name: 'CanGetCustomer', bank_id: bank, user_id: target.userId });
      expect(atBank.body.list.every((e: { bank_id: string }) => e.bank_id === bank)).toBe(true);
      expectObpError(await request(http).get(`/obp/v4.0.0/banks/${bank}/entitlements`).set(target.auth), 403, 'OBP-20006');

      const userReader = await userWith(['CanGetEntitlementsForAnyUserAtOneBank', bank]);
      for (const version of since('2.1.0')) {
        const listed = await request(http).get(`/obp/v${version}/banks/${bank}/users/${target.userId}/entitlements`).set(userReader.auth).expect(200);
        expect(listed.body.list).toEqual([{ entitlement_id: expect.any(String), role_name: 'CanGetCustomer', bank_id: bank }]);
      }
      expectObpError(
        await request(http).get(`/obp/v5.1.0/banks/${bank}/users/00000000-0000-4000-8000-000000000000/entitlements`).set(userReader.auth),
        404,
        'OBP-20005',
      );
    });

    it("GET /banks/BANK_ID/users/USER_ID/entitlements without the role: OBP's hand-written 403 text, verbatim (EntitlementTests v2.1.0)", async () => {
      const target = await userWith();
      for (const version of since('2.1.0')) {
        const refused = await request(http).get(`/obp/v${version}/banks/${bank}/users/${target.userId}/entitlements`).set(target.auth);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message).toBe(
          'OBP-20006: User is missing one or more roles: CanGetEntitlementsForAnyUserAtOneBank or CanGetEntitlementsForAnyUserAtAnyBank',
        );
      }
    });

    it('GET /entitlements: v2.0.0 shape up to v3.0.0, with user and role filter from v3.1.0', async () => {
      const target = await userWith(['CanUseCustomerFirehoseAtAnyBank']);
      const reader = await userWith(['CanGetEntitlementsForAnyUserAtAnyBank']);
      const old = await request(http).get('/obp/v3.0.0/entitlements').set(reader.auth).expect(200);
      expect(Object.keys(old.body.list[0])).toEqual(['entitlement_id', 'role_name', 'bank_id']);
      const filtered = await request(http).get('/obp/v5.1.0/entitlements?role=CanUseCustomerFirehoseAtAnyBank').set(reader.auth).expect(200);
      expect(filtered.body.list).toContainEqual({
        entitlement_id: expect.any(String),
        role_name: 'CanUseCustomerFirehoseAtAnyBank',
        bank_id: '',
        user_id: target.userId,
        username: target.username,
      });
      expect(filtered.body.list.every((e: { role_name: string }) => e.role_name === 'CanUseCustomerFirehoseAtAnyBank')).toBe(true);
      expectObpError(await request(http).get('/obp/v5.1.0/entitlements').set(target.auth), 403, 'OBP-20006');
    });

    it("DELETE refuses unknown ids (404 OBP-30212) and another user's entitlement (400 OBP-30213)", async () => {
      const remover = await userWith(['CanDeleteEntitlementAtAnyBank']);
      const owner = await userWith();
      const granted = await request(http)
        .post(`/obp/v5.1.0/users/${owner.userId}/entitlements`)
        .set(superAdmin.auth)
        .send({ bank_id: bank, role_name: 'CanGetCustomer' })
        .expect(201);
      expectObpError(
        await request(http).delete(`/obp/v5.1.0/users/${owner.userId}/entitlement/00000000-0000-4000-8000-000000000000`).set(remover.auth),
        404,
        'OBP-30212',
      );
      expectObpError(
        await request(http).delete(`/obp/v5.1.0/users/${remover.userId}/entitlement/${granted.body.entitlement_id}`).set(remover.auth),
        400,
        'OBP-30213',
      );
      expectObpError(await request(http).delete(`/obp/v2.0.0/users/${owner.userId}/entitlement/${granted.body.entitlement_id}`), 401, 'OBP-20001');
    });
  });
});
