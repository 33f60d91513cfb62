import { readFile } from 'node:fs/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { ObpException } from '../common/errors/obp.exception';
import type { SandboxDataImport } from '../modules/sandbox/dto/sandbox-import.json';
import { parseSandboxImport } from '../modules/sandbox/sandbox-import.parser';
import type { ImportCounts } from '../modules/sandbox/sandbox-import.plan';
import { SandboxImportService } from '../modules/sandbox/sandbox-import.service';
import { CliCommandError, CliUsageError, parseOptions } from './cli-options';

/** Where the import's progress goes (stderr in the CLI). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ImportArguments {
  file: string;
  url?: string;
  username?: string;
  password?: string;
  consumerKey?: string;
}

const REMOTE_IMPORT_VERSION = 'v5.1.0';

/** `import <file> [--url U --username U --password P --consumer-key K]` */
export function parseImportArguments(rest: string[]): ImportArguments {
  const [file, ...flags] = rest;
  if (!file || file.startsWith('--')) throw new CliUsageError('import needs the path of a sandbox JSON file');
  const options = parseOptions(flags);
  const unknown = Object.keys(options).filter((name) => !['url', 'username', 'password', 'consumer-key'].includes(name));
  if (unknown.length > 0) throw new CliUsageError(`Unknown option --${unknown[0]} for import`);
  return { file, url: options.url, username: options.username, password: options.password, consumerKey: options['consumer-key'] };
}

/**
 * A text progress bar: redrawn in place on a terminal, one line per step otherwise (logs, pipes).
 */
export class ProgressBar {
  private static readonly WIDTH = 30;

  constructor(private readonly stream: ProgressStream) {}

  update(done: number, total: number, label: string): void {
    const filled = Math.round((ProgressBar.WIDTH * done) / total);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(ProgressBar.WIDTH - filled)}] ${String(Math.round((100 * done) / total)).padStart(3)}% ${label}`;
    if (this.stream.isTTY) this.stream.write(`\r${bar.padEnd(60)}${done === total ? '\n' : ''}`);
    else this.stream.write(`${bar}\n`);
  }
}

type Kind = [label: string, count: (counts: ImportCounts) => number];

const KINDS: Kind[] = [
  ['banks', (c) => c.banks],
  ['users', (c) => c.users],
  ['accounts', (c) => c.accounts],
  ['transactions', (c) => c.transactions],
  ['branches', (c) => c.branches],
  ['ATMs', (c) => c.atms],
  ['products', (c) => c.products],
  ['CRM events', (c) => c.crmEvents],
];

const DERIVED: Kind[] = [
  ['account holders', (c) => c.accountHolders],
  ['view grants', (c) => c.viewGrants],
  ['public views', (c) => c.publicViews],
  ['counterparties', (c) => c.counterparties],
];

/** "imported ... in 1.2 s" and one aligned line per kind. */
export function summaryLines(
  source: string,
  counts: ImportCounts | Omit<ImportCounts, 'accountHolders' | 'viewGrants' | 'publicViews' | 'counterparties'>,
  millis: number,
): string[] {
  const kinds = 'accountHolders' in counts ? [...KINDS, ...DERIVED] : KINDS;
  return [
    `Imported ${source} in ${(millis / 1000).toFixed(1)} s:`,
    ...kinds.map(([label, count]) => `  ${label.padEnd(16)}${String(count(counts as ImportCounts)).padStart(7)}`),
  ];
}

async function readImportFile(file: string): Promise<{ text: string; data: SandboxDataImport }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliCommandError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliCommandError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return { text, data: await asCliError(() => parseSandboxImport(json)) };
}

/** OBP errors are the same messages the API gives; a refused import is a failed command, not a usage error. */
async function asCliError<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ObpException ? new CliCommandError(error.message) : error;
  }
}

/** Imports a file straight into the configured database, through the same service (and rules) as the API. */
export async function importIntoDatabase(app: INestApplicationContext, args: ImportArguments, progress: ProgressStream): Promise<string[]> {
  const started = Date.now();
  const { data } = await readImportFile(args.file);
  const bar = new ProgressBar(progress);
  const counts = await asCliError(() => app.get(SandboxImportService).importData(data, ({ label, done, total }) => bar.update(done, total, label)));
  return summaryLines(args.file, counts, Date.now() - started);
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new CliUsageError(`import --url also needs --${flag}`);
  return value;
}

async function post(url: string, headers: Record<string, string>, body?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers }, body });
  } catch (error) {
    throw new CliCommandError(`Cannot reach ${url}: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
  }
  const text = await response.text();
  try {
    return { status: response.status, json: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, json: { message: text.slice(0, 500) } };
  }
}

/** Posts the file to a running server's /obp/v5.1.0/sandbox/data-import after a DirectLogin. */
export async function importThroughServer(args: ImportArguments, progress: ProgressStream): Promise<string[]> {
  const started = Date.now();
  const base = (args.url as string).replace(/\/+$/, '');
  const username = required(args.username, 'username');
  const password = required(args.password, 'password');
  const consumerKey = required(args.consumerKey, 'consumer-key');
  if ([username, password, consumerKey].some((value) => value.includes(',')))
    throw new CliUsageError('DirectLogin cannot carry a "," in the username, password or consumer key');
  const bar = new ProgressBar(progress);
  bar.update(0, 3, 'reading file');
  const { text, data } = await readImportFile(args.file);

  bar.update(1, 3, 'logging in');
  const login = await post(`${base}/my/logins/direct`, { DirectLogin: `username=${username}, password=${password}, consumer_key=${consumerKey}` });
  if (login.status !== 201 || typeof login.json.token !== 'string')
    throw new CliCommandError(`DirectLogin failed (HTTP ${login.status}): ${messageOf(login.json)}`);

  bar.update(2, 3, 'uploading and importing');
  const imported = await post(`${base}/obp/${REMOTE_IMPORT_VERSION}/sandbox/data-import`, { DirectLogin: `token=${login.json.token}` }, text);
  if (imported.status !== 201) throw new CliCommandError(`Import refused (HTTP ${imported.status}): ${messageOf(imported.json)}`);
  bar.update(3, 3, 'done');
  const counts = {
    banks: data.banks.length,
    users: data.users.length,
    accounts: data.accounts.length,
    transactions: data.transactions.length,
    branches: data.branches.length,
    atms: data.atms.length,
    products: data.products.length,
    crmEvents: data.crm_events.length,
  };
  return summaryLines(`${args.file} into ${base}`, counts, Date.now() - started);
}

/** The OBP error message of an answer, or its JSON when it has none. */
function messageOf(json: { message?: unknown }): string {
  return typeof json.message === 'string' ? json.message : JSON.stringify(json.message ?? '');
}
