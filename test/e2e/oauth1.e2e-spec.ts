import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ConsumersService } from '../../src/modules/consumers/consumers.service';
import { tokenDigest } from '../../src/modules/oauth1/secret-box.service';
import { directLogin, grantRole, signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { expectObpError } from '../support/obp-assertions';
import { formAnswer, logInOnPage as logInOnPageAt, oauthHeader, type OAuth1Credentials, type OAuth1Method } from '../support/oauth1-client';
import { CapturedLog } from '../support/captured-log';
import { createTestApp } from '../support/test-app';

// OAuth 1.0a end to end over real HTTP: the consumer side is signed by the oauth-1.0a library,
// the user logs in on the server's HTML page (form posted as a browser would), then signed API calls.

const CALLBACK = 'http://127.0.0.1:1/callback';

/** A consumer, a user of it and a fresh request token whose login page is open on `app` (listening on loopback). */
async function pendingLoginPage(app: NestFastifyApplication) {
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  const created = await app.get(ConsumersService).create({ appName: uniqueName('oauth-app-'), redirectUrl: CALLBACK });
  const consumer = { key: created.consumer.key, secret: created.secret };
  const user = await signUpAndLogin(app, consumer.key);
  const initiated = await fetch(`${base}/oauth/initiate`, {
    method: 'POST',
    headers: { Authorization: oauthHeader(consumer, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } }) },
  });
  return { base, consumer, user, token: formAnswer(await initiated.text()).oauth_token };
}

interface Consumer extends OAuth1Credentials {
  consumerId: string;
}

