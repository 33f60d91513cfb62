import { readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { leakedSecrets, registeredSecrets, RUN_LOG_ENV, SECRETS_DIR_ENV } from './run-log';

/**
 * After every spec: no secret any test handled (tokens, consumer secrets, invitation secrets,
 * OAuth tokens and verifiers, passwords) may appear anywhere in the run's log (issue 19 item 7).
 * A leak fails the run and keeps the log for reading; a clean run's log is removed.
 */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__EMBEDDED_POSTGRES__?.stop();
  const logPath = process.env[RUN_LOG_ENV];
  const secretsDir = process.env[SECRETS_DIR_ENV];
  if (!logPath || !secretsDir) return;
  const log = readFileSync(logPath, 'utf8');
  const secrets = registeredSecrets(secretsDir);
  const leaked = leakedSecrets(log, secrets);
  if (leaked.length > 0) {
    const lines = log.split('\n');
    const report = leaked.slice(0, 10).map((secret) => {
      const at = lines.findIndex((line) => line.includes(secret.split(/[^A-Za-z0-9_-]+/).sort((a, b) => b.length - a.length)[0]));
      return `  ${secret.slice(0, 6)}… (${secret.length} characters), first in log line ${at + 1}: ${lines[at]?.slice(0, 300)}`;
    });
    throw new Error(`${leaked.length} of ${secrets.length} secrets the tests handled appear in the run log ${logPath}:\n${report.join('\n')}`);
  }
  // OBP_TEST_KEEP_RUN_LOG=1 keeps a clean run's log too (to read what the apps logged).
  if (process.env.OBP_TEST_KEEP_RUN_LOG) console.log(`run log kept: ${logPath}`);
  else rmSync(dirname(logPath), { recursive: true, force: true });
}
