import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sign } from 'jsonwebtoken';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { between, only } from '../../src/common/versioning/api-versions';
import { LoginThrottleService } from '../../src/modules/login-security/login-throttle.service';
import { createConsumer, directLogin, grantRole, signUpAndLogin, STRONG_PASSWORD, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const WRONG = 'Wr0ng-Passw0rd!';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const codeOf = (response: Response) => (response.status === 201 ? 201 : String(response.body.message).slice(0, 9));

describe('Login lockout, lock endpoints and token claims (e2e)', () => {
  const MAX = 3;
  const LOCK_SECONDS = 1;
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;
  let consumerKey: string;
  let admin: TestUser;
  let plain: TestUser;
  let provider: string;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        OBP_MAX_BAD_LOGIN_ATTEMPTS: String(MAX),
        OBP_LOGIN_LOCK_SECONDS: String(LOCK_SECONDS),
        OBP_LOGIN_LOCK_MAX_SECONDS: '3',
        OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME: '0',
        OBP_JWT_SECRET: 'login-security-spec-secret-of-at-least-32-chars',
      },
    });
    http = app.getHttpServer();
    consumerKey = (await createConsumer(app)).key;
    admin = await signUpAndLogin(app, consumerKey);
    for (const role of ['CanReadUserLockedStatus', 'CanUnlockUser', 'CanLockUser', 'CanGetAnyUser']) await grantRole(app, admin.userId, role);
    plain = await signUpAndLogin(app, consumerKey);
    provider = (await request(http).get('/obp/v5.1.0/users/current').set(admin.auth).expect(200)).body.provider;
  });

  afterAll(async () => {
    await app.close();
  });

  const current = (user: TestUser) => request(http).get('/obp/v5.1.0/users/current').set(user.auth);
  const failLogin = (user: TestUser) => directLogin(app, user.username, WRONG, consumerKey);
  /** The lock's end, and its length: from the failure that set it (its password check takes a few ms) to its end. */
  const lockOf = async (user: TestUser): Promise<{ until: number; seconds: number }> => {
    const [row] = await app
      .get(DataSource)
      .query('SELECT locked_until, EXTRACT(EPOCH FROM locked_until - last_failure_at)::float8 AS seconds FROM users WHERE user_id = $1', [user.userId]);
    return { until: new Date(row.locked_until).getTime(), seconds: row.seconds };
  };

  describe('automatic locks', () => {
    it(`locks after ${MAX} anonymous failures, refuses the live token meanwhile, and ends by itself`, async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      for (let i = 0; i < MAX; i++) expectObpError(await failLogin(victim), 401, 'OBP-20004');
      expectObpError(await directLogin(app, victim.username, victim.password, consumerKey), 401, 'OBP-20013');
      expectObpError(await current(victim), 401, 'OBP-20013');
      const status = await request(http).get(`/obp/v5.0.0/users/${victim.username}/lock-status`).set(admin.auth).expect(200);
      expect(status.body).toEqual({
        username: victim.username,
        bad_attempts_since_last_success_or_reset: MAX,
        last_failure_date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      });
      const lookedUp = await request(http).get(`/obp/v5.1.0/users/user_id/${victim.userId}`).set(admin.auth);
      expect(lookedUp.body.is_locked).toBe(true);

      await sleep(LOCK_SECONDS * 1000 + 300);
      await current(victim).expect(200); // the token works again once the lock has ended
      await directLogin(app, victim.username, victim.password, consumerKey).expect(201);
      const after = await request(http).get(`/obp/v5.0.0/users/${victim.username}/lock-status`).set(admin.auth).expect(200);
      expect(after.body.bad_attempts_since_last_success_or_reset).toBe(0);
    });

    it('doubles the lock for each further lock until a successful login, up to the ceiling', async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      const lockLength = async () => {
        for (let i = 0; i < MAX; i++) expectObpError(await failLogin(victim), 401, 'OBP-20004');
        expectObpError(await failLogin(victim), 401, 'OBP-20013');
        return lockOf(victim);
      };
      const first = await lockLength();
      expect(first.seconds).toBeGreaterThan(0.6);
      expect(first.seconds).toBeLessThanOrEqual(1);
      await sleep(first.until - Date.now() + 200);
      const second = await lockLength();
      expect(second.seconds).toBeGreaterThan(1.6);
      expect(second.seconds).toBeLessThanOrEqual(2);
      await sleep(second.until - Date.now() + 200);
      const third = await lockLength(); // 4 s, capped at OBP_LOGIN_LOCK_MAX_SECONDS=3
      expect(third.seconds).toBeGreaterThan(2.6);
      expect(third.seconds).toBeLessThanOrEqual(3);
      await sleep(third.until - Date.now() + 200);
      await directLogin(app, victim.username, victim.password, consumerKey).expect(201);
      const fresh = await lockLength(); // a success starts the doubling afresh
      expect(fresh.seconds).toBeLessThanOrEqual(1);
    }, 30_000);
  });

  describe('failures are counted before the password is checked', () => {
    // The bursts must end before a lock does: the 1 s lock of the other tests expired mid-burst on
    // the slower embedded database, and wrong passwords were checked again. These run on their own
    // app with a long lock; the helpers above use `app` and `consumerKey`, swapped here and back.
    let shortLockApp: NestFastifyApplication;
    let shortLockConsumerKey: string;
    beforeAll(async () => {
      shortLockApp = app;
      shortLockConsumerKey = consumerKey;
      app = await createTestApp({
        env: { OBP_MAX_BAD_LOGIN_ATTEMPTS: String(MAX), OBP_LOGIN_LOCK_SECONDS: '600', OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME: '0' },
      });
      consumerKey = (await createConsumer(app)).key;
    });
    afterAll(async () => {
      await app.close();
      app = shortLockApp;
      consumerKey = shortLockConsumerKey;
    });

    it(`a burst of 25 parallel logins checks at most ${MAX} passwords while none succeeds`, async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      const responses = await Promise.all(Array.from({ length: 25 }, () => failLogin(victim)));
      const codes = responses.map(codeOf);
      expect(codes.filter((code) => code === 'OBP-20004')).toHaveLength(MAX);
      expect(codes.filter((code) => code === 'OBP-20013')).toHaveLength(25 - MAX);
    });

    it('the right password inside a burst of wrong ones is refused once the limit is reached', async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      let limitReached!: () => void;
      const reached = new Promise<void>((resolve) => (limitReached = resolve));
      const wrong = Array.from({ length: 24 }, () =>
        failLogin(victim).then((response) => {
          if (codeOf(response) === 'OBP-20013') limitReached();
          return response;
        }),
      );
      await reached; // some of the burst are still in flight
      const right = await directLogin(app, victim.username, victim.password, consumerKey);
      expectObpError(right, 401, 'OBP-20013');
      const codes = (await Promise.all(wrong)).map(codeOf);
      expect(codes.filter((code) => code === 'OBP-20004')).toHaveLength(MAX);
    });

    it('with the right password at a random place in 25 parallel logins, wrong passwords are checked at most MAX times per success', async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      const at = Math.floor(Math.random() * 25);
      const responses = await Promise.all(
        Array.from({ length: 25 }, (_, i) => directLogin(app, victim.username, i === at ? victim.password : WRONG, consumerKey)),
      );
      const codes = responses.map(codeOf);
      const checkedWrong = codes.filter((code) => code === 'OBP-20004').length;
      if (codes[at] === 201) {
        expect(checkedWrong).toBeLessThanOrEqual(2 * MAX - 1); // a success resets the count once
      } else {
        expect(codes[at]).toBe('OBP-20013');
        expect(checkedWrong).toBe(MAX);
      }
      expect(codes.every((code) => ['OBP-20004', 'OBP-20013', 201].includes(code))).toBe(true);
    });
  });

  describe('lock-status endpoints', () => {
    const localForms = [
      { versions: between('3.1.0', '5.0.0'), status: (u: string) => `/users/${u}/lock-status` },
      { versions: only('5.1.0'), status: (u: string) => `/users/${encodeURIComponent(provider)}/${u}/lock-status` },
    ];
    const lockForms = [
      { versions: between('4.0.0', '5.0.0'), locks: (u: string) => `/users/${u}/locks`, status: (u: string) => `/users/${u}/lock-status` },
      {
        versions: only('5.1.0'),
        locks: (u: string) => `/users/${encodeURIComponent(provider)}/${u}/locks`,
        status: (u: string) => `/users/${encodeURIComponent(provider)}/${u}/lock-status`,
      },
    ];

    it("GET and PUT lock-status: 401 anonymous, 403 naming the role, 404 unknown user, 200 in OBP's shape", async () => {
      const target = await signUpAndLogin(app, consumerKey);
      for (const form of localForms) {
        for (const version of form.versions) {
          const url = `/obp/v${version}${form.status(target.username)}`;
          expectObpError(await request(http).get(url), 401, 'OBP-20001');
          expectObpError(await request(http).put(url), 401, 'OBP-20001');
          const refused = await request(http).get(url).set(plain.auth);
          expectObpError(refused, 403, 'OBP-20006');
          expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanReadUserLockedStatus');
          expect((await request(http).put(url).set(plain.auth)).body.message).toBe('OBP-20006: User is missing one or more roles: CanUnlockUser');
          expectObpError(
            await request(http)
              .get(`/obp/v${version}${form.status(uniqueName('nobody'))}`)
              .set(admin.auth),
            404,
            'OBP-20027',
          );
          expectObpError(
            await request(http)
              .put(`/obp/v${version}${form.status(uniqueName('nobody'))}`)
              .set(admin.auth),
            404,
            'OBP-20027',
          );
          const read = await request(http).get(url).set(admin.auth).expect(200);
          expect(Object.keys(read.body)).toEqual(['username', 'bad_attempts_since_last_success_or_reset', 'last_failure_date']);
          expect(read.body).toMatchObject({ username: target.username, bad_attempts_since_last_success_or_reset: 0 });
        }
      }
      expectObpError(await request(http).get(`/obp/v3.0.0/users/${target.username}/lock-status`).set(admin.auth), 404, 'OBP-10404');
      expectObpError(await request(http).get(`/obp/v5.1.0/users/${target.username}/lock-status`).set(admin.auth), 404, 'OBP-10404');
    });

    it('PUT lock-status lifts an automatic lock at once and resets the count', async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      for (let i = 0; i < MAX; i++) await failLogin(victim);
      expectObpError(await current(victim), 401, 'OBP-20013');
      const unlocked = await request(http).put(`/obp/v3.1.0/users/${victim.username}/lock-status`).set(admin.auth).expect(200);
      expect(unlocked.body).toMatchObject({ username: victim.username, bad_attempts_since_last_success_or_reset: 0 });
      await current(victim).expect(200);
      await directLogin(app, victim.username, victim.password, consumerKey).expect(201);
    });

    it("POST locks: an administrator's lock that does not end by itself, lifted by PUT lock-status", async () => {
      for (const form of lockForms) {
        for (const version of form.versions) {
          const victim = await signUpAndLogin(app, consumerKey);
          const url = `/obp/v${version}${form.locks(victim.username)}`;
          expectObpError(await request(http).post(url), 401, 'OBP-20001');
          expect((await request(http).post(url).set(plain.auth)).body.message).toBe('OBP-20006: User is missing one or more roles: CanLockUser');
          expectObpError(
            await request(http)
              .post(`/obp/v${version}${form.locks(uniqueName('nobody'))}`)
              .set(admin.auth),
            404,
            'OBP-20027',
          );
          await current(victim).expect(200);

          const locked = await request(http).post(url).set(admin.auth).expect(200);
          expect(locked.body).toEqual({ user_id: victim.userId, type_of_lock: 'lock_via_api', last_lock_date: expect.stringMatching(/Z$/) });
          expectObpError(await current(victim), 401, 'OBP-20013');
          expectObpError(await directLogin(app, victim.username, victim.password, consumerKey), 401, 'OBP-20013');
          await request(http)
            .put(`/obp/v${version}${form.status(victim.username)}`)
            .set(admin.auth)
            .expect(200);
          await current(victim).expect(200);
          await directLogin(app, victim.username, victim.password, consumerKey).expect(201);
        }
      }
    });

    it("an administrator's lock outlasts the automatic lock period", async () => {
      const victim = await signUpAndLogin(app, consumerKey);
      await request(http).post(`/obp/v4.0.0/users/${victim.username}/locks`).set(admin.auth).expect(200);
      await sleep(LOCK_SECONDS * 1000 + 300);
      expectObpError(await current(victim), 401, 'OBP-20013');
      expectObpError(await directLogin(app, victim.username, victim.password, consumerKey), 401, 'OBP-20013');
    });
  });

  describe('token claims', () => {
    const KEY = 'login-security-spec-secret-of-at-least-32-chars';

    it('a correctly signed token without exp, or with a non-UUID sub or cid, is 401 OBP-20003 in both headers, never 500', async () => {
      const claims = JSON.parse(Buffer.from(admin.token.split('.')[1], 'base64url').toString()) as { iss: string; cid: string; sub: string };
      const tokens = [
        sign({ cid: claims.cid }, KEY, { algorithm: 'HS256', subject: claims.sub, issuer: claims.iss }),
        sign({ cid: claims.cid }, KEY, { algorithm: 'HS256', subject: 'not-a-uuid', issuer: claims.iss, expiresIn: 60 }),
        sign({ cid: 'not-a-uuid' }, KEY, { algorithm: 'HS256', subject: claims.sub, issuer: claims.iss, expiresIn: 60 }),
      ];
      for (const token of tokens) {
        expectObpError(await request(http).get('/obp/v5.1.0/users/current').set('DirectLogin', `token=${token}`), 401, 'OBP-20003');
        expectObpError(await request(http).get('/obp/v3.0.0/users/current').set('Authorization', `Bearer ${token}`), 401, 'OBP-20003');
      }
      // the same key and claims with exp and UUIDs are accepted: the refusals above are about the claims
      const good = sign({ cid: claims.cid }, KEY, { algorithm: 'HS256', subject: claims.sub, issuer: claims.iss, expiresIn: 60 });
      await request(http).get('/obp/v5.1.0/users/current').set('Authorization', `Bearer ${good}`).expect(200);
    });
  });
});

