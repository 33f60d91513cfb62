import { createServer, type Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser } from 'playwright-core';
import { ConsumersService } from '../../src/modules/consumers/consumers.service';
import { launchChromium } from '../support/browser';
import { signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { formAnswer, oauthHeader, type OAuth1Credentials } from '../support/oauth1-client';
import { createTestApp } from '../support/test-app';

// The whole OAuth 1.0a flow in a real browser: a consumer web application (a small server signing
// with the oauth-1.0a library) sends the user to the API's login page, the user logs in in
// headless Chromium, the browser comes back to the application's callback, which exchanges the
// verifier and reads /users/current as the user.

describe('OAuth 1.0a in a real browser', () => {
  let app: NestFastifyApplication;
  let api: string;
  let consumerApp: Server;
  let appUrl: string;
  let browser: Browser;
  let user: TestUser;
  let appName: string;
  const pendingSecrets = new Map<string, string>();
  let consumer: OAuth1Credentials;

  async function signedFetch(method: string, url: string, token?: OAuth1Credentials, extra?: Record<string, string>) {
    return fetch(url, { method, headers: { Authorization: oauthHeader(consumer, { method, url }, { token, extra }) } });
  }

  /** The consumer application: /start begins the dance, /callback finishes it and shows who logged in. */
  async function handle(path: string, query: URLSearchParams): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    if (path === '/start') {
      const initiated = await signedFetch('POST', `${api}/oauth/initiate`, undefined, { oauth_callback: `${appUrl}/callback` });
      const answer = formAnswer(await initiated.text());
      pendingSecrets.set(answer.oauth_token, answer.oauth_token_secret);
      return { status: 302, headers: { Location: `${api}/oauth/authorize?oauth_token=${encodeURIComponent(answer.oauth_token)}` }, body: '' };
    }
    if (path === '/callback') {
      const token = query.get('oauth_token') ?? '';
      const exchanged = await signedFetch(
        'POST',
        `${api}/oauth/token`,
        { key: token, secret: pendingSecrets.get(token) ?? '' },
        { oauth_verifier: query.get('oauth_verifier') ?? '' },
      );
      const access = formAnswer(await exchanged.text());
      const current = await signedFetch('GET', `${api}/obp/v5.1.0/users/current`, { key: access.oauth_token, secret: access.oauth_token_secret });
      const body = (await current.json()) as { username?: string };
      return { status: 200, headers: { 'Content-Type': 'text/html' }, body: `<p id="who">${body.username ?? `failed ${current.status}`}</p>` };
    }
    return { status: 404, headers: {}, body: '' };
  }

  beforeAll(async () => {
    browser = await launchChromium();
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    api = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    consumerApp = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      handle(url.pathname, url.searchParams).then(
        (answer) => response.writeHead(answer.status, answer.headers).end(answer.body),
        (error: Error) => response.writeHead(500).end(error.message),
      );
    });
    await new Promise<void>((resolve) => consumerApp.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(consumerApp.address() as { port: number }).port}`;
    appName = uniqueName('Browser App ');
    const created = await app.get(ConsumersService).create({ appName, redirectUrl: `${appUrl}/callback` });
    consumer = { key: created.consumer.key, secret: created.secret };
    user = await signUpAndLogin(app, consumer.key);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => consumerApp?.close(resolve));
    await app?.close();
  });

  it('logs the user in on the login page and brings them back to the application', async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl}/start`);
    expect(page.url()).toContain(`${api}/oauth/authorize?oauth_token=`);
    expect(await page.textContent('#app-name')).toBe(appName);

    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill('Wr0ng-Passw0rd!');
    await page.getByRole('button', { name: 'Log in and authorise' }).click();
    await page.waitForSelector('#error');
    expect(await page.textContent('#error')).toContain('OBP-20004');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Log in and authorise' }).click();
    await page.waitForSelector('#who');
    expect(page.url().startsWith(`${appUrl}/callback?`)).toBe(true);
    expect(await page.textContent('#who')).toBe(user.username);
    await page.close();
  });
});
