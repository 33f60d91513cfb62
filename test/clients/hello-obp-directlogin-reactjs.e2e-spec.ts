import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { launchChromium, listenOnLoopback } from '../support/browser';
import { createBank, createConsumer, signUpAndLogin, type TestUser } from '../support/identity';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: OpenBankProject/Hello-OBP-DirectLogin-ReactJs, as read in src/App.js (axios
 * 0.19, a page served from its own origin). Its code is not used; this page puts the same requests
 * on the wire, with XMLHttpRequest as axios's browser adapter does, in the app's order:
 * - "Get Token": POST BASE/my/logins/direct with
 *   `Authorization: DirectLogin username="U",password="P",consumer_key="K"` (quoted, no spaces) and no
 *   body. App.js also sets `Content-Type: application/json`, which axios drops when there is no body;
 *   a port of the app to fetch() keeps it, so both forms are sent;
 * - "Get Banks": GET BASE/obp/v4.0.0/banks, then "Get Accounts": GET BASE/obp/v4.0.0/my/accounts,
 *   each with `Authorization: DirectLogin token="T"` (quoted), reading banks[].id/short_name and
 *   accounts[].id/label;
 * - errors: the app shows `response.data.message`, so a refused login must be readable cross-origin.
 * Every request carries axios's default `Accept: application/json, text/plain, *\/*`.
 */
function helloPage(base: string, username: string, password: string, consumerKey: string): string {
  const config = JSON.stringify({ base, username, password, consumerKey });
  return `<!doctype html><html><head><meta charset="utf-8"><title>hello</title></head><body><pre id="out">running</pre>
<script>
const { base, username, password, consumerKey } = ${config};
// The app joins its base URL and a path after trimming their slashes.
const url = (path) => base.replace(/\\/+$/, '') + '/' + path.replace(/^\\/+/, '');
function call(method, path, headers) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url(path), true);
    xhr.setRequestHeader('Accept', 'application/json, text/plain, */*');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.onloadend = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (error) { body = xhr.responseText; }
      resolve({ status: xhr.status, body });
    };
    xhr.send(null);
  });
}
(async () => {
  const result = {};
  try {
    const credentials = 'DirectLogin username="' + username + '",password="' + password + '",consumer_key="' + consumerKey + '"';
    const wrong = await call('POST', '/my/logins/direct', { Authorization: credentials.replace('password="' + password, 'password="wrong' + password) });
    result.wrongLogin = wrong;
    const declared = await call('POST', '/my/logins/direct', { 'Content-Type': 'application/json', Authorization: credentials });
    result.declaredLoginStatus = declared.status;
    result.declaredGotToken = typeof declared.body.token === 'string';
    const login = await call('POST', '/my/logins/direct', { Authorization: credentials });
    result.loginStatus = login.status;
    const token = login.body.token;
    result.gotToken = typeof token === 'string' && token.length > 20;
    const withToken = { Authorization: 'DirectLogin token="' + token + '"' };
    const banks = await call('GET', '/obp/v4.0.0/banks', withToken);
    result.banksStatus = banks.status;
    result.banks = banks.body.banks.map((bank) => ({ id: bank.id, short_name: bank.short_name }));
    const accounts = await call('GET', '/obp/v4.0.0/my/accounts', withToken);
    result.accountsStatus = accounts.status;
    result.accounts = accounts.body.accounts.map((account) => ({ id: account.id, label: account.label }));
  } catch (error) {
    result.error = String(error);
  }
  document.getElementById('out').textContent = JSON.stringify(result);
  window.helloResult = result;
})();
</script></body></html>`;
}

describe('Client contract: Hello-OBP-DirectLogin-ReactJs in a browser (e2e)', () => {
  let app: NestFastifyApplication;
  let apiUrl: string;
  let consumerKey: string;
  let user: TestUser;
  let bankId: string;
  let accountId: string;
  let pageServer: Server | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    consumerKey = (await createConsumer(app)).key;
    user = await signUpAndLogin(app, consumerKey);
    bankId = await createBank(app);
    const opened = await request(app.getHttpServer())
      .post(`/obp/v4.0.0/banks/${bankId}/accounts`)
      .set(user.auth)
      .send({ user_id: '', label: 'Hello savings', product_code: 'SAVINGS', balance: { currency: 'EUR', amount: '0' }, branch_id: 'B1', account_routings: [] })
      .expect(201);
    accountId = opened.body.account_id;
  });

  afterAll(async () => {
    await browser?.close();
    if (pageServer) await new Promise((resolve) => pageServer?.close(resolve));
    await app.close();
  });

  it('logs in, reads the banks and the accounts from another origin, and can read a refused login', async () => {
    // The base URL as a user types it into the app's form, trailing slash included.
    const html = helloPage(`${apiUrl}/`, user.username, user.password, consumerKey);
    pageServer = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
    const pageUrl = `http://localhost:${await listenOnLoopback(pageServer)}/index.html`;

    browser = await launchChromium();
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => (globalThis as unknown as { helloResult?: unknown }).helloResult !== undefined, undefined, { timeout: 20_000 });
    const result = await page.evaluate(() => (globalThis as unknown as { helloResult: Record<string, unknown> }).helloResult);

    expect(consoleErrors.filter((text) => /CORS|Access-Control/i.test(text))).toEqual([]);
    expect(result).toEqual({
      wrongLogin: { status: 401, body: { code: 401, message: expect.stringMatching(/^OBP-\d{5}: /) } },
      declaredLoginStatus: 201,
      declaredGotToken: true,
      loginStatus: 201,
      gotToken: true,
      banksStatus: 200,
      banks: expect.arrayContaining([{ id: bankId, short_name: expect.any(String) }]),
      accountsStatus: 200,
      accounts: [{ id: accountId, label: 'Hello savings' }],
    });
  });
});
