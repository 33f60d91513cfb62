import { Controller, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { PUBLIC } from '../../src/common/auth/access';
import { ObpEndpoint } from '../../src/common/endpoint/obp-endpoint.decorator';
import { since } from '../../src/common/versioning/api-versions';
import { createBank, createConsumer, directLogin, grantRole, signUpAndLogin, STRONG_PASSWORD, uniqueName } from '../support/identity';
import { CapturedLog } from '../support/captured-log';
import { TestMailbox, validationLinkIn } from '../support/mailbox';
import { createTestApp } from '../support/test-app';

/**
 * Endpoints a future feature might add, with secrets in their paths: one marked through
 * `secretParams`, one secret by its parameter's name. Both fail unexpectedly, so the exception
 * filter logs their URL too.
 */
@Controller()
class FutureSecretsController {
  @ObpEndpoint({
    operationId: 'OBPv5.1.0-testMarkedSecret',
    verb: 'GET',
    path: '/test/pins/PIN_VALUE/check',
    secretParams: ['PIN_VALUE'],
    versions: since('5.1.0'),
    access: PUBLIC,
    summary: 'A marked secret parameter',
    tags: ['Test'],
    errors: ['UnknownError'],
  })
  marked(@Param('PIN_VALUE') pin: string): never {
    throw new Error(`unexpected failure for a pin of ${pin.length} characters`);
  }

  @ObpEndpoint({
    operationId: 'OBPv5.1.0-testNamedSecret',
    verb: 'GET',
    path: '/test/resets/RESET_TOKEN',
    versions: since('5.1.0'),
    access: PUBLIC,
    summary: 'A parameter that is secret by its name',
    tags: ['Test'],
    errors: ['UnknownError'],
  })
  named(): never {
    throw new Error('unexpected failure');
  }
}

@Module({ controllers: [FutureSecretsController] })
class FutureSecretsModule {}

describe('Log hygiene and response headers (e2e)', () => {
  let app: NestFastifyApplication;
  const log = new CapturedLog();

  beforeAll(async () => {
    app = await createTestApp({ env: { LOG_LEVEL: 'info' }, logDestination: log });
  });

  afterAll(async () => {
    await app.close();
  });

  it('a full flow leaves none of its secrets in the log: passwords, tokens, invitation secrets, validation tokens, OAuth query values', async () => {
    const mailbox = await TestMailbox.start();
    const flowLog = new CapturedLog();
    const flowApp = await createTestApp({
      env: { LOG_LEVEL: 'trace', SMTP_URL: mailbox.smtpUrl },
      logDestination: flowLog,
      extraImports: [FutureSecretsModule],
    });
    const secrets: string[] = [];
    try {
      const http = flowApp.getHttpServer();
      const consumer = await createConsumer(flowApp);
      const staff = await signUpAndLogin(flowApp, consumer.key);
      secrets.push(staff.password, staff.token);
      await directLogin(flowApp, staff.username, 'An0ther-Wr0ng!', consumer.key).expect(401);
      secrets.push('An0ther-Wr0ng!');
      const bank = await createBank(flowApp);
      await grantRole(flowApp, staff.userId, 'CanCreateUserInvitation', bank);
      await grantRole(flowApp, staff.userId, 'CanGetUserInvitation', bank);

      // Invitation: created, looked up by secret in the path (matched, mistyped version, extra segment), looked up anonymously, redeemed.
      const email = `${uniqueName('invitee')}@example.com`;
      const invitation = await request(http)
        .post(`/obp/v5.1.0/banks/${bank}/user-invitation`)
        .set(staff.auth)
        .send({ first_name: 'Tom', last_name: 'Smith', email, company: 'Tesobe GmbH', country: 'Germany', purpose: 'DEVELOPER' })
        .expect(201);
      const invitationSecret: string = invitation.body.secret_key;
      secrets.push(invitationSecret);
      await request(http).get(`/obp/v5.1.0/banks/${bank}/user-invitations/${invitationSecret}`).set(staff.auth).expect(200);
      await request(http).get(`/obp/v9.9.9/banks/${bank}/user-invitations/${invitationSecret}`).set(staff.auth).expect(404);
      await request(http).get(`/obp/v5.1.0/banks/${bank}/user-invitations/${invitationSecret}/extra?secret=${invitationSecret}`).set(staff.auth).expect(404);
      await request(http).post(`/obp/v5.1.0/banks/${bank}/user-invitations`).send({ secret_key: invitationSecret }).expect(201);
      const invitedPassword = 'Inv1ted-Passw0rd!';
      secrets.push(invitedPassword);
      await request(http)
        .post('/obp/v5.1.0/users')
        .send({
          email,
          username: uniqueName('tom'),
          password: invitedPassword,
          first_name: 'Tom',
          last_name: 'Smith',
          user_invitation_secret_key: invitationSecret,
        })
        .expect(201);

      // Self-registration and e-mail validation: one token through the page, one through the REST endpoint.
      const selfRegistered = await signUpAndLogin(flowApp, consumer.key);
      const second = await signUpAndLogin(flowApp, consumer.key);
      secrets.push(selfRegistered.token, second.token);
      const pageLink = new URL(validationLinkIn(await mailbox.lastTo(`${selfRegistered.username}@example.com`)));
      const restToken = new URL(validationLinkIn(await mailbox.lastTo(`${second.username}@example.com`))).pathname.split('/').pop() as string;
      secrets.push(pageLink.pathname.split('/').pop() as string, restToken);
      await request(http).get(pageLink.pathname).expect(200);
      await request(http).get(pageLink.pathname).expect(404);
      await request(http).get(`/obp/v5.1.0/user_mgt/validate_user/${restToken}`).expect(404);
      await request(http).post('/obp/v5.1.0/users/email-validation').send({ token: restToken }).expect(200);

      // OAuth 1.0a parameters in a query string, on a known and an unknown route.
      const oauth = { oauth_token: 'oauthTokenValue123', oauth_verifier: 'oauthVerifierValue456', oauth_signature: 'oauthSignatureValue789' };
      secrets.push(...Object.values(oauth));
      const query = new URLSearchParams(oauth).toString();
      await request(http).get(`/obp/v5.1.0/root?${query}`).expect(200);
      await request(http).get(`/oauth/authorize?${query}`);

      // Future endpoints with secrets in their paths, failing unexpectedly (the filter logs the URL).
      secrets.push('4711-pin-secret', 'reset-token-secret-value');
      await request(http).get('/obp/v5.1.0/test/pins/4711-pin-secret/check').expect(500);
      await request(http).get('/obp/v5.1.0/test/resets/reset-token-secret-value').expect(500);
    } finally {
      await flowApp.close();
      await mailbox.close();
    }

    expect(flowLog.text).toContain('"url":"/user_mgt/validate_user/[REDACTED]"');
    expect(flowLog.text).toContain('/user-invitations/[REDACTED]');
    expect(flowLog.text).toContain('"url":"/obp/v5.1.0/test/pins/[REDACTED]/check"');
    expect(flowLog.text).toContain('oauth_verifier=…');
    expect(flowLog.text).toContain('"level":50'); // the unexpected failures were logged, with their URL
    expect(secrets.every((secret) => secret.length >= 8)).toBe(true);
    for (const secret of secrets) expect({ secret, found: flowLog.text.includes(secret) }).toEqual({ secret, found: false });
    expect(flowLog.text).not.toContain(STRONG_PASSWORD);
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
