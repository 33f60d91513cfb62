import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, directLogin, grantRole, signUpAndLogin, STRONG_PASSWORD, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

describe('User invitations (e2e, behaviours §14.2)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let bank: string;
  let staff: TestUser;

  const invitationBody = (email = `${uniqueName('tom')}@example.com`) => ({
    first_name: 'Tom',
    last_name: 'Smith',
    email,
    company: 'Tesobe GmbH',
    country: 'Germany',
    purpose: 'DEVELOPER',
  });

  async function invite(version = '5.1.0', body = invitationBody()): Promise<{ secret: string; body: typeof body }> {
    const created = await request(http).post(`/obp/v${version}/banks/${bank}/user-invitation`).set(staff.auth).send(body).expect(201);
    return { secret: created.body.secret_key, body };
  }

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    bank = await createBank(app);
    staff = await signUpAndLogin(app, consumerKey);
    await grantRole(app, staff.userId, 'CanCreateUserInvitation', bank);
    await grantRole(app, staff.userId, 'CanGetUserInvitation', bank);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(since('4.0.0').map((v) => [v]))('v%s', (version) => {
    const base = `/obp/v${version}/banks`;

    it('create: 401 anonymous, 403 naming CanCreateUserInvitation, 404 unknown bank, 400 bad body or purpose, 201 with status CREATED', async () => {
      const body = invitationBody();
      expectObpError(await request(http).post(`${base}/${bank}/user-invitation`).send(body), 401, 'OBP-20001');
      const user = await signUpAndLogin(app, consumerKey);
      const refused = await request(http).post(`${base}/${bank}/user-invitation`).set(user.auth).send(body);
      expectObpError(refused, 403, 'OBP-20006');
      expect(refused.body.message.startsWith('OBP-20006: User is missing one or more roles: CanCreateUserInvitation')).toBe(true);
      expectObpError(
        await request(http)
          .post(`${base}/${uniqueName('nob')}/user-invitation`)
          .set(staff.auth)
          .send(body),
        404,
        'OBP-30001',
      );
      const badBody = await request(http)
        .post(`${base}/${bank}/user-invitation`)
        .set(staff.auth)
        .send({ ...body, email: 5 });
      expectObpError(badBody, 400, 'OBP-10001');
      expect(badBody.body.message).toContain('PostUserInvitationJsonV400');
      const badPurpose = await request(http)
        .post(`${base}/${bank}/user-invitation`)
        .set(staff.auth)
        .send({ ...body, purpose: 'ADMIN' });
      expectObpError(badPurpose, 400, 'OBP-10035');
      expect(badPurpose.body.message).toContain('DEVELOPER, CUSTOMER');

      const created = await request(http).post(`${base}/${bank}/user-invitation`).set(staff.auth).send(body).expect(201);
      expect(created.body).toEqual({ ...body, status: 'CREATED', secret_key: expect.stringMatching(/^\d{1,40}$/) });
    });

    it('list and get by secret: 401, 403 naming CanGetUserInvitation, then the stored invitation', async () => {
      const { secret, body } = await invite(version);
      const user = await signUpAndLogin(app, consumerKey);
      expectObpError(await request(http).get(`${base}/${bank}/user-invitations`), 401, 'OBP-20001');
      expectObpError(await request(http).get(`${base}/${bank}/user-invitations/secret-link`), 401, 'OBP-20001');
      for (const path of [`${base}/${bank}/user-invitations`, `${base}/${bank}/user-invitations/secret-link`]) {
        const refused = await request(http).get(path).set(user.auth);
        expectObpError(refused, 403, 'OBP-20006');
        expect(refused.body.message.startsWith('OBP-20006: User is missing one or more roles: CanGetUserInvitation')).toBe(true);
      }
      const listed = await request(http).get(`${base}/${bank}/user-invitations`).set(staff.auth).expect(200);
      expect(listed.body.user_invitations).toContainEqual({ ...body, status: 'CREATED' });
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      const got = await request(http).get(`${base}/${bank}/user-invitations/${secret}`).set(staff.auth).expect(200);
      expect(got.body).toEqual({ ...body, status: 'CREATED' });
      expectObpError(await request(http).get(`${base}/${bank}/user-invitations/123`).set(staff.auth), 404, 'OBP-37882');
    });

    it('anonymous lookup by secret: 201 with the invitation; unknown secret 404 OBP-37882; bad body 400', async () => {
      const { secret, body } = await invite(version);
      const found = await request(http).post(`${base}/${bank}/user-invitations`).send({ secret_key: secret }).expect(201);
      expect(found.body).toEqual({ ...body, status: 'CREATED' });
      const user = await signUpAndLogin(app, consumerKey);
      const unknown = await request(http).post(`${base}/${bank}/user-invitations`).set(user.auth).send({ secret_key: 0 });
      expectObpError(unknown, 404, 'OBP-37882');
      expect(unknown.body.message).toBe('OBP-37882: Cannot get user invitation.');
      expectObpError(await request(http).post(`${base}/${bank}/user-invitations`).send({ secret_key: 'abc' }), 400, 'OBP-10001');
      expectObpError(await request(http).post(`${base}/${bank}/user-invitations`).send({}), 400, 'OBP-10001');
      const otherBank = await createBank(app);
      expectObpError(await request(http).post(`${base}/${otherBank}/user-invitations`).send({ secret_key: secret }), 404, 'OBP-37882');
    });
  });

  describe('redeeming through POST /users', () => {
    const signUp = (body: Record<string, unknown>) => request(http).post('/obp/v5.1.0/users').send(body);

    it('creates a validated user who can log in, finishes the invitation, and refuses a second use with OBP-37883', async () => {
      const { secret, body } = await invite();
      const username = uniqueName('invited');
      const user = {
        email: body.email.toUpperCase(),
        username,
        password: STRONG_PASSWORD,
        first_name: 'Tom',
        last_name: 'Smith',
        user_invitation_secret_key: secret,
      };
      const created = await signUp(user).expect(201);
      expect(created.body.username).toBe(username);
      await directLogin(app, username, STRONG_PASSWORD, consumerKey).expect(201);
      const [row] = await app
        .get(DataSource)
        .query('SELECT status, user_id, validated FROM user_invitations JOIN users USING (user_id) WHERE users.username = $1', [username]);
      expect(row).toEqual({ status: 'FINISHED', user_id: created.body.user_id, validated: true });

      const listed = await request(http).get(`/obp/v5.1.0/banks/${bank}/user-invitations/${secret}`).set(staff.auth).expect(200);
      expect(listed.body.status).toBe('FINISHED');
      expectObpError(await request(http).post(`/obp/v5.1.0/banks/${bank}/user-invitations`).send({ secret_key: secret }), 404, 'OBP-37883');
      expectObpError(await signUp({ ...user, username: uniqueName('again') }), 404, 'OBP-37883');
    });

    it('an expired invitation (older than 24 hours) gives 404 OBP-37883 and creates nobody', async () => {
      const { secret, body } = await invite();
      await app.get(DataSource).query(`UPDATE user_invitations SET created_at = now() - interval '25 hours' WHERE email = $1`, [body.email]);
      expectObpError(await request(http).post(`/obp/v5.1.0/banks/${bank}/user-invitations`).send({ secret_key: secret }), 404, 'OBP-37883');
      const username = uniqueName('late');
      expectObpError(
        await signUp({ email: body.email, username, password: STRONG_PASSWORD, first_name: 'T', last_name: 'S', user_invitation_secret_key: secret }),
        404,
        'OBP-37883',
      );
      expect(await app.get(DataSource).query('SELECT 1 FROM users WHERE username = $1', [username])).toEqual([]);
    });

    it('refuses another email, an unknown secret and a weak password without using the invitation', async () => {
      const { secret, body } = await invite();
      const base = { email: body.email, password: STRONG_PASSWORD, first_name: 'T', last_name: 'S', user_invitation_secret_key: secret };
      expectObpError(await signUp({ ...base, username: uniqueName('u'), email: 'someone.else@example.com' }), 400, 'OBP-10035');
      expectObpError(await signUp({ ...base, username: uniqueName('u'), user_invitation_secret_key: '42' }), 404, 'OBP-37882');
      expectObpError(await signUp({ ...base, username: uniqueName('u'), password: 'weak' }), 400, 'OBP-30207');
      await request(http).post(`/obp/v5.1.0/banks/${bank}/user-invitations`).send({ secret_key: secret }).expect(201);
    });

    it('two concurrent redemptions: exactly one user is created', async () => {
      const { secret, body } = await invite();
      const attempts = await Promise.all(
        [1, 2, 3].map(() =>
          signUp({
            email: body.email,
            username: uniqueName('race'),
            password: STRONG_PASSWORD,
            first_name: 'T',
            last_name: 'S',
            user_invitation_secret_key: secret,
          }),
        ),
      );
      expect(attempts.map((r) => r.status).sort()).toEqual([201, 404, 404]);
    });
  });
});
