import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CliUsageError, runCli } from '../../src/cli/cli-commands';
import { parseImportArguments } from '../../src/cli/import-command';
import { ALL_MIGRATIONS } from '../../migrations';
import { createConsumer, grantRole, signUpAndLogin, type TestUser } from '../support/identity';
import { SANDBOX_FIXTURES, sandboxRowCounts, syntheticSandbox } from '../support/sandbox';
import { ensureBuilt } from '../support/server-process';
import { createTestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'obp-cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/src/cli/obp-cli.js ...` without blocking this process (it may serve the CLI's HTTP calls). */
function runBuiltCli(args: string[], env: NodeJS.ProcessEnv = { ...process.env, DATABASE_MIGRATE_ON_START: 'false' }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The summary's "  <kind>   <count>" lines as a map. */
function summary(text: string): Record<string, number> {
  return Object.fromEntries([...text.matchAll(/^ {2}(\S.*?)\s+(\d+)$/gm)].map(([, kind, count]) => [kind, Number(count)]));
}

const FILE_COUNTS = { banks: 1, users: 2, accounts: 2, transactions: 5, branches: 1, ATMs: 1, products: 1, 'CRM events': 1 };

describe('CLI: npm run obp -- import FILE (e2e against the test database)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let dir: string;

  function writePayload(payload: unknown): string {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(payload));
    return file;
  }

  const bankExists = async (bank: string) => (await db.query('SELECT 1 FROM banks WHERE bank_id = $1', [bank])).length === 1;

  beforeAll(async () => {
    ensureBuilt();
    app = await createTestApp({ env: { OBP_ALLOW_SANDBOX_DATA_IMPORT: 'true' } });
    db = app.get(DataSource);
    dir = mkdtempSync(join(tmpdir(), 'obp-cli-import-'));
  }, 180_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app.close();
  });

  it('in process: imports through the import service, reports progress and the counts', async () => {
    const { data, bank, alice } = syntheticSandbox();
    const progress: string[] = [];
    const lines = await runCli(['import', writePayload(data)], app, { write: (text: string) => progress.push(text) });
    expect(lines[0]).toMatch(/^Imported .+\.json in \d+\.\d s:$/);
    expect(summary(lines.join('\n'))).toEqual({ ...FILE_COUNTS, 'account holders': 3, 'view grants': 39, 'public views': 0, counterparties: 3 });
    expect(progress.join('')).toMatch(/\[#{30}\] 100% done\n$/);
    expect(progress.some((line) => line.includes('% transactions'))).toBe(true);
    expect(await bankExists(bank)).toBe(true);
    expect(await db.query('SELECT validated FROM users WHERE username = $1', [alice])).toEqual([{ validated: true }]);
  });

  it('in process: a refused file is a failed command with the API message; nothing saved', async () => {
    const { data, bank } = syntheticSandbox();
    const before = await sandboxRowCounts(app);
    await expect(
      runCli(['import', writePayload({ ...data, users: [{ ...data.users[0], password: 'weak' }, data.users[1]] })], app, { write: () => true }),
    ).rejects.toThrow(/^OBP-30207: Invalid Password Format\..* \(users\[0\] "alice\.\w+"\)$/);
    expect(await sandboxRowCounts(app)).toEqual(before);
    expect(await bankExists(bank)).toBe(false);
    await expect(runCli(['import', join(dir, 'missing.json')], app, { write: () => true })).rejects.toThrow(/^Cannot read .*missing\.json/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"banks": [');
    await expect(runCli(['import', broken], app, { write: () => true })).rejects.toThrow(/broken\.json is not valid JSON/);
    await expect(runCli(['import', writePayload({ banks: [] })], app, { write: () => true })).rejects.toThrow(
      /^OBP-10001: .*SandboxDataImport users: is required$/,
    );
  });

  it('parses its arguments', () => {
    expect(parseImportArguments(['f.json'])).toEqual({ file: 'f.json' });
    expect(parseImportArguments(['f.json', '--url', 'http://h:1', '--username', 'u', '--password', 'p', '--consumer-key', 'k'])).toEqual({
      file: 'f.json',
      url: 'http://h:1',
      username: 'u',
      password: 'p',
      consumerKey: 'k',
    });
    expect(() => parseImportArguments([])).toThrow(CliUsageError);
    expect(() => parseImportArguments(['--url', 'x'])).toThrow(CliUsageError);
    expect(() => parseImportArguments(['f.json', '--bank', 'x'])).toThrow('Unknown option --bank for import');
  });

  it('built CLI: imports straight into the database and prints the summary (exit 0)', async () => {
    const { data, bank, bob } = syntheticSandbox();
    const run = await runBuiltCli(['import', writePayload(data)]);
    expect(run).toMatchObject({ code: 0, stderr: expect.stringContaining('100% done') });
    expect(summary(run.stdout)).toEqual({ ...FILE_COUNTS, 'account holders': 3, 'view grants': 39, 'public views': 0, counterparties: 3 });
    expect(await db.query('SELECT count(*)::int AS n FROM transactions WHERE bank_id = $1', [bank])).toEqual([{ n: 5 }]);
    expect(await db.query('SELECT count(*)::int AS n FROM account_access a JOIN users u USING (user_id) WHERE u.username = $1', [bob])).toEqual([{ n: 26 }]);
  });

  it('built CLI: a refused file exits 1 with the message (no usage text) and saves nothing', async () => {
    const first = syntheticSandbox();
    await runCli(['import', writePayload(first.data)], app, { write: () => true });
    const { data, bank } = syntheticSandbox();
    const before = await sandboxRowCounts(app);
    const run = await runBuiltCli(['import', writePayload({ ...data, banks: [data.banks[0], first.data.banks[0]] })]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`OBP-30094: Cannot import the sandbox data: banks[1].id "${first.bank}" already exists`);
    expect(run.stderr).not.toContain('Usage:');
    expect(run.stdout).toBe('');
    expect(await sandboxRowCounts(app)).toEqual(before);
    expect(await bankExists(bank)).toBe(false);

    const small = await runBuiltCli(['import', join(SANDBOX_FIXTURES, 'sandbox-small.json')]);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/OBP-30207: Invalid Password Format\..*\(users\[0\] "robert\.xuk\.x@example\.com"/);
    expect(await sandboxRowCounts(app)).toEqual(before);

    const usage = await runBuiltCli(['import']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('import FILE [--url http://host:port');
  });

  it('built CLI: migrate brings a new database up to date even with DATABASE_MIGRATE_ON_START=false, then finds nothing pending', async () => {
    // A new embedded database of its own, so the run starts from an empty schema on either CI database.
    const { DATABASE_URL: _shared, ...withoutDatabase } = process.env;
    const env = {
      ...withoutDatabase,
      PGLITE_DATA_DIR: join(dir, 'migrate-pglite'),
      DATABASE_MIGRATE_ON_START: 'false',
      OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false',
    };
    const latest = (ALL_MIGRATIONS[ALL_MIGRATIONS.length - 1] as { name: string }).name;

    const first = await runBuiltCli(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`latest migration ${latest}`);
    expect(first.stdout).toMatch(/applied InitialPlatform\d+, /);

    const second = await runBuiltCli(['migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe(`database schema up to date (latest migration ${latest}; nothing pending)`);
  }, 180_000);

  describe('built CLI with --url: DirectLogin, then POST /obp/v5.1.0/sandbox/data-import', () => {
    let url: string;
    let consumerKey: string;
    let importer: TestUser;

    beforeAll(async () => {
      await app.listen(0, '127.0.0.1');
      url = await app.getUrl();
      consumerKey = (await createConsumer(app)).key;
      importer = await signUpAndLogin(app, consumerKey);
      await grantRole(app, importer.userId, 'CanCreateSandbox');
    });

    const credentials = (user: TestUser, password = user.password) => [
      '--url',
      url,
      '--username',
      user.username,
      '--password',
      password,
      '--consumer-key',
      consumerKey,
    ];

    it('imports through the server and prints the file counts', async () => {
      const { data, bank } = syntheticSandbox();
      const run = await runBuiltCli(['import', writePayload(data), ...credentials(importer)]);
      expect(run).toMatchObject({ code: 0, stderr: expect.stringContaining('100% done') });
      expect(run.stdout).toContain(`into ${url} in `);
      expect(summary(run.stdout)).toEqual(FILE_COUNTS);
      expect(await db.query('SELECT count(*)::int AS n FROM accounts WHERE bank_id = $1', [bank])).toEqual([{ n: 2 }]);
    });

    it("exits 1 with the server's message when the login or the import fails; nothing saved", async () => {
      const { data, bank } = syntheticSandbox();
      const file = writePayload(data);
      const noRole = await signUpAndLogin(app, consumerKey);
      const before = await sandboxRowCounts(app);
      const badLogin = await runBuiltCli(['import', file, ...credentials(importer, 'Wr0ng-Passw0rd!')]);
      expect(badLogin.code).toBe(1);
      expect(badLogin.stderr).toMatch(/DirectLogin failed \(HTTP 401\): OBP-20004/);

      const refused = await runBuiltCli(['import', file, ...credentials(noRole)]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Import refused (HTTP 403): OBP-20006: User is missing one or more roles: CanCreateSandbox');
      expect(await sandboxRowCounts(app)).toEqual(before);
      expect(await bankExists(bank)).toBe(false);

      const incomplete = await runBuiltCli(['import', file, '--url', url, '--username', importer.username]);
      expect(incomplete.code).toBe(2);
      expect(incomplete.stderr).toContain('import --url also needs --password');
    });
  });
});