describe('OAuth 1.0a', () => {
  let app: NestFastifyApplication;
  let base: string;
  let consumer: Consumer;
  let user: TestUser;
  const log = new CapturedLog();

  async function newConsumer(redirectUrl = CALLBACK): Promise<Consumer> {
    const created = await app.get(ConsumersService).create({ appName: uniqueName('oauth-app-'), redirectUrl });
    return { key: created.consumer.key, secret: created.secret, consumerId: created.consumer.consumerId };
  }

  function post(path: string, authorization: string) {
    return fetch(`${base}${path}`, { method: 'POST', headers: { Authorization: authorization } });
  }

  async function requestToken(of: Consumer, callback = CALLBACK, method?: OAuth1Method): Promise<OAuth1Credentials> {
    const response = await post(
      '/oauth/initiate',
      oauthHeader(of, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: callback }, method }),
    );
    const body = await response.text();
    expect({ status: response.status, body }).toMatchObject({ status: 200 });
    expect(response.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    const answer = formAnswer(body);
    expect(answer.oauth_callback_confirmed).toBe('true');
    expect(answer.oauth_token).toMatch(/^[A-Za-z0-9]{40}$/);
    return { key: answer.oauth_token, secret: answer.oauth_token_secret };
  }

  async function logInOnPage(token: string, username: string, password: string): Promise<Response> {
    return logInOnPageAt(base, token, username, password);
  }

  async function verifierFor(token: string): Promise<string> {
    const response = await logInOnPage(token, user.username, user.password);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(CALLBACK);
    expect(location.searchParams.get('oauth_token')).toBe(token);
    return location.searchParams.get('oauth_verifier') ?? '';
  }

  async function accessToken(of: Consumer, request: OAuth1Credentials, verifier: string, method?: OAuth1Method): Promise<Response> {
    return post(
      '/oauth/token',
      oauthHeader(of, { method: 'POST', url: `${base}/oauth/token` }, { token: request, extra: { oauth_verifier: verifier }, method }),
    );
  }

  async function loggedIn(of: Consumer = consumer, method?: OAuth1Method): Promise<OAuth1Credentials> {
    const request = await requestToken(of, CALLBACK, method);
    const response = await accessToken(of, request, await verifierFor(request.key), method);
    expect(response.status).toBe(200);
    const answer = formAnswer(await response.text());
    return { key: answer.oauth_token, secret: answer.oauth_token_secret };
  }

  function signedGet(of: OAuth1Credentials, token: OAuth1Credentials, path: string, method?: OAuth1Method) {
    const url = `${base}${path}`;
    return fetch(url, { headers: { Authorization: oauthHeader(of, { method: 'GET', url }, { token, method }) } });
  }

  /** The login page's status and its error text (the role="alert" element). */
  async function pageError(url: string, init?: RequestInit): Promise<{ status: number; error: string | undefined }> {
    const response = await fetch(url, init);
    return { status: response.status, error: /id="error">([^<]*)</.exec(await response.text())?.[1] };
  }

  beforeAll(async () => {
    // Everything logged, at the most talkative level: no OAuth secret may appear in it. This spec's
    // deliberate failed logins must not trip the per-client throttle (kept in Redis across re-runs):
    // the throttle has its own app at the end of the file.
    app = await createTestApp({ env: { LOG_LEVEL: 'trace', OBP_LOGIN_THROTTLE_FAILURES_PER_IP: '1000' }, logDestination: log });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    base = base.replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    consumer = await newConsumer();
    user = await signUpAndLogin(app, consumer.key);
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(['HMAC-SHA1', 'HMAC-SHA256'] as const)('logs a user in with %s and signs API calls as that user and consumer', async (method) => {
    const access = await loggedIn(consumer, method);
    const response = await signedGet(consumer, access, '/obp/v5.1.0/users/current', method);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user_id: user.userId, username: user.username });
    const withQuery = await signedGet(consumer, access, '/obp/v4.0.0/banks?limit=5&offset=0', method);
    expect(withQuery.status).toBe(200);
  });

  it('shows the verifier on the page for out-of-band consumers', async () => {
    const request = await requestToken(consumer, 'oob');
    const response = await logInOnPage(request.key, user.username, user.password);
    expect(response.status).toBe(200);
    const verifier = /id="verifier">(\d+)</.exec(await response.text())?.[1] ?? '';
    expect(verifier).toMatch(/^\d{10}$/);
    expect((await accessToken(consumer, request, verifier)).status).toBe(200);
  });

  it('names the application on a plain, labelled login page with CSRF protection', async () => {
    const request = await requestToken(consumer);
    const page = await fetch(`${base}/oauth/authorize?oauth_token=${request.key}`);
    const html = await page.text();
    const appName = (await app.get(DataSource).query('SELECT app_name FROM consumers WHERE consumer_id = $1', [consumer.consumerId]))[0].app_name;
    expect(html).toContain(appName);
    expect(html).toMatch(/<label for="username">[\s\S]*<input id="username"/);
    expect(html).toMatch(/<label for="password">[\s\S]*<input id="password" name="password" type="password"/);
    expect(html).not.toContain('<script');
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    const forged = await fetch(`${base}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ oauth_token: request.key, csrf_token: 'forged', username: user.username, password: user.password }),
    });
    expect(forged.status).toBe(403);
  });

  it('re-shows the page for a wrong password and lets the right one through', async () => {
    const request = await requestToken(consumer);
    const wrong = await logInOnPage(request.key, user.username, 'Wr0ng-Passw0rd!');
    expect(wrong.status).toBe(200);
    expect(await wrong.text()).toContain('OBP-20004');
    const right = await logInOnPage(request.key, user.username, user.password);
    expect(right.status).toBe(302);
  });

  it('counts failed logins on the page like DirectLogin: the account locks and the right password is refused', async () => {
    const victim = await signUpAndLogin(app, consumer.key);
    const request = await requestToken(consumer);
    for (let attempt = 0; attempt < 5; attempt++) expect((await logInOnPage(request.key, victim.username, 'Wr0ng-Passw0rd!')).status).toBe(200);
    const locked = await logInOnPage(request.key, victim.username, victim.password);
    expect(locked.status).toBe(200);
    expect(await locked.text()).toContain('OBP-20013');
  });

  it("shows an error page, in OBP's words, for a missing, unknown or already authorised request token", async () => {
    expect(await pageError(`${base}/oauth/authorize`)).toEqual({ status: 400, error: 'There is no Token.' });
    expect(await pageError(`${base}/oauth/authorize?oauth_token=nope`)).toEqual({ status: 400, error: 'This token does not exist' });
    const request = await requestToken(consumer);
    await verifierFor(request.key);
    // OBP would show the same verifier again; it is kept only as a hash here (docs/COMPATIBILITY.md).
    expect(await pageError(`${base}/oauth/authorize?oauth_token=${request.key}`)).toEqual({ status: 400, error: 'This token has already been authorised.' });
  });

  it('refuses a login form whose CSRF field belongs to another request token, or that comes without its cookie', async () => {
    const first = await requestToken(consumer);
    const second = await requestToken(consumer);
    const page = await fetch(`${base}/oauth/authorize?oauth_token=${first.key}`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = /name="csrf_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const postForm = (oauthToken: string, headers: Record<string, string>) =>
      fetch(`${base}/oauth/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ oauth_token: oauthToken, csrf_token: csrf, username: user.username, password: user.password }),
      });
    const crossed = await postForm(second.key, { cookie });
    expect(crossed.status).toBe(403);
    expect(await crossed.text()).toContain('did not come from this server');
    expect((await postForm(first.key, {})).status).toBe(403);
    // Neither refusal authorised anything: the pair, as issued, still logs the user in.
    expect((await postForm(first.key, { cookie })).status).toBe(302);
  });

  it('never writes a consumer secret, token, token secret, verifier or password to the log', async () => {
    const own = await newConsumer();
    const request = await requestToken(own);
    const verifier = await verifierFor(request.key);
    const exchanged = await accessToken(own, request, verifier);
    const access = formAnswer(await exchanged.text());
    expect((await signedGet(own, { key: access.oauth_token, secret: access.oauth_token_secret }, '/obp/v5.1.0/users/current')).status).toBe(200);
    expect(log.text).toContain('/oauth/authorize'); // the flow was logged
    const secrets = [own.secret, request.key, request.secret, verifier, access.oauth_token, access.oauth_token_secret, user.password];
    expect(secrets.filter((secret) => log.text.includes(secret))).toEqual([]);
  });

  describe('refusals, with OBP status and text', () => {
    async function expectRefusal(response: Response, status: number, text: string | RegExp) {
      const body = await response.text();
      expect({ status: response.status, body }).toEqual({ status, body: expect.stringMatching(text) });
    }

    it('wrong consumer secret', async () => {
      const response = await post(
        '/oauth/initiate',
        oauthHeader({ key: consumer.key, secret: 'wrong' }, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } }),
      );
      await expectRefusal(response, 401, /^Invalid signature$/);
    });

    it('unknown consumer key', async () => {
      const response = await post(
        '/oauth/initiate',
        oauthHeader({ key: 'unknown', secret: 'x' }, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } }),
      );
      await expectRefusal(response, 401, /^OBP-20009: Invalid consumer credentials$/);
    });

    it('missing parameters, unsupported method and version, repeated parameters', async () => {
      await expectRefusal(await post('/oauth/initiate', 'OAuth oauth_consumer_key="x"'), 400, /^the following parameters are missing : /);
      const header = oauthHeader(consumer, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } });
      await expectRefusal(
        await post('/oauth/initiate', header.replace('HMAC-SHA1', 'PLAINTEXT')),
        400,
        /^Unsupported signature method, please use hmac-sha1 or hmac-sha256$/,
      );
      await expectRefusal(await post('/oauth/initiate', header.replace('oauth_version="1.0"', 'oauth_version="2.0"')), 400, /^OAuth version not supported$/);
      await expectRefusal(await post('/oauth/initiate', `${header}, oauth_nonce="again"`), 400, /^Duplicated oauth protocol parameters$/);
    });

    it('a callback other than the registered redirect URL', async () => {
      const response = await post(
        '/oauth/initiate',
        oauthHeader(consumer, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: 'https://evil.example/cb' } }),
      );
      await expectRefusal(response, 400, /^Invalid oauth_callback: it must be oob or the redirect URL registered for the consumer$/);
    });

    it('stale timestamp', async () => {
      const stale = Math.floor(Date.now() / 1000) - 3600;
      const response = await post(
        '/oauth/initiate',
        oauthHeader(consumer, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK }, timestamp: stale }),
      );
      await expectRefusal(response, 400, new RegExp(`^oauth_timestamp value: ${stale} is in and invalid time range$`));
    });

    it('replayed nonce', async () => {
      const header = oauthHeader(consumer, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } });
      expect((await post('/oauth/initiate', header)).status).toBe(200);
      await expectRefusal(await post('/oauth/initiate', header), 401, /^Nonce already used$/);
    });

    it('wrong token secret on the exchange', async () => {
      const request = await requestToken(consumer);
      const verifier = await verifierFor(request.key);
      await expectRefusal(await accessToken(consumer, { key: request.key, secret: 'wrong' }, verifier), 401, /^Invalid signature$/);
    });

    it('wrong verifier, reused verifier, request token used twice', async () => {
      const request = await requestToken(consumer);
      const verifier = await verifierFor(request.key);
      await expectRefusal(await accessToken(consumer, request, '0000000000'), 401, new RegExp(`^Invalid or expired request token: ${request.key}$`));
      expect((await accessToken(consumer, request, verifier)).status).toBe(200);
      await expectRefusal(await accessToken(consumer, request, verifier), 401, new RegExp(`^Invalid or expired request token: ${request.key}$`));
    });

    it('a request token not yet authorised cannot be exchanged', async () => {
      const request = await requestToken(consumer);
      await expectRefusal(await accessToken(consumer, request, '1234567890'), 401, /^Invalid or expired request token: /);
    });

    it('an access token of another consumer, or a request token, does not sign API calls', async () => {
      const access = await loggedIn();
      const other = await newConsumer();
      const response = await signedGet(other, access, '/obp/v5.1.0/users/current');
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ code: 401, message: `OBP-20095: OAuth 1.0a request refused: Invalid or expired access token: ${access.key}` });
      const request = await requestToken(consumer);
      expect((await signedGet(consumer, request, '/obp/v5.1.0/users/current')).status).toBe(401);
    });

    it('a replayed API call', async () => {
      const access = await loggedIn();
      const url = `${base}/obp/v5.1.0/users/current`;
      const headers = { Authorization: oauthHeader(consumer, { method: 'GET', url }, { token: access }) };
      expect((await fetch(url, { headers })).status).toBe(200);
      const replay = await fetch(url, { headers });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { message: string }).message).toBe('OBP-20095: OAuth 1.0a request refused: Nonce already used');
    });

    it('a tampered query string', async () => {
      const access = await loggedIn();
      const url = `${base}/obp/v4.0.0/banks?limit=5`;
      const response = await fetch(`${base}/obp/v4.0.0/banks?limit=6`, {
        headers: { Authorization: oauthHeader(consumer, { method: 'GET', url }, { token: access }) },
      });
      expect(response.status).toBe(401);
    });

    it('a signed form body is part of the signature (RFC 5849 §3.4.1.3.1): signed passes, tampered or added is refused', async () => {
      const url = `${base}/oauth/initiate`;
      const send = (form: Record<string, string>, body: string) =>
        fetch(url, {
          method: 'POST',
          headers: {
            Authorization: oauthHeader(consumer, { method: 'POST', url }, { extra: { oauth_callback: CALLBACK }, form }),
            'content-type': 'application/x-www-form-urlencoded',
          },
          body,
        });
      // Passes only if the server signs the body's parameters, decoded (+ and %XX) and sorted with the others.
      const signed = await send({ scope: 'read write', 'a~b': 'ü' }, 'scope=read+write&a%7Eb=%C3%BC');
      expect({ status: signed.status, confirmed: formAnswer(await signed.text()).oauth_callback_confirmed }).toEqual({ status: 200, confirmed: 'true' });
      await expectRefusal(await send({ scope: 'read write' }, 'scope=read+admin'), 401, /^Invalid signature$/);
      await expectRefusal(await send({ scope: 'read write' }, 'scope=read+write&admin=true'), 401, /^Invalid signature$/);
    });
  });

  describe('lifecycle', () => {
    it('disabling the consumer ends its OAuth sessions at once and refuses new handshakes', async () => {
      const own = await newConsumer();
      const access = await loggedIn(own);
      expect((await signedGet(own, access, '/obp/v5.1.0/users/current')).status).toBe(200);
      await app.get(ConsumersService).setEnabled(own.consumerId, false);
      const refused = await signedGet(own, access, '/obp/v5.1.0/users/current');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { message: string }).message).toBe('OBP-20095: OAuth 1.0a request refused: OBP-20009: Invalid consumer credentials');
      const handshake = await post(
        '/oauth/initiate',
        oauthHeader(own, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } }),
      );
      expect({ status: handshake.status, body: await handshake.text() }).toEqual({ status: 401, body: 'OBP-20009: Invalid consumer credentials' });
    });

    /** A new user logged in through OAuth 1.0a, with an access token that signs API calls. */
    async function userWithSession(): Promise<{ victim: TestUser; token: OAuth1Credentials }> {
      const victim = await signUpAndLogin(app, consumer.key);
      const request = await requestToken(consumer);
      const page = await logInOnPage(request.key, victim.username, victim.password);
      expect(page.status).toBe(302);
      const verifier = new URL(page.headers.get('location') ?? '').searchParams.get('oauth_verifier') ?? '';
      const exchanged = await accessToken(consumer, request, verifier);
      expect(exchanged.status).toBe(200);
      const answer = formAnswer(await exchanged.text());
      const token = { key: answer.oauth_token, secret: answer.oauth_token_secret };
      expect((await signedGet(consumer, token, '/obp/v5.1.0/users/current')).status).toBe(200);
      return { victim, token };
    }

    async function currentUser(token: OAuth1Credentials): Promise<{ status: number; body: unknown }> {
      const response = await signedGet(consumer, token, '/obp/v5.1.0/users/current');
      return { status: response.status, body: await response.json() };
    }

    describe('locking the user ends their OAuth sessions at once; unlocking gives them back', () => {
      const LOCKED = { code: 401, message: 'OBP-20013: The account has been locked, please contact an administrator!' };
      let admin: TestUser;
      let provider: string;

      beforeAll(async () => {
        admin = await signUpAndLogin(app, consumer.key);
        for (const role of ['CanLockUser', 'CanUnlockUser']) await grantRole(app, admin.userId, role);
        provider = ((await (await fetch(`${base}/obp/v5.1.0/users/current`, { headers: admin.auth })).json()) as { provider: string }).provider;
      });

      /** The administrator's lock endpoints of v5.1.0 (`/users/PROVIDER/USERNAME/...`). */
      function asAdmin(method: 'POST' | 'PUT', victim: TestUser, endpoint: 'locks' | 'lock-status') {
        return fetch(`${base}/obp/v5.1.0/users/${encodeURIComponent(provider)}/${victim.username}/${endpoint}`, { method, headers: admin.auth });
      }

      it('locked by an administrator (POST .../locks), unlocked with PUT .../lock-status', async () => {
        const { victim, token } = await userWithSession();
        expect((await asAdmin('POST', victim, 'locks')).status).toBe(200);
        expect(await currentUser(token)).toEqual({ status: 401, body: LOCKED });
        expect((await asAdmin('PUT', victim, 'lock-status')).status).toBe(200);
        expect(await currentUser(token)).toEqual({ status: 200, body: expect.objectContaining({ user_id: victim.userId }) });
      });

      it('locked by failed DirectLogins (OBP_MAX_BAD_LOGIN_ATTEMPTS, 5), unlocked with PUT .../lock-status', async () => {
        const { victim, token } = await userWithSession();
        for (let attempt = 0; attempt < 5; attempt++) expect((await directLogin(app, victim.username, 'Wr0ng-Passw0rd!', consumer.key)).status).toBe(401);
        expect(await currentUser(token)).toEqual({ status: 401, body: LOCKED });
        expect((await asAdmin('PUT', victim, 'lock-status')).status).toBe(200);
        expect(await currentUser(token)).toEqual({ status: 200, body: expect.objectContaining({ user_id: victim.userId }) });
      });
    });

    it('deleting the user deletes their tokens', async () => {
      const { victim } = await userWithSession();
      const database = app.get(DataSource);
      expect(await database.query('SELECT 1 FROM oauth1_tokens WHERE user_id = $1', [victim.userId])).not.toEqual([]);
      await database.query('DELETE FROM users WHERE user_id = $1', [victim.userId]);
      expect(await database.query('SELECT 1 FROM oauth1_tokens WHERE user_id = $1', [victim.userId])).toEqual([]);
    });

    it("a request token older than 30 minutes is refused on the page, on the login form and on the exchange, with OBP's texts", async () => {
      const database = app.get(DataSource);
      const age = (token: string, interval: string) =>
        database.query(`UPDATE oauth1_tokens SET created_at = created_at - $2::interval, expires_at = expires_at - $2::interval WHERE token_hash = $1`, [
          tokenDigest(token),
          interval,
        ]);
      const request = await requestToken(consumer);
      const [lifetime] = await database.query('SELECT EXTRACT(EPOCH FROM expires_at - created_at)::int AS seconds FROM oauth1_tokens WHERE token_hash = $1', [
        tokenDigest(request.key),
      ]);
      expect(lifetime.seconds).toBe(30 * 60);

      // The page was opened in time, the form is posted after the token expired.
      const page = await fetch(`${base}/oauth/authorize?oauth_token=${request.key}`);
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
      const csrf = /name="csrf_token" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      await age(request.key, '29 minutes');
      expect((await pageError(`${base}/oauth/authorize?oauth_token=${request.key}`)).status).toBe(200);
      await age(request.key, '2 minutes');
      expect(await pageError(`${base}/oauth/authorize?oauth_token=${request.key}`)).toEqual({ status: 400, error: 'Token expired' });
      const form = new URLSearchParams({ oauth_token: request.key, csrf_token: csrf, username: user.username, password: user.password });
      expect(
        await pageError(`${base}/oauth/authorize`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: form,
        }),
      ).toEqual({ status: 400, error: 'Token expired' });

      // Authorised in time, exchanged too late.
      const authorised = await requestToken(consumer);
      const verifier = await verifierFor(authorised.key);
      await age(authorised.key, '31 minutes');
      const exchanged = await accessToken(consumer, authorised, verifier);
      expect({ status: exchanged.status, body: await exchanged.text() }).toEqual({ status: 401, body: `Invalid or expired request token: ${authorised.key}` });
    });

    it('an access token past its lifetime (OBP_TOKEN_EXPIRATION_WEEKS, 4) no longer signs API calls', async () => {
      const access = await loggedIn();
      const database = app.get(DataSource);
      const [lifetime] = await database.query('SELECT EXTRACT(EPOCH FROM expires_at - created_at)::int AS seconds FROM oauth1_tokens WHERE token_hash = $1', [
        tokenDigest(access.key),
      ]);
      expect(lifetime.seconds).toBe(4 * 7 * 24 * 3600);
      await database.query(
        `UPDATE oauth1_tokens SET created_at = created_at - interval '4 weeks 1 minute', expires_at = expires_at - interval '4 weeks 1 minute' WHERE token_hash = $1`,
        [tokenDigest(access.key)],
      );
      expect(await currentUser(access)).toEqual({
        status: 401,
        body: { code: 401, message: `OBP-20095: OAuth 1.0a request refused: Invalid or expired access token: ${access.key}` },
      });
    });

    it('revokes an access token', async () => {
      const access = await loggedIn();
      const url = `${base}/oauth/token`;
      const revoked = await fetch(url, { method: 'DELETE', headers: { Authorization: oauthHeader(consumer, { method: 'DELETE', url }, { token: access }) } });
      expect(revoked.status).toBe(204);
      expect((await signedGet(consumer, access, '/obp/v5.1.0/users/current')).status).toBe(401);
    });

    it('keeps no token, token secret or consumer secret in clear at rest', async () => {
      const own = await newConsumer();
      const access = await loggedIn(own);
      const database = app.get(DataSource);
      const rows = JSON.stringify(await database.query('SELECT * FROM oauth1_tokens WHERE consumer_id = $1', [own.consumerId]));
      const consumerRow = JSON.stringify(await database.query('SELECT * FROM consumers WHERE consumer_id = $1', [own.consumerId]));
      expect(rows).not.toContain(access.key);
      expect(rows).not.toContain(access.secret);
      expect(consumerRow).not.toContain(own.secret);
    });
  });
});

