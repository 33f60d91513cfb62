import { appendFileSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino, type DestinationStream } from 'pino';

/**
 * One log for the whole test run, and a registry of every secret the tests were handed, so that
 * global-teardown can check that no secret ever reached a log line (issue 19 item 7).
 *
 * global-setup sets both paths. Apps created with createTestApp (without a log destination of
 * their own) log there at info level, which includes the access log; servers spawned through
 * server-process write their stdout there. Secrets are registered by the supertest hook
 * (secret-registry.setup.ts), by `call` for spawned servers, and by helpers that see secrets
 * outside HTTP responses.
 */
export const RUN_LOG_ENV = 'OBP_TEST_RUN_LOG';
export const SECRETS_DIR_ENV = 'OBP_TEST_SECRETS_DIR';

/** Shorter values are too likely to occur by chance (and are not real secrets here). */
const MIN_SECRET_LENGTH = 12;

export function runLogPath(): string | undefined {
  return process.env[RUN_LOG_ENV] || undefined;
}

let destination: DestinationStream | undefined;

/** The run log as a pino destination (synchronous appends: nothing is lost when a worker ends). */
export function runLogDestination(): DestinationStream | undefined {
  const path = runLogPath();
  if (!path) return undefined;
  destination ??= pino.destination({ dest: path, append: true, sync: true });
  return destination;
}

/** A file descriptor appending to the run log, for a spawned process's stdout ('ignore' without a run log). */
export function runLogStdio(): number | 'ignore' {
  const path = runLogPath();
  return path ? openSync(path, 'a') : 'ignore';
}

const registered = new Set<string>();

/** Remembers a secret the tests were given or sent (a no-op outside a run with a registry). */
export function registerSecret(value: unknown): void {
  const dir = process.env[SECRETS_DIR_ENV];
  if (!dir || typeof value !== 'string' || value.length < MIN_SECRET_LENGTH || registered.has(value)) return;
  registered.add(value);
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${process.pid}.json-lines`), `${JSON.stringify(value)}\n`);
}

/** Field names whose values are secrets, in JSON answers and form-encoded handshake answers. */
const SECRET_FIELDS = new Set([
  'token',
  'secret',
  'secret_key',
  'consumer_secret',
  'oauth_token',
  'oauth_token_secret',
  'oauth_verifier',
  'access_token',
  'refresh_token',
  'id_token',
  'password',
]);

/** Registers the values of secret-named fields, near the top of a JSON value (where answers carry them). */
export function registerSecretsIn(value: unknown, depth = 0): void {
  if (depth > 3 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) registerSecretsIn(item, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  // OBP's credit limit request answer calls the request's id `token` (beside `short_reference`): it
  // is the id in that request's URL, which the access log rightly shows, not a credential.
  const referenceToken = 'short_reference' in record;
  for (const [name, field] of Object.entries(record)) {
    if (SECRET_FIELDS.has(name)) {
      if (!(referenceToken && name === 'token')) registerSecret(field);
    } else registerSecretsIn(field, depth + 1);
  }
}

/** Registers `name=value` secrets of a form-encoded body, a query string or a DirectLogin header. */
export function registerSecretsInPairs(text: string | undefined): void {
  if (!text) return;
  for (const match of text.matchAll(/(?:^|[?&,\s])([a-z_]+)="?([^&,"\s]+)"?/g)) {
    if (SECRET_FIELDS.has(match[1])) registerSecret(safeDecode(match[2]));
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export function registeredSecrets(dir: string): string[] {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return [];
  }
  const secrets = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line) secrets.add(JSON.parse(line) as string);
  }
  return [...secrets];
}

/**
 * The secrets that occur in the log text. Linear in the log: its words (runs of A-Z a-z 0-9 _ -)
 * go into a set, and a token-like secret is found by its longest such run (at least 16
 * characters: a JWT's signature, a whole base64url or decimal secret). Other secrets (passwords
 * with punctuation, short runs) are few and searched for literally.
 */
export function leakedSecrets(logText: string, secrets: readonly string[]): string[] {
  const words = new Set(logText.split(/[^A-Za-z0-9_-]+/).filter((word) => word.length >= 16));
  return secrets.filter((secret) => {
    const longest = secret.split(/[^A-Za-z0-9_-]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    return longest.length >= 16 ? words.has(longest) : logText.includes(secret);
  });
}
