import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './app-config';
import type { Env } from './env-parsers';

/** The one setting read before every other: which file of `NAME=value` lines to load. */
export const ENV_FILE_VARIABLE = 'ENV_FILE';

/**
 * Loads `.env` from the working directory (or the file ENV_FILE names; `ENV_FILE=` with no value
 * loads none) into `env`, parsed by Node's own .env parser (`util.parseEnv`, the one behind
 * `node --env-file`). Variables already set win over the file. Called by the server, the admin CLI
 * and the TypeORM CLI at start; the tests do not load it (their spawned processes run with
 * `ENV_FILE=`). Returns the absolute path loaded, if any.
 */
export function loadEnvFile(env: Env = process.env): string | undefined {
  const configured = env[ENV_FILE_VARIABLE];
  if (configured === '') return undefined;
  const path = resolve(configured ?? '.env');
  if (!existsSync(path)) {
    if (configured !== undefined) throw new ConfigError([`${ENV_FILE_VARIABLE}=${configured}: no such file`]);
    return undefined;
  }
  for (const [name, value] of Object.entries(parseEnv(readFileSync(path, 'utf8')))) {
    if (env[name] === undefined && value !== undefined) env[name] = value;
  }
  return path;
}
