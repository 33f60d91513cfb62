import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createConsumer, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { AppMetrics, startMetricsServer } from '../../src/common/metrics/metrics';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const PERIODS = ['second', 'minute', 'hour', 'day', 'week', 'month'] as const;
const REDIS_URL = process.env.REDIS_URL;

function limitsBody(overrides: Record<string, string> = {}) {
  const from = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const to = new Date(Date.now() + 10 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const unlimited = Object.fromEntries(PERIODS.map((p) => [`per_${p}_call_limit`, '-1']));
  return { from_date: from, to_date: to, ...unlimited, ...overrides };
}

/** Removes this run's anonymous counters from a shared Redis (they are keyed by client IP, not by test data). */
async function clearAnonymousCounters(): Promise<void> {
  if (!REDIS_URL) return;
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys('obp:rl:{anonymous|*');
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

// Every scenario on both counter stores: in-process, and Redis where one is configured (CI has one).
const STORES: [string, Record<string, string>][] = [['in-process store', { REDIS_URL: '' }]];
if (REDIS_URL) STORES.push(['Redis store', { REDIS_URL }]);

describe.each(STORES)('Call limits and rate limiting (e2e, behaviours §15.3-15.4) with the %s', (_name, storeEnv) => {
  let app: NestFastifyApplication;
  let http: ReturnType<NestFastifyApplication['getHttpServer']>;

  /** A user logged in through a consumer of their own, with CanSetCallLimits: the §15.3 setting. */
  async function limitedUser(): Promise<TestUser & { consumerId: string }> {
    const consumer = await createConsumer(app);
    const user = await signUpAndLogin(app, consumer.key);
    await grantRole(app, user.userId, 'CanSetCallLimits');
    return { ...user, consumerId: consumer.consumerId };
  }

  beforeAll(async () => {
    await clearAnonymousCounters();
    app = await createTestApp({ env: { ...storeEnv, OBP_USE_CONSUMER_LIMITS: 'true', OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '100000' } });
    http = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  it('PUT v3.1.0: 401, 403 exact, 404 unknown consumer, 400 bad body, 200 echo', async () => {
    const user = await limitedUser();
    const path = (id: string) => `/obp/v3.1.0/management/consumers/${id}/consumer/call-limits`;
    expectObpError(await request(http).put(path(user.consumerId)).send(limitsBody()), 401, 'OBP-20001');
    const other = await signUpAndLogin(app, (await createConsumer(app)).key);
    const refused = await request(http).put(path(user.consumerId)).set(other.auth).send(limitsBody());
    expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanSetCallLimits');
    expectObpError(await request(http).put(path('unknown')).set(user.auth).send(limitsBody()), 404, 'OBP-30019');
    expectObpError(
      await request(http)
        .put(path(user.consumerId))
        .set(user.auth)
        .send(limitsBody({ per_hour_call_limit: 'ten' })),
      400,
      'OBP-10001',
    );
    expectObpError(
      await request(http)
        .put(path(user.consumerId))
        .set(user.auth)
        .send({ ...limitsBody(), to_date: '2000-01-01T00:00:00Z' }),
      400,
      'OBP-10035',
    );
    const body = limitsBody();
    expect((await request(http).put(path(user.consumerId)).set(user.auth).send(body).expect(200)).body).toEqual(body);
  });

  it.each(PERIODS.map((p) => [p]))('per %s: a limit of 1 allows the next call and refuses the one after with 429 OBP-10018 and headers', async (period) => {
    const user = await limitedUser();
    const put = () =>
      request(http)
        .put(`/obp/v3.1.0/management/consumers/${user.consumerId}/consumer/call-limits`)
        .set(user.auth)
        .send(limitsBody({ [`per_${period}_call_limit`]: '1' }));
    await put().expect(200); // counted against the old (unlimited) limit
    const second = await put().expect(200);
    expect(second.headers['x-rate-limit-limit']).toBe('1');
    expect(second.headers['x-rate-limit-remaining']).toBe('0');
    const third = await put();
    expectObpError(third, 429, 'OBP-10018');
    expect(third.body.message).toBe(`OBP-10018: Too Many Requests. We only allow 1 requests per ${period} for this Consumer.`);
    expect(third.headers['x-rate-limit-limit']).toBe('1');
    expect(third.headers['x-rate-limit-remaining']).toBe('0');
    expect(Number(third.headers['x-rate-limit-reset'])).toBeGreaterThan(0);
  });

  it('GET: 401, 403 naming CanReadCallLimits, then the limits in force and live counters', async () => {
    const user = await limitedUser();
    const path = `/obp/v3.1.0/management/consumers/${user.consumerId}/consumer/call-limits`;
    expectObpError(await request(http).get(path), 401, 'OBP-20001');
    const refused = await request(http).get(path).set(user.auth);
    expect(refused.body.message).toBe('OBP-20006: User is missing one or more roles: CanReadCallLimits');
    await grantRole(app, user.userId, 'CanReadCallLimits');
    await request(http)
      .put(path)
      .set(user.auth)
      .send(limitsBody({ per_hour_call_limit: '100' }))
      .expect(200);
    await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
    const state = await request(http).get(path).set(user.auth).expect(200);
    expect(state.body).toMatchObject({ per_second_call_limit: '-1', per_hour_call_limit: '100' });
    // The PUT set the limit, then GET users/current and this GET were counted.
    expect(state.body.current_state.per_hour).toEqual({ calls_made: 2, reset_in_seconds: expect.any(Number) });
    expect(state.body.current_state.per_hour.reset_in_seconds).toBeGreaterThan(3500);
    expect(state.body.current_state.per_second).toEqual({ calls_made: 0, reset_in_seconds: 0 });
  });

  it.each(['second', 'minute', 'hour', 'week', 'month'].map((p) => [p]))(
    'v4.0.0 per %s scoped to api_name getCurrentUser: only that API is limited',
    async (period) => {
      const user = await limitedUser();
      const path = `/obp/v4.0.0/management/consumers/${user.consumerId}/consumer/call-limits`;
      await request(http)
        .put(path)
        .set(user.auth)
        .send({ ...limitsBody({ [`per_${period}_call_limit`]: '1' }), api_name: 'getCurrentUser' })
        .expect(200);
      await request(http).get('/obp/v4.0.0/users/current').set(user.auth).expect(200);
      expectObpError(await request(http).get('/obp/v4.0.0/users/current').set(user.auth), 429, 'OBP-10018');
      await request(http)
        .put(path)
        .set(user.auth)
        .send({ ...limitsBody(), api_name: 'getCurrentUser' })
        .expect(200);
      await request(http).get('/obp/v4.0.0/users/current').set(user.auth).expect(200);
    },
  );

  it('v4.0.0 precedence: a version+name record wins over the consumer-wide one', async () => {
    const user = await limitedUser();
    const path = `/obp/v4.0.0/management/consumers/${user.consumerId}/consumer/call-limits`;
    await request(http)
      .put(path)
      .set(user.auth)
      .send({ ...limitsBody({ per_minute_call_limit: '1' }), api_version: 'v5.1.0', api_name: 'getCurrentUser' })
      .expect(200);
    await request(http)
      .put(path)
      .set(user.auth)
      .send(limitsBody({ per_minute_call_limit: '1000' }))
      .expect(200);
    await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
    expectObpError(await request(http).get('/obp/v5.1.0/users/current').set(user.auth), 429, 'OBP-10018');
    // Another version of the same API falls back to the consumer-wide record.
    await request(http).get('/obp/v4.0.0/users/current').set(user.auth).expect(200);
    const [row] = await app.get(DataSource).query('SELECT count(*)::int AS n FROM rate_limits WHERE consumer_id = $1', [user.consumerId]);
    expect(row.n).toBe(2);
  });

  it('records outside their dates do not apply', async () => {
    const user = await limitedUser();
    const past = { from_date: '2020-01-01T00:00:00Z', to_date: '2020-02-01T00:00:00Z' };
    await request(http)
      .put(`/obp/v3.1.0/management/consumers/${user.consumerId}/consumer/call-limits`)
      .set(user.auth)
      .send({ ...limitsBody({ per_minute_call_limit: '1' }), ...past })
      .expect(200);
    for (let i = 0; i < 3; i++) await request(http).get('/obp/v5.1.0/users/current').set(user.auth).expect(200);
  });
});

describe('Rate limiting: anonymous callers, off by default, Redis failure', () => {
  afterAll(clearAnonymousCounters);

  it('limits anonymous callers per client IP and hour', async () => {
    await clearAnonymousCounters();
    const app = await createTestApp({ env: { OBP_USE_CONSUMER_LIMITS: 'true', OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '3' } });
    try {
      const http = app.getHttpServer();
      for (let i = 0; i < 3; i++) await request(http).get('/obp/v5.1.0/banks').expect(200);
      const refused = await request(http).get('/obp/v5.1.0/banks');
      expectObpError(refused, 429, 'OBP-10018');
      expect(refused.body.message).toBe('OBP-10018: Too Many Requests. We only allow 3 requests per hour for anonymous access.');
      // root is excluded by default (OBP's rate_limiting.exclude_endpoints)
      await request(http).get('/obp/v5.1.0/root').expect(200);
    } finally {
      await app.close();
      await clearAnonymousCounters();
    }
  });

  it('sends no headers and counts nothing when OBP_USE_CONSUMER_LIMITS is off', async () => {
    const app = await createTestApp({ env: { OBP_USE_CONSUMER_LIMITS: 'false', OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '1' } });
    try {
      for (let i = 0; i < 3; i++) {
        const response = await request(app.getHttpServer()).get('/obp/v5.1.0/banks').expect(200);
        expect(response.headers['x-rate-limit-limit']).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });

  it('keeps serving when Redis is unreachable, and counts the failures in a metric', async () => {
    const app = await createTestApp({
      env: { OBP_USE_CONSUMER_LIMITS: 'true', OBP_USER_CONSUMER_LIMIT_ANONYMOUS_ACCESS: '1', REDIS_URL: 'redis://127.0.0.1:1' },
    });
    try {
      const http = app.getHttpServer();
      for (let i = 0; i < 3; i++) await request(http).get('/obp/v5.1.0/banks').expect(200);
      const metricsServer = await startMetricsServer(app.get(AppMetrics), 0, '127.0.0.1');
      const metrics = await request(metricsServer).get('/metrics').expect(200);
      metricsServer.close();
      const failures = Number(/^obp_rate_limit_store_errors_total (\d+)/m.exec(metrics.text)?.[1]);
      expect(failures).toBeGreaterThanOrEqual(3);
    } finally {
      await app.close();
    }
  });
});
