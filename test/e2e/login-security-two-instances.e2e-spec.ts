import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../../src/config/app-config';
import { createConsumer, signUpAndLogin, uniqueName } from '../support/identity';
import { call, EMBEDDED_TEST_DATABASE, ensureBuilt, freePort, serverEnv, startServer, type ServerProcess } from '../support/server-process';
import { createTestApp } from '../support/test-app';

// Two server processes need a database and a Redis they can share: PostgreSQL (DATABASE_URL) and REDIS_URL.
const shared = !EMBEDDED_TEST_DATABASE && !!process.env.REDIS_URL;
const describeShared = shared ? describe : describe.skip;

describeShared('Login lockout and throttling across two server processes sharing PostgreSQL and Redis (e2e)', () => {
  const MAX = 3;
  const PER_USERNAME = 4;
  // Set explicitly: global-setup lifts it to 1000000 for every other spec.
  const PER_IP = 6;
  let app: NestFastifyApplication;
  let servers: ServerProcess[] = [];
  let consumerKey: string;

  beforeAll(async () => {
    ensureBuilt();
    app = await createTestApp();
    consumerKey = (await createConsumer(app)).key;
    const env = serverEnv({
      // Instances of one deployment share the public hostname: the tokens' issuer and the local provider.
      OBP_HOSTNAME: loadConfig(process.env).apiInfo.hostname,
      DATABASE_MIGRATE_ON_START: 'false',
      OBP_MAX_BAD_LOGIN_ATTEMPTS: String(MAX),
      OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME: String(PER_USERNAME),
      OBP_LOGIN_THROTTLE_FAILURES_PER_IP: String(PER_IP),
      OBP_LOGIN_THROTTLE_WINDOW_SECONDS: '60',
      // The test connects from loopback as if it were the proxy, and names the client in
      // X-Forwarded-For: every test gets its own clients, so per-IP windows in the shared Redis
      // never carry over between tests or runs.
      OBP_TRUSTED_PROXIES: '127.0.0.1,::1',
    });
    servers = await Promise.all([startServer(env, await freePort()), startServer(env, await freePort())]);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    await app?.close();
  });

  /** A fresh documentation-range client address. */
  const someClient = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
  let client = someClient();
  beforeEach(() => {
    client = someClient();
  });

  const login = (server: ServerProcess, username: string, password: string, from = client) =>
    call(server.url, 'POST', '/my/logins/direct', undefined, {
      headers: { DirectLogin: `username=${username}, password=${password}, consumer_key=${consumerKey}`, 'X-Forwarded-For': from },
    });
  const code = (outcome: { status?: number; body?: any }) => (outcome.status === 201 ? 201 : String(outcome.body?.message).slice(0, 9));

  it(`the per-username window is one budget across both: failures alternate, the ${PER_USERNAME + 1}th is 429 on either`, async () => {
    const ghost = uniqueName('ghost');
    const codes: (string | number)[] = [];
    for (let i = 0; i < PER_USERNAME + 2; i++) codes.push(code(await login(servers[i % 2], ghost, 'Wr0ng-Passw0rd!')));
    expect(codes).toEqual([...Array(PER_USERNAME).fill('OBP-20004'), 'OBP-10018', 'OBP-10018']);
  });

  it(`a burst of 24 wrong logins split over both instances checks exactly ${MAX} passwords; the right one is then refused on both`, async () => {
    const victim = await signUpAndLogin(app, consumerKey);
    const burst = await Promise.all(Array.from({ length: 24 }, (_, i) => login(servers[i % 2], victim.username, 'Wr0ng-Passw0rd!')));
    const codes = burst.map(code);
    expect(codes.filter((c) => c === 'OBP-20004')).toHaveLength(MAX);
    // the rest were refused as locked, or throttled once the username's window was full
    expect(codes.every((c) => c === 'OBP-20004' || c === 'OBP-20013' || c === 'OBP-10018')).toBe(true);
    for (const server of servers) expect(['OBP-20013', 'OBP-10018']).toContain(code(await login(server, victim.username, victim.password)));
  });

  it(`the per-IP window is one budget across both: failures from one client alternate, the ${PER_IP + 1}th is 429 on either; another client is not refused`, async () => {
    const codes: (string | number)[] = [];
    // A new username each time: only the client's window can fill.
    for (let i = 0; i < PER_IP + 2; i++) codes.push(code(await login(servers[i % 2], uniqueName('nobody'), 'Wr0ng-Passw0rd!')));
    expect(codes).toEqual([...Array(PER_IP).fill('OBP-20004'), 'OBP-10018', 'OBP-10018']);
    const other = someClient();
    for (const server of servers) expect(code(await login(server, uniqueName('nobody'), 'Wr0ng-Passw0rd!', other))).toBe('OBP-20004');
  });
});
