import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createConsumer, grantRole, signUpAndLogin } from '../support/identity';
import { loadConfig } from '../../src/config/app-config';
import { ensureBuilt } from '../support/server-process';
import { createTestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
// Needs a database and a Redis that separate processes can share: CI's PostgreSQL and Redis.
const shared = process.env.OBP_TEST_EMBEDDED_DATABASE !== 'true' && !!process.env.REDIS_URL;
const describeShared = shared ? describe : describe.skip;

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      // Instances of one deployment share the public hostname: it is the tokens' issuer.
      OBP_HOSTNAME: loadConfig(process.env).apiInfo.hostname,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_MIGRATE_ON_START: 'false',
      OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false',
      OBP_USE_CONSUMER_LIMITS: 'true',
      OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill('SIGKILL');
  throw new Error(`server on port ${port} did not start`);
}

describeShared('Rate limits across two server processes sharing PostgreSQL and Redis (e2e)', () => {
  const LIMIT = 5;
  let app: NestFastifyApplication;
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    app = await createTestApp();
    servers.push(await startServer(18291), await startServer(18292));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.kill('SIGTERM');
    await app?.close();
  });

  it(`a limit of ${LIMIT} per minute holds across both: ${3 * LIMIT} alternating calls, exactly ${LIMIT} succeed`, async () => {
    const consumer = await createConsumer(app);
    const user = await signUpAndLogin(app, consumer.key);
    await grantRole(app, user.userId, 'CanSetCallLimits');
    const [a, b] = ['http://127.0.0.1:18291', 'http://127.0.0.1:18292'];
    const day = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await request(a)
      .put(`/obp/v4.0.0/management/consumers/${consumer.consumerId}/consumer/call-limits`)
      .set(user.auth)
      .send({
        from_date: iso(Date.now() - day),
        to_date: iso(Date.now() + day),
        per_second_call_limit: '-1',
        per_minute_call_limit: String(LIMIT),
        per_hour_call_limit: '-1',
        per_day_call_limit: '-1',
        per_week_call_limit: '-1',
        per_month_call_limit: '-1',
        api_name: 'getCurrentUser',
      })
      .expect(200);

    const statuses: number[] = [];
    for (let i = 0; i < 3 * LIMIT; i++) {
      const response = await request(i % 2 === 0 ? a : b)
        .get('/obp/v5.1.0/users/current')
        .set(user.auth);
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * LIMIT);
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
  });
});
