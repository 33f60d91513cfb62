import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CliUsageError, parseOptions, runCli } from '../../src/cli/cli-commands';
import { createBank, directLogin, uniqueName } from '../support/identity';
import { ensureBuilt } from '../support/server-process';
import { createTestApp } from '../support/test-app';

const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'obp-cli.js');

describe('Admin CLI commands (e2e against the test database)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates a user and a consumer that can log in, and grants roles with the API rules', async () => {
    const username = uniqueName('cli');
    const [createdUser] = await runCli(['create-user', '--username', username, '--password', 'Cl1-Passw0rd!', '--email', `${username}@example.com`], app);
    expect(createdUser).toMatch(new RegExp(`^created user ${username} \\(user_id [0-9a-f-]{36}\\)$`));

    const consumerLines = await runCli(['create-consumer', '--app-name', 'CLI app'], app);
    const key = /consumer key:\s+(\S+)/.exec(consumerLines.join('\n'))?.[1] as string;
    expect(consumerLines.join('\n')).toMatch(/consumer secret: [a-z0-9]{40}/);
    await directLogin(app, username, 'Cl1-Passw0rd!', key).expect(201);

    const bank = await createBank(app);
    await runCli(['grant-role', '--username', username, '--role', 'CanGetCustomer', '--bank-id', bank], app);
    await runCli(['grant-role', '--username', username, '--role', 'CanGetAnyUser'], app);
    const rows = await app
      .get(DataSource)
      .query('SELECT role_name, bank_id FROM entitlements e JOIN users u USING (user_id) WHERE u.username = $1 ORDER BY role_name', [username]);
    expect(rows).toEqual([
      { role_name: 'CanGetAnyUser', bank_id: '' },
      { role_name: 'CanGetCustomer', bank_id: bank },
    ]);
    await expect(runCli(['grant-role', '--username', username, '--role', 'CanGetCustomer'], app)).rejects.toThrow(/OBP-30205/);
    await expect(runCli(['grant-role', '--username', username, '--role', 'CanFly'], app)).rejects.toThrow(/OBP-10007/);
    await expect(runCli(['create-user', '--username', uniqueName('w'), '--password', 'weak', '--email', 'w@example.com'], app)).rejects.toThrow(/OBP-30207/);
  });

  it('lists roles with their level', async () => {
    const lines = await runCli(['list-roles'], app);
    expect(lines).toContain('CanGetAnyUser');
    expect(lines).toContain('CanCreateCustomer (bank role: needs --bank-id)');
  });

  it('refuses unknown commands and malformed options as usage errors', async () => {
    await expect(runCli(['launch-rockets'], app)).rejects.toBeInstanceOf(CliUsageError);
    await expect(runCli(['create-user', '--username'], app)).rejects.toBeInstanceOf(CliUsageError);
    await expect(runCli(['create-consumer'], app)).rejects.toThrow('Missing --app-name');
    expect(() => parseOptions(['username', 'x'])).toThrow(CliUsageError);
  });
});

describe('Admin CLI beside a server holding the embedded database (built CLI)', () => {
  let dir: string;

  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'obp-cli-locked-'));
    // What a running server leaves beside its data directory: a pidfile naming a live process (this one).
    writeFileSync(join(dir, 'pglite.lock'), String(process.pid));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `node dist/src/cli/obp-cli.js ...` on that embedded database (no DATABASE_URL). */
  function runBuiltCli(args: string[], env: Record<string, string> = {}) {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: join(dir, 'pglite'), ENV_FILE: '', ...env };
    delete childEnv.DATABASE_URL;
    const run = spawnSync(process.execPath, [CLI, ...args], { env: childEnv, encoding: 'utf8', timeout: 60_000 });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  const commands = [['list-roles'], ['migrate'], ['import', 'test/fixtures/obp/sandbox-large.json']];
  it.each(commands)('%s says in one line what to do, without a stack trace', (...args) => {
    const run = runBuiltCli(args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      `The embedded database ${join(dir, 'pglite')} is in use by process ${process.pid} (a running server?): stop it and run the command again, ` +
        'or set DATABASE_URL to a PostgreSQL server both use (import FILE --url http://localhost:8080 ... goes through the running server).',
    ]);
  });

  it('warns about an unknown OBP_ variable, naming the setting meant, and reports a bad value in one line', () => {
    const run = runBuiltCli(['list-roles'], { OBP_DB_URL: 'postgres://x', LOG_LEVEL: 'loud' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'warning: OBP_DB_URL is not a setting of this server and is ignored (did you mean DATABASE_URL?)\n' +
        'Invalid configuration:\n  - LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent\n',
    );
  });
});