// Nonces must be seen by every instance: a call replayed to a second instance is refused, with the
// nonces in the database and, when REDIS_URL is set, in Redis.
const NONCE_STORES: [string, Record<string, string>][] = [['the database', { REDIS_URL: '' }]];
if (process.env.REDIS_URL) NONCE_STORES.push(['Redis', { REDIS_URL: process.env.REDIS_URL }]);

describe.each(NONCE_STORES)('OAuth 1.0a nonces across two instances (%s)', (_store, env) => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;

  beforeAll(async () => {
    first = await createTestApp({ env });
    second = await createTestApp({ env });
    await first.listen(0, '127.0.0.1');
    await second.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('refuses on one instance a handshake already answered by the other', async () => {
    const created = await first.get(ConsumersService).create({ appName: uniqueName('oauth-app-'), redirectUrl: CALLBACK });
    const consumer = { key: created.consumer.key, secret: created.secret };
    const firstUrl = (await first.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    const secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    const signedUrl = `${firstUrl}/oauth/initiate`;
    const header = oauthHeader(consumer, { method: 'POST', url: signedUrl }, { extra: { oauth_callback: CALLBACK } });
    const host = new URL(firstUrl).host;
    expect((await fetch(signedUrl, { method: 'POST', headers: { Authorization: header } })).status).toBe(200);
    // Sent to the second instance with the Host the client signed (as a load balancer forwards it).
    const replay = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const target = new URL(`${secondUrl}/oauth/initiate`);
      const request = httpRequest(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { Authorization: header, Host: host } },
        (response: IncomingMessage) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(replay).toEqual({ status: 401, body: 'Nonce already used' });
  });
});

describe('OAuth 1.0a login page throttling', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ env: { OBP_LOGIN_THROTTLE_FAILURES_PER_IP: '2', REDIS_URL: '' } });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 429 with Retry-After once one client failed too often, as DirectLogin does', async () => {
    const { base, user, token } = await pendingLoginPage(app);
    for (let attempt = 0; attempt < 2; attempt++) expect((await logInOnPageAt(base, token, user.username, 'Wr0ng-Passw0rd!')).status).toBe(200);
    const throttled = await logInOnPageAt(base, token, user.username, user.password);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await throttled.text()).toContain('OBP-10018');
  });
});

