import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { OAuth } from 'oauth';
import { ConsumersService } from '../../src/modules/consumers/consumers.service';
import { signUpAndLogin, uniqueName, type TestUser } from '../support/identity';
import { logInOnPage } from '../support/oauth1-client';
import { createTestApp } from '../support/test-app';

/**
 * Client contract: API Explorer II's login and signed calls, with the library it uses. Read at
 * OpenBankProject/API-Explorer-II server/services/OauthInjectedService.ts (an `oauth` 0.10 OAuth
 * with VITE_OBP_API_HOST + /oauth/initiate and /oauth/token, version "1.0", the redirect URL,
 * HMAC-SHA1), server/middlewares/OauthRequestTokenMiddleware.ts (getOAuthRequestToken, then the
 * browser to /oauth/authorize?oauth_token=...), OauthAccessTokenMiddleware.ts (getOAuthAccessToken
 * with the verifier of the callback) and OBP-TypeScript src/auth/index.ts + src/api/client.ts (each
 * call: `Authorization: <oauth.authHeader(url, key, secret, method)>` and `Content-Type:
 * application/json`, GET and DELETE included). The `oauth` package sends the handshake POSTs with
 * `Content-Type: application/x-www-form-urlencoded` and an empty body.
 */
describe('API Explorer II OAuth 1.0a login (client contract)', () => {
  let app: NestFastifyApplication;
  let api: string;
  let explorer: OAuth;
  let user: TestUser;
  const redirectUrl = 'http://127.0.0.1:5173/api/callback';

  beforeAll(async () => {
    app = await createTestApp();
    await app.listen(0, '127.0.0.1');
    api = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
    const created = await app.get(ConsumersService).create({ appName: uniqueName('API Explorer '), redirectUrl });
    // obp-typescript's own headers (src/auth/index.ts), nonce size 32.
    const headers = { Accept: '*/*', Connection: 'close', 'User-Agent': 'Node authentication' };
    explorer = new OAuth(`${api}/oauth/initiate`, `${api}/oauth/token`, created.consumer.key, created.secret, '1.0', redirectUrl, 'HMAC-SHA1', 32, headers);
    user = await signUpAndLogin(app, created.consumer.key);
  });

  afterAll(async () => {
    await app.close();
  });

  const requestToken = () =>
    new Promise<{ key: string; secret: string }>((resolve, reject) =>
      explorer.getOAuthRequestToken((error, key, secret) => (error ? reject(new Error(JSON.stringify(error))) : resolve({ key, secret }))),
    );
  const accessToken = (request: { key: string; secret: string }, verifier: string) =>
    new Promise<{ key: string; secret: string }>((resolve, reject) =>
      explorer.getOAuthAccessToken(request.key, request.secret, verifier, (error, key, secret) =>
        error ? reject(new Error(JSON.stringify(error))) : resolve({ key, secret }),
      ),
    );

  it('logs in, then reads, creates and deletes as the user with signed obp-typescript calls', async () => {
    const request = await requestToken();
    const page = await logInOnPage(api, request.key, user.username, user.password);
    expect(page.status).toBe(302);
    const callback = new URL(page.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe(redirectUrl);
    const access = await accessToken(request, callback.searchParams.get('oauth_verifier') ?? '');

    const call = (method: string, path: string, body?: unknown) => {
      const url = `${api}/obp/v5.1.0${path}`;
      const headers = { Authorization: explorer.authHeader(url, access.key, access.secret, method), 'Content-Type': 'application/json' };
      return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    };
    const current = await call('GET', '/users/current');
    expect(current.status).toBe(200);
    expect(await current.json()).toMatchObject({ username: user.username });

    const created = await call('POST', '/my/api-collections', {
      api_collection_name: 'Favourites',
      is_sharable: false,
      description: 'API Explorer favourites',
    });
    expect(created.status).toBe(201);
    const { api_collection_id: collectionId } = (await created.json()) as { api_collection_id: string };
    expect((await call('GET', '/my/api-collections/name/Favourites')).status).toBe(200);
    expect((await call('DELETE', `/my/api-collections/${collectionId}`)).status).toBe(204);
  });
});
