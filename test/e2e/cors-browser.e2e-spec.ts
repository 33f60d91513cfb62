import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { chromium, type Browser } from 'playwright-core';
import { listenOnLoopback } from '../support/browser';
import { createBank, createConsumer, signUpAndLogin, type TestUser } from '../support/identity';
import { createTestApp } from '../support/test-app';

/** Debian's chromium package (CI installs it). Missing = a failure, never a skip. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The page a third-party web app would serve: it logs in with DirectLogin, reads the banks and
 * provokes a 401, all with fetch() across origins, and records what it could read.
 */
function walletPage(api: string, username: string, password: string, consumerKey: string): string {
  const config = JSON.stringify({ api, username, password, consumerKey });
  return `<!doctype html><html><head><meta charset="utf-8"><title>wallet</title></head><body><pre id="out">running</pre>
<script>
(async () => {
  const { api, username, password, consumerKey } = ${config};
  const result = {};
  try {
    const login = await fetch(api + '/my/logins/direct', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', DirectLogin: 'username=' + username + ', password=' + password + ', consumer_key=' + consumerKey },
    });
    result.loginStatus = login.status;
    const loginBody = await login.json();
    if (login.status !== 201) result.loginBody = loginBody;
    const token = loginBody.token;
    result.gotToken = typeof token === 'string' && token.length > 20;

    const banks = await fetch(api + '/obp/v5.1.0/banks', { headers: { DirectLogin: 'token=' + token, 'Correlation-Id': 'wallet-call-1' } });
    result.banksStatus = banks.status;
    result.correlationId = banks.headers.get('Correlation-Id');
    result.bankIds = (await banks.json()).banks.map((bank) => bank.id);

    const me = await fetch(api + '/obp/v5.1.0/users/current', { headers: { Authorization: 'DirectLogin token=' + token } });
    result.meStatus = me.status;
    result.meUsername = (await me.json()).username;

    const anonymous = await fetch(api + '/obp/v5.1.0/users/current');
    result.anonymousStatus = anonymous.status;
    result.anonymousBody = await anonymous.json();
    result.anonymousWwwAuthenticate = anonymous.headers.get('WWW-Authenticate');
  } catch (error) {
    result.error = String(error);
  }
  document.getElementById('out').textContent = JSON.stringify(result);
  window.walletResult = result;
})();
</script></body></html>`;
}

describe('CORS in a real browser (e2e)', () => {
  let app: NestFastifyApplication;
  let apiUrl: string;
  let user: TestUser;
  let consumerKey: string;
  let bankId: string;
  let pageServer: Server;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    consumerKey = (await createConsumer(app)).key;
    user = await signUpAndLogin(app, consumerKey);
    bankId = await createBank(app);
  });

  afterAll(async () => {
    await browser?.close();
    if (pageServer) await new Promise((resolve) => pageServer.close(resolve));
    await app.close();
  });

  it('lets a page from another origin log in with DirectLogin and read /obp/v5.1.0/banks with fetch', async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    const html = walletPage(apiUrl, user.username, user.password, consumerKey);
    pageServer = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
    // "localhost" on another port: a different origin from the API's 127.0.0.1 in every respect.
    const pageUrl = `http://localhost:${await listenOnLoopback(pageServer)}/wallet.html`;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => (globalThis as unknown as { walletResult?: unknown }).walletResult !== undefined, undefined, { timeout: 20_000 });
    const result = await page.evaluate(() => (globalThis as unknown as { walletResult: Record<string, unknown> }).walletResult);

    expect(consoleErrors.filter((text) => /CORS|Access-Control/i.test(text))).toEqual([]);
    expect(result).toEqual({
      loginStatus: 201,
      gotToken: true,
      banksStatus: 200,
      correlationId: 'wallet-call-1',
      bankIds: expect.arrayContaining([bankId]),
      meStatus: 200,
      meUsername: user.username,
      anonymousStatus: 401,
      anonymousBody: { code: 401, message: expect.stringMatching(/^OBP-20001: /) },
      anonymousWwwAuthenticate: expect.stringContaining('DirectLogin'),
    });
  });
});
