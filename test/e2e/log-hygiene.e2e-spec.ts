import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createConsumer, directLogin, signUpAndLogin } from '../support/identity';
import { createTestApp } from '../support/test-app';

/** Collects everything pino writes. */
class CapturedLog extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('Log hygiene and response headers (e2e)', () => {
  let app: NestFastifyApplication;
  const log = new CapturedLog();

  beforeAll(async () => {
    app = await createTestApp({ env: { LOG_LEVEL: 'info' }, logDestination: log });
  });

  afterAll(async () => {
    await app.close();
  });

  it('never writes passwords, tokens or auth headers to the log, but does write correlation ids', async () => {
    const http = app.getHttpServer();
    const consumer = await createConsumer(app);
    const user = await signUpAndLogin(app, consumer.key);
    await directLogin(app, user.username, 'Wr0ng-Passw0rd!', consumer.key).expect(401);
    const current = await request(http).get('/obp/v5.1.0/users/current').set(user.auth).set('Correlation-Id', 'hygiene-check-1').expect(200);
    await request(http).get('/obp/v5.1.0/users/current').set('Authorization', `Bearer ${user.token}`).expect(200);
    await request(http).get('/obp/v5.1.0/root?token=secret-query-value').expect(200);

    expect(current.headers['correlation-id']).toBe('hygiene-check-1');
    expect(log.text).toContain('"correlationId":"hygiene-check-1"');
    expect(log.text).toContain('[REDACTED]');
    for (const secret of [user.password, 'Wr0ng-Passw0rd!', user.token, user.token.split('.')[2], 'secret-query-value']) {
      expect(log.text).not.toContain(secret);
    }
  });

  it('sets security headers on every response', async () => {
    const response = await request(app.getHttpServer()).get('/obp/v5.1.0/root').expect(200);
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    const error = await request(app.getHttpServer()).get('/obp/v5.1.0/nothing');
    expect(error.headers['x-content-type-options']).toBe('nosniff');
  });
});
