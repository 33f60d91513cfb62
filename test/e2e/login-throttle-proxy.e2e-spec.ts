import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Response } from 'supertest';
import { LoginThrottleService } from '../../src/modules/login-security/login-throttle.service';
import { createConsumer, directLogin, uniqueName } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { createTestApp } from '../support/test-app';

const PER_IP = 3;
const WRONG = 'Wr0ng-Passw0rd!';

/** A fresh documentation-range address per call: windows in a shared Redis never collide across runs. */
const someClient = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

/** A failed DirectLogin (a new username each time, so only the per-IP window can fill) with X-Forwarded-For. */
const failFrom = (app: NestFastifyApplication, consumerKey: string, forwardedFor: string): Promise<Response> =>
  directLogin(app, uniqueName('nobody'), WRONG, consumerKey).set('X-Forwarded-For', forwardedFor);

/**
 * The per-IP failed-login window behind a reverse proxy. supertest connects from loopback, so the
 * app sees 127.0.0.1 as the peer: listing it (or not) in OBP_TRUSTED_PROXIES makes the peer a
 * trusted proxy (or any client sending a made-up X-Forwarded-For).
 */
describe.each([
  { trusted: false, proxies: '10.0.0.0/8' },
  { trusted: true, proxies: '10.0.0.0/8, 127.0.0.0/8, ::1' },
])('Failed-login throttle per client IP, OBP_TRUSTED_PROXIES=$proxies (e2e)', ({ trusted, proxies }) => {
  let app: NestFastifyApplication;
  let consumerKey: string;

  beforeAll(async () => {
    app = await createTestApp({
      env: {
        OBP_TRUSTED_PROXIES: proxies,
        OBP_LOGIN_THROTTLE_FAILURES_PER_IP: String(PER_IP),
        OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME: '0',
        OBP_LOGIN_THROTTLE_WINDOW_SECONDS: '60',
      },
    });
    consumerKey = (await createConsumer(app)).key;
  });

  // With REDIS_URL the loopback window is shared with other specs and runs: start clean.
  beforeEach(async () => {
    await app.get(LoginThrottleService).clearClient('127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  if (!trusted) {
    it('ignores X-Forwarded-For from a peer that is not a trusted proxy: a spoofed address per request still fills one window', async () => {
      for (let i = 0; i < PER_IP; i++) expectObpError(await failFrom(app, consumerKey, someClient()), 401, 'OBP-20004');
      expectObpError(await failFrom(app, consumerKey, someClient()), 429, 'OBP-10018');
    });
  } else {
    it('from a trusted proxy, two forwarded clients have separate windows', async () => {
      const [alice, bob] = [someClient(), someClient()];
      for (let i = 0; i < PER_IP; i++) expectObpError(await failFrom(app, consumerKey, alice), 401, 'OBP-20004');
      expectObpError(await failFrom(app, consumerKey, alice), 429, 'OBP-10018');
      // Bob behind the same proxy is not refused; his failures count in his own window.
      for (let i = 0; i < PER_IP; i++) expectObpError(await failFrom(app, consumerKey, bob), 401, 'OBP-20004');
      expectObpError(await failFrom(app, consumerKey, bob), 429, 'OBP-10018');
      // The proxy's own address gathered nothing.
      expectObpError(await directLogin(app, uniqueName('nobody'), WRONG, consumerKey), 401, 'OBP-20004');
    });

    it('takes the right-most address that is not a trusted proxy: entries the client wrote to its left do not open new windows', async () => {
      const client = someClient();
      // The client prepends made-up hops; the (trusted) proxies append the address they saw and their own.
      for (let i = 0; i < PER_IP; i++) expectObpError(await failFrom(app, consumerKey, `${someClient()}, ${client}, 10.1.2.3`), 401, 'OBP-20004');
      expectObpError(await failFrom(app, consumerKey, `${someClient()}, ${client}`), 429, 'OBP-10018');
      expectObpError(await failFrom(app, consumerKey, client), 429, 'OBP-10018');
    });
  }
});
