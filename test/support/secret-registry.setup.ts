import { Test } from 'supertest';
import { registerSecret, registerSecretsIn, registerSecretsInPairs, SECRETS_DIR_ENV } from './run-log';

/**
 * Jest setupFiles: every supertest exchange registers the secrets it carried (run-log.ts): the
 * passwords and tokens the test sent in auth headers or JSON bodies, and the tokens, secrets and
 * verifiers the app answered with. global-teardown then checks that none reached the run log.
 */
if (process.env[SECRETS_DIR_ENV]) {
  type Exchange = { header?: Record<string, string>; _data?: unknown };
  type Answer = { body?: unknown; text?: string; headers?: Record<string, string> } | undefined;
  const prototype = Test.prototype as unknown as { assert: (error: unknown, res: Answer, fn: unknown) => unknown };
  const assert = prototype.assert;
  prototype.assert = function (this: Exchange, error: unknown, res: Answer, fn: unknown) {
    try {
      for (const [name, value] of Object.entries(this.header ?? {})) {
        const lower = name.toLowerCase();
        if (lower === 'authorization' || lower === 'directlogin') {
          registerSecretsInPairs(value);
          if (/^Bearer /i.test(value)) registerSecret(value.slice(7).trim());
        }
      }
      if (this._data && typeof this._data === 'object') registerSecretsIn(this._data);
      if (res) {
        registerSecretsIn(res.body);
        if (/^(application\/x-www-form-urlencoded|text\/plain)/.test(res.headers?.['content-type'] ?? '')) registerSecretsInPairs(res.text);
        registerSecretsInPairs(res.headers?.location);
      }
    } catch {
      // Registering is best effort: it must never change what a test sees.
    }
    return assert.call(this, error, res, fn);
  };
}

/**
 * The same for fetch (the OAuth 1.0a specs use it like a browser or client library): the secrets
 * in the request's Authorization header and in form-encoded, plain or JSON answers and redirects.
 */
if (process.env[SECRETS_DIR_ENV]) {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const response = await originalFetch(input, init);
    try {
      const authorization = new Headers(init?.headers).get('authorization');
      if (authorization) registerSecretsInPairs(authorization);
      registerSecretsInPairs(response.headers.get('location') ?? undefined);
      const type = response.headers.get('content-type') ?? '';
      if (/^(application\/x-www-form-urlencoded|text\/plain)/.test(type)) registerSecretsInPairs(await response.clone().text());
      else if (type.startsWith('application/json')) registerSecretsIn(await response.clone().json());
    } catch {
      // Best effort, as above.
    }
    return response;
  };
}
