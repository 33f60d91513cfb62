import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, readdirSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { registerSecret, registerSecretsIn, registerSecretsInPairs, runLogPath, runLogStdio } from './run-log';

/**
 * Helpers for specs that run the built server (`node dist/src/main.js`) as separate processes:
 * multi-instance, crash and shutdown tests.
 */

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

/** True when the test database is jest's in-memory PGlite, which other processes cannot open. */
export const EMBEDDED_TEST_DATABASE = process.env.OBP_TEST_EMBEDDED_DATABASE === 'true';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than a source file. */
export function ensureBuilt(): void {
  const newestSource = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'migrations')));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource) return;
  execFileSync('npx', ['nest', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Milliseconds from spawn to the first healthy /health. */
  startMs: number;
}

/**
 * The environment of a spawned server: the test environment plus `env`. With `pgliteDataDir`
 * the server runs on its own file-backed embedded database instead of DATABASE_URL.
 */
export function serverEnv(env: Record<string, string>, pgliteDataDir?: string): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    // Into the run log at info (access log included), checked for secrets at the end of the run.
    LOG_LEVEL: runLogPath() ? 'info' : 'warn',
    OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false',
    ...env,
  };
  if (pgliteDataDir) {
    delete base.DATABASE_URL;
    delete base.DATABASE_POOL_SIZE;
    base.PGLITE_DATA_DIR = pgliteDataDir;
    base.DATABASE_MIGRATE_ON_START = 'true';
  }
  return base;
}

/** Spawns `node dist/src/main.js` on `port` and waits until /health answers 200. */
export async function startServer(env: NodeJS.ProcessEnv, port: number, timeoutMs = 90_000): Promise<ServerProcess> {
  const started = Date.now();
  const stdout = runLogStdio();
  const child = spawn(process.execPath, [MAIN], { env: { ...env, PORT: String(port) }, stdio: ['ignore', stdout, 'inherit'] });
  // The child has its own copy of the descriptor.
  if (typeof stdout === 'number') closeSync(stdout);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const url = `http://127.0.0.1:${port}`;
  while (Date.now() - started < timeoutMs && !ended) {
    const health = await call(url, 'GET', '/health');
    if (health.status === 200) return { child, port, url, exited, startMs: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server on port ${port} did not become healthy (${ended ? 'it exited' : 'timed out'})`);
}

export interface CallOutcome {
  /** HTTP status, when a response arrived. */
  status?: number;
  body?: any;
  /** Socket error code (ECONNREFUSED, ECONNRESET, ...) when no response arrived. */
  error?: string;
  /** Date.now() when the outcome was known. */
  at: number;
  /** With expectContinue: Date.now() when the server had read the request head (100 Continue). */
  continuedAt?: number;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /**
   * Sends `Expect: 100-continue` and the body only after the server's 100 Continue, which Node
   * sends once it has accepted the connection and parsed the request head: `continuedAt` then
   * proves the request reached the server.
   */
  expectContinue?: boolean;
  /** With expectContinue: the body goes out only once this resolves (a slow upload in flight). */
  holdBodyUntil?: Promise<unknown>;
  /** With expectContinue: called at the 100 Continue. */
  onContinue?: () => void;
  /** The connection opens at once, the request is written only once this resolves. */
  sendAfter?: Promise<unknown>;
}

/**
 * One HTTP request on its own connection (no keep-alive), never rejecting: the outcome says
 * whether a response arrived or which socket error happened instead.
 */
export function call(base: string, method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<CallOutcome> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const expectContinue = !!payload && options.expectContinue;
  return new Promise((resolve) => {
    let continuedAt: number | undefined;
    const settle = (outcome: Omit<CallOutcome, 'at' | 'continuedAt'>) => resolve({ ...outcome, at: Date.now(), continuedAt });
    const req = httpRequest(`${base}${path}`, {
      method,
      agent: false,
      headers: {
        Connection: 'close',
        ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
        ...(expectContinue ? { Expect: '100-continue' } : {}),
        ...options.headers,
      },
    });
    registerExchangeSecrets(options.headers, body);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        registerSecretsIn(parsed);
        settle({ status: res.statusCode, body: parsed });
      });
      res.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
    if (!expectContinue) {
      void Promise.resolve(options.sendAfter).then(() => req.end(payload));
      return;
    }
    req.on('continue', () => {
      continuedAt = Date.now();
      options.onContinue?.();
      void Promise.resolve(options.holdBodyUntil).then(() => req.end(payload));
    });
    req.flushHeaders();
  });
}

/** The passwords and tokens a request carries, for the end-of-run log check (run-log.ts). */
function registerExchangeSecrets(headers: Record<string, string> | undefined, body: unknown): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!/^(authorization|directlogin)$/i.test(name)) continue;
    registerSecretsInPairs(value);
    if (/^Bearer /i.test(value)) registerSecret(value.slice(7).trim());
  }
  registerSecretsIn(body);
}

/** Whether a TCP connection to the port is refused. */
export function connectionRefused(port: number): Promise<boolean> {
  return call(`http://127.0.0.1:${port}`, 'GET', '/health/live').then((outcome) => outcome.error === 'ECONNREFUSED');
}

/**
 * Serves a file-backed PGlite data directory (one no server is using) on a loopback port from a
 * plain Node child process (PGlite cannot load inside Jest's VM), for SQL checks with `pg`.
 */
export async function serveEmbeddedDatabase(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(join(ROOT, 'dist', 'src', 'database', 'embedded-postgres.js'))});
    startEmbeddedPostgres(${JSON.stringify(dataDir)}, 4).then((db) => {
      process.stdout.write(db.url + '\\n');
      process.stdin.on('end', () => db.stop().then(() => process.exit(0)));
      process.stdin.resume();
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('\n')) resolve(output.trim());
    });
    void exited.then(() => reject(new Error(`could not open the embedded database in ${dataDir}`)));
  });
  return {
    url,
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
