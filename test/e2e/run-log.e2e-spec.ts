import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createConsumer, signUpAndLogin, STRONG_PASSWORD, uniqueName } from '../support/identity';
import { leakedSecrets, registeredSecrets, registerSecretsIn, RUN_LOG_ENV, SECRETS_DIR_ENV } from '../support/run-log';
import { createTestApp } from '../support/test-app';

/**
 * The end-of-run secret check (global-teardown) is only as good as its inputs: these tests show
 * that test apps write their access log into the run log and that the secrets of an exchange are
 * registered, and how the check finds a secret in a log.
 */
describe('The run log and the secret registry behind the end-of-run check', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it("a test app's access log lines land in the run log, and the token and password of a login are registered", async () => {
    const marker = uniqueName('bank.');
    await request(app.getHttpServer()).get(`/obp/v5.1.0/banks/${marker}`).expect(404);
    const user = await signUpAndLogin(app, (await createConsumer(app)).key);
    const log = readFileSync(process.env[RUN_LOG_ENV] as string, 'utf8');
    expect(log).toContain(`"url":"/obp/v5.1.0/banks/${marker}"`);
    expect(log).toContain('/my/logins/direct');
    const secrets = registeredSecrets(process.env[SECRETS_DIR_ENV] as string);
    expect(secrets).toEqual(expect.arrayContaining([user.token, STRONG_PASSWORD]));
    // ...and, redaction working, neither is in the log.
    expect(leakedSecrets(log, [user.token, STRONG_PASSWORD])).toEqual([]);
  });

  it('finds a JWT by its signature, a decimal or base64url secret as a word, a password literally', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
    const decimal = '238462750237498237409823740982374098234';
    const password = 'Str0ng-Passw0rd!';
    const log = [`{"msg":"Bearer ${jwt}"}`, `{"url":"/banks/x/user-invitations/${decimal}"}`, `{"msg":"login with ${password} failed"}`].join('\n');
    expect(leakedSecrets(log, [jwt, decimal, password, 'c2lnbmF0dXJlLW9mLWFub3RoZXI', '238462750237498237409823740982374098235'])).toEqual([
      jwt,
      decimal,
      password,
    ]);
    expect(leakedSecrets('{"url":"/banks/x/user-invitations/[REDACTED]"}', [jwt, decimal, password])).toEqual([]);
  });

  it("registers an answer's token, but not the `token` of a credit limit request answer (its id, in its URL)", () => {
    const loginToken = `login-${randomUUID()}`;
    const requestId = randomUUID();
    registerSecretsIn({ token: loginToken });
    registerSecretsIn({ execution_time: '10:00:00', execution_date: '2026-12-07T10:00:00Z', token: requestId, short_reference: '12345' });
    const secrets = registeredSecrets(process.env[SECRETS_DIR_ENV] as string);
    expect(secrets).toContain(loginToken);
    expect(secrets).not.toContain(requestId);
  });
});