describe('Failed-login throttling (e2e)', () => {
  const PER_IP = 8;
  const PER_USERNAME = 4;
  let app: NestFastifyApplication;
  let consumerKey: string;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        OBP_LOGIN_THROTTLE_FAILURES_PER_IP: String(PER_IP),
        OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME: String(PER_USERNAME),
        OBP_LOGIN_THROTTLE_WINDOW_SECONDS: '60',
        OBP_MAX_BAD_LOGIN_ATTEMPTS: '100',
      },
    });
    consumerKey = (await createConsumer(app)).key;
  });

  // With REDIS_URL the windows are shared with other specs and runs: start each test clean.
  beforeEach(async () => {
    await app.get(LoginThrottleService).clearClient('127.0.0.1');
    await app.get(LoginThrottleService).clearClient('::ffff:127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  const expectThrottled = (response: Response) => {
    expectObpError(response, 429, 'OBP-10018');
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it(`answers 429 OBP-10018 with Retry-After after ${PER_USERNAME} failures for one username, in any letter case`, async () => {
    const ghost = uniqueName('ghost');
    for (let i = 0; i < PER_USERNAME; i++) expectObpError(await directLogin(app, ghost, 'Wr0ng-Passw0rd!', consumerKey), 401, 'OBP-20004');
    expectThrottled(await directLogin(app, ghost, 'Wr0ng-Passw0rd!', consumerKey));
    expectThrottled(await directLogin(app, ghost.toUpperCase(), 'Wr0ng-Passw0rd!', consumerKey));
    expectObpError(await directLogin(app, uniqueName('other'), 'Wr0ng-Passw0rd!', consumerKey), 401, 'OBP-20004');
  });

  it(`answers 429 after ${PER_IP} failures from one client across usernames, even for the right password; successes do not count`, async () => {
    const user = await signUpAndLogin(app, consumerKey);
    for (let i = 0; i < 2 * PER_IP; i++) await directLogin(app, user.username, user.password, consumerKey).expect(201);
    for (let i = 0; i < PER_IP; i++) expectObpError(await directLogin(app, uniqueName('nobody'), 'Wr0ng-Passw0rd!', consumerKey), 401, 'OBP-20004');
    expectThrottled(await directLogin(app, user.username, user.password, consumerKey));
    expectThrottled(await directLogin(app, uniqueName('nobody'), 'Wr0ng-Passw0rd!', 'nosuchconsumer'));
  });

  it(`80 concurrent failed logins from one client: at most ${PER_IP} are checked, the rest 429`, async () => {
    const responses = await Promise.all(Array.from({ length: 80 }, () => directLogin(app, uniqueName('nobody'), 'Wr0ng-Passw0rd!', consumerKey)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(PER_IP);
    expect(statuses.filter((status) => status === 429)).toHaveLength(80 - PER_IP);
  });

  it('unlocking a user clears its username window', async () => {
    const admin = await signUpAndLogin(app, consumerKey);
    await grantRole(app, admin.userId, 'CanUnlockUser');
    const user = await signUpAndLogin(app, consumerKey);
    for (let i = 0; i < PER_USERNAME; i++) await directLogin(app, user.username, 'Wr0ng-Passw0rd!', consumerKey).expect(401);
    expectThrottled(await directLogin(app, user.username, user.password, consumerKey));
    await request(app.getHttpServer()).put(`/obp/v4.0.0/users/${user.username}/lock-status`).set(admin.auth).expect(200);
    await directLogin(app, user.username, user.password, consumerKey).expect(201);
  });
});

describe('Usernames (e2e)', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createTestApp();
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  const signUp = (username: string) =>
    request(http)
      .post('/obp/v5.1.0/users')
      .send({ email: `${uniqueName('m')}@example.com`, username, password: STRONG_PASSWORD, first_name: 'A', last_name: 'B' });

  it.each([
    ['a Cyrillic look-alike', `fеlix${uniqueName('')}`],
    ['markup', '<script>alert(1)</script>'],
    ['a space', `felix ${uniqueName('s')}`],
    ['fewer than 8 characters', 'felix'],
    ['a leading dot', `.${uniqueName('felix')}`],
    ['two separators in a row', `felix.._${uniqueName('x')}`],
  ])('refuses a username with %s: 400 OBP-20091, nothing stored', async (_why, username) => {
    expectObpError(await signUp(username), 400, 'OBP-20091');
    expect(await app.get(DataSource).query('SELECT 1 FROM users WHERE username = $1', [username])).toEqual([]);
  });

  it("accepts OBP's forms: letters, digits, . and _ inside, or an e-mail address", async () => {
    await signUp(`Felix.Smith_${uniqueName('x')}`).expect(201);
    await signUp(`${uniqueName('felix')}+tag@example.com`).expect(201);
  });

  it('refuses a case variant of an existing username with 409 OBP-20090, also when two arrive together', async () => {
    const name = uniqueName('Felix');
    await signUp(name).expect(201);
    expectObpError(await signUp(name.toUpperCase()), 409, 'OBP-20090');
    expectObpError(await signUp(name.toLowerCase()), 409, 'OBP-20090');
    const other = uniqueName('Race');
    const raced = await Promise.all([signUp(other), signUp(other.toLowerCase()), signUp(other.toUpperCase())]);
    expect(raced.map((response) => response.status).sort()).toEqual([201, 409, 409]);
  });
});
