import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, freePort } from './server-process';

/**
 * The built server started as a new user starts it (README "Quick start"): no DATABASE_URL, no
 * OBP_* settings, no .env, a new embedded database directory; so it bootstraps the first admin and
 * prints the credentials banner. Its stdout is captured.
 */
const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface FirstStartServer {
  url: string;
  pgliteDir: string;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Whether the data directory held an initialised database when the "Preparing" line arrived. */
  initialisedAtAnnouncement(): boolean | undefined;
  /** The banner's credentials. */
  credentials(): { username: string; password: string; consumerKey: string };
  /** SIGTERM, wait for the exit, remove the data directory. */
  stop(): Promise<void>;
}

export async function startFirstTime(logFormat: 'json' | 'pretty' = 'json'): Promise<FirstStartServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'obp-first-start-'));
  const pgliteDir = join(dataDir, 'pglite');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    LOG_FORMAT: logFormat,
    PGLITE_DATA_DIR: pgliteDir,
  };
  // The test run's own OBP_* variables would be warned about first (unknown settings).
  for (const name of Object.keys(env))
    if (name.startsWith('OBP_') || ['DATABASE_URL', 'REDIS_URL', 'DATABASE_POOL_SIZE', 'METRICS_PORT'].includes(name)) delete env[name];
  env.ENV_FILE = ''; // no .env either
  const child = spawn(process.execPath, [MAIN], { env, cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let initialised: boolean | undefined;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (initialised === undefined && stdout.includes('Preparing the embedded database')) initialised = existsSync(join(pgliteDir, 'PG_VERSION'));
  });
  child.stderr.resume();
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };

  // The banner comes once the server listens; up to 2 min for a first start on a busy machine.
  const deadline = Date.now() + 120_000;
  while (!/consumer key: +\S+\n/.test(stdout) && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 200));
  if ((await call(url, 'GET', '/health')).status !== 200) {
    await stop();
    throw new Error(`the first start did not come up healthy with a banner; stdout:\n${stdout}`);
  }
  const field = (name: string) => new RegExp(`^ {2}${name}: +(\\S+)$`, 'm').exec(stdout)?.[1] ?? '';
  return {
    url,
    pgliteDir,
    stdout: () => stdout,
    initialisedAtAnnouncement: () => initialised,
    credentials: () => ({ username: field('username'), password: field('password'), consumerKey: field('consumer key') }),
    stop,
  };
}