// Behind a reverse proxy the client signs the public URL, while this server is reached over plain
// http at another host. X-Forwarded-Proto/Host rebuild that URL, but only when the peer is a proxy
// listed in OBP_TRUSTED_PROXIES: from anyone else they are ignored (a client could send them).
describe('OAuth 1.0a behind a reverse proxy (OBP_TRUSTED_PROXIES)', () => {
  const PUBLIC = 'https://api.example.com';
  const FORWARDED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'api.example.com' };

  async function started(trustedProxies: string): Promise<{ app: NestFastifyApplication; base: string; consumer: OAuth1Credentials }> {
    const app = await createTestApp({ env: { OBP_TRUSTED_PROXIES: trustedProxies } });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    const created = await app.get(ConsumersService).create({ appName: uniqueName('oauth-app-'), redirectUrl: CALLBACK });
    return { app, base, consumer: { key: created.consumer.key, secret: created.secret } };
  }

  /** POST /oauth/initiate to this server, signed for `signedBase`, with extra headers. */
  async function initiate(target: { base: string; consumer: OAuth1Credentials }, signedBase: string, headers: Record<string, string> = {}) {
    const authorization = oauthHeader(target.consumer, { method: 'POST', url: `${signedBase}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } });
    const response = await fetch(`${target.base}/oauth/initiate`, { method: 'POST', headers: { Authorization: authorization, ...headers } });
    return { status: response.status, body: await response.text() };
  }

  /** The CSRF cookie of the login page, requested with extra headers. */
  async function csrfCookie(target: { base: string; consumer: OAuth1Credentials }, headers: Record<string, string>): Promise<string> {
    const token = formAnswer((await initiate(target, target.base)).body).oauth_token;
    const page = await fetch(`${target.base}/oauth/authorize?oauth_token=${token}`, { headers });
    expect(page.status).toBe(200);
    return page.headers.get('set-cookie') ?? '';
  }

  describe.each([
    ['no proxy is configured', ''],
    ['another address is the proxy', '192.0.2.1'],
  ])('from a peer that is not a trusted proxy (%s)', (_case, trustedProxies) => {
    let target: Awaited<ReturnType<typeof started>>;

    beforeAll(async () => {
      target = await started(trustedProxies);
    });

    afterAll(async () => {
      await target.app.close();
    });

    it('ignores X-Forwarded-Proto/Host: a signature over the forwarded URL is refused, one over the real URL passes', async () => {
      expect(await initiate(target, PUBLIC, FORWARDED)).toEqual({ status: 401, body: 'Invalid signature' });
      expect((await initiate(target, target.base, FORWARDED)).status).toBe(200);
    });

    it('does not mark the CSRF cookie Secure for a claimed https', async () => {
      const cookie = await csrfCookie(target, { 'X-Forwarded-Proto': 'https' });
      expect(cookie).toMatch(/^obp_oauth_csrf=/);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('from a trusted proxy', () => {
    let target: Awaited<ReturnType<typeof started>>;

    beforeAll(async () => {
      target = await started('192.0.2.1, 127.0.0.1');
    });

    afterAll(async () => {
      await target.app.close();
    });

    it('honours X-Forwarded-Proto/Host: a signature over the public URL passes, one over the internal URL is refused', async () => {
      expect((await initiate(target, PUBLIC, FORWARDED)).status).toBe(200);
      expect(await initiate(target, target.base, FORWARDED)).toEqual({ status: 401, body: 'Invalid signature' });
      // Without the headers the request is taken as it came.
      expect((await initiate(target, target.base)).status).toBe(200);
    });

    it('marks the CSRF cookie Secure when the proxy says the browser used https, and only then', async () => {
      expect(await csrfCookie(target, { 'X-Forwarded-Proto': 'https' })).toMatch(/; Secure$/);
      expect(await csrfCookie(target, {})).not.toMatch(/;\s*Secure/i);
    });
  });
});

// Expired request and access tokens and expired nonces are deleted by each instance at most once a
// minute (OBP's cleaner runs hourly); a fresh instance cleans up on its first handshake.
describe('OAuth 1.0a clean-up of expired tokens and nonces', () => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;

  async function initiate(app: NestFastifyApplication, consumer: OAuth1Credentials) {
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    const authorization = oauthHeader(consumer, { method: 'POST', url: `${base}/oauth/initiate` }, { extra: { oauth_callback: CALLBACK } });
    const response = await fetch(`${base}/oauth/initiate`, { method: 'POST', headers: { Authorization: authorization } });
    expect(response.status).toBe(200);
    return { authorization, token: formAnswer(await response.text()).oauth_token };
  }

  beforeAll(async () => {
    // Nonces in the database here, whatever REDIS_URL says (Redis expires its keys by itself: below).
    first = await createTestApp({ env: { REDIS_URL: '' } });
    second = await createTestApp({ env: { REDIS_URL: '' } });
    await first.listen(0, '127.0.0.1');
    await second.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('deletes expired request tokens and nonces from the database', async () => {
    const created = await first.get(ConsumersService).create({ appName: uniqueName('oauth-app-'), redirectUrl: CALLBACK });
    const consumer = { key: created.consumer.key, secret: created.secret };
    const database = first.get(DataSource);
    const old = await initiate(first, consumer);
    await database.query(`UPDATE oauth1_tokens SET expires_at = now() - interval '1 second' WHERE consumer_id = $1`, [created.consumer.consumerId]);
    await database.query(`UPDATE oauth1_nonces SET expires_at = now() - interval '1 second' WHERE consumer_key = $1`, [consumer.key]);

    const fresh = await initiate(second, consumer);
    const tokens: { token_hash: string }[] = await database.query('SELECT token_hash FROM oauth1_tokens WHERE consumer_id = $1', [created.consumer.consumerId]);
    expect(tokens.map((row) => row.token_hash)).toEqual([tokenDigest(fresh.token)]);
    expect(tokens.map((row) => row.token_hash)).not.toContain(tokenDigest(old.token));
    const nonces: { n: number }[] = await database.query('SELECT count(*)::int AS n FROM oauth1_nonces WHERE consumer_key = $1 AND expires_at <= now()', [
      consumer.key,
    ]);
    expect(nonces[0].n).toBe(0);
    expect((await database.query('SELECT 1 FROM oauth1_nonces WHERE consumer_key = $1', [consumer.key])).length).toBe(1);
  });

  if (process.env.REDIS_URL) {
    it('keeps a nonce in Redis with an expiry of twice the timestamp window', async () => {
      const app = await createTestApp({ env: { REDIS_URL: process.env.REDIS_URL as string, OBP_OAUTH1_TIMESTAMP_WINDOW_SECONDS: '300' } });
      const redis = new Redis(process.env.REDIS_URL as string);
      try {
        await app.listen(0, '127.0.0.1');
        const created = await app.get(ConsumersService).create({ appName: uniqueName('oauth-app-'), redirectUrl: CALLBACK });
        await initiate(app, { key: created.consumer.key, secret: created.secret });
        const keys = await redis.keys(`obp:oauth1:nonce:*${created.consumer.key}*`);
        expect(keys).toHaveLength(1);
        const ttl = await redis.ttl(keys[0]);
        expect(ttl).toBeGreaterThan(2 * 300 - 10);
        expect(ttl).toBeLessThanOrEqual(2 * 300);
      } finally {
        redis.disconnect();
        await app.close();
      }
    });
  }
});

describe('OAuth 1.0a login page: the per-username window, shared with DirectLogin', () => {
  const WINDOW_SECONDS = 4;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // The store REDIS_URL selects (Redis in the PostgreSQL pass, memory otherwise).
    app = await createTestApp({ env: { OBP_LOGIN_THROTTLE_FAILURES_PER_USERNAME: '2', OBP_LOGIN_THROTTLE_WINDOW_SECONDS: String(WINDOW_SECONDS) } });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses the right password on the page once the username failed too often; Retry-After is what is left of the window, and then it works', async () => {
    const { base, consumer, user, token } = await pendingLoginPage(app);
    const firstFailure = Date.now();
    for (let attempt = 0; attempt < 2; attempt++) expect((await logInOnPageAt(base, token, user.username, 'Wr0ng-Passw0rd!')).status).toBe(200);
    const throttled = await logInOnPageAt(base, token, user.username, user.password);
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain('OBP-10018');
    // The window started at the first failure: what is left of it, rounded up.
    const retryAfter = Number(throttled.headers.get('retry-after'));
    const elapsed = Math.ceil((Date.now() - firstFailure) / 1000);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(retryAfter).toBeGreaterThanOrEqual(WINDOW_SECONDS - elapsed);
    // One window for the username, whichever login path: DirectLogin is refused too, another user is not.
    expectObpError(await directLogin(app, user.username, user.password, consumer.key), 429, 'OBP-10018');
    const other = await signUpAndLogin(app, consumer.key);
    expect(other.token).toBeTruthy();

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    expect((await logInOnPageAt(base, token, user.username, user.password)).status).toBe(302);
  });
});
