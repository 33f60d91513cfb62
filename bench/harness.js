// What the bench scripts share: argument parsing, starting and waiting for servers, the bench
// user's login, autocannon runs (exact latency percentiles, the server's CPU time per request,
// the machine's idle CPU), medians and the result tables.
'use strict';
const { randomUUID } = require('node:crypto');
const { spawn, fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const autocannon = require('autocannon');
const seed = require('./seed');

const PASSWORD = 'Bench-Passw0rd!';
const ROOT = join(__dirname, '..');
const APP_ENTRY = join(ROOT, 'dist', 'src', 'main.js');
const CAPTURE_SQL = join(__dirname, 'capture-sql.js');
/** The servers' own output (their logs) goes to the bench's stderr, with its progress: stdout holds only the results. */
const SERVER_OUTPUT = process.stderr;
/** Node flags of `npm start` (package.json), so the server is measured as it is run. */
const SERVER_NODE_FLAGS = require('../package.json')
  .scripts.start.split(/\s+/)
  .filter((word) => word.startsWith('--'));

/**
 * `--name value` pairs and bare `--flag`s (true) into an object; an option not in `known` (or
 * `--help`) prints the usage and exits (0 for --help, 2 otherwise).
 */
function parseArgs(argv, known, usage) {
  const parsed = {};
  const words = argv.filter((word) => word !== '--');
  for (let i = 0; i < words.length; i++) {
    const name = words[i].replace(/^--?/, '');
    if (name === 'help' || name === 'h') {
      console.log(usage);
      process.exit(0);
    }
    if (!words[i].startsWith('--') || !known.includes(name)) {
      console.error(`unknown option ${words[i]}\n\n${usage}`);
      process.exit(2);
    }
    const next = words[i + 1];
    if (next === undefined || next.startsWith('--')) parsed[name] = true;
    else parsed[name] = words[++i];
  }
  return parsed;
}

/** Until `url` answers 2xx (sent with `headers`), for up to 2 minutes. */
async function waitFor(url, headers) {
  for (let attempt = 0; attempt < 480; attempt++) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`${url} did not come up`);
}

/** Servers started through supervise and not yet exited: fail() stops them before exiting. */
const running = new Set();

/**
 * Fails the bench if a server it started exits before `stop` is called: a server that could not
 * bind its port (another one still running there) would otherwise leave the bench measuring
 * whatever answers on that port.
 */
function supervise(child, name) {
  let stopping = false;
  running.add(child);
  child.on('exit', (code, signal) => {
    running.delete(child);
    if (!stopping) fail(`${name} exited early (${signal ?? `code ${code}`}); is its port already taken?`);
  });
  return () => {
    stopping = true;
    child.kill('SIGTERM');
  };
}

/**
 * The built app as `npm start` runs it, on a port, supervised. options: env (added), capture
 * (load bench/capture-sql.js and open an IPC channel: a probe server for the statement check).
 * Returns { child, url, stop, up } (up: resolves once /health answers).
 */
function startApp(name, port, options = {}) {
  const url = `http://127.0.0.1:${port}`;
  const preload = options.capture ? ['--require', CAPTURE_SQL] : [];
  const child = spawn(process.execPath, [...preload, ...SERVER_NODE_FLAGS, APP_ENTRY], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OBP_ALLOW_CUSTOMER_FIREHOSE: 'true',
      // The tokens' issuer: one for every instance, so that a token works on all of them.
      OBP_HOSTNAME: 'http://localhost:18180',
      OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false',
      // The login throttle counts a login as failed until its password is checked, per client
      // address (in Redis when REDIS_URL is set). All of the bench's requests come from one
      // address, and other runs sharing that Redis may have left failures in the window: at its
      // default limit (20) the app would refuse the bench's own logins. The limit is set out of
      // reach; the throttle still does its work on every login.
      OBP_LOGIN_THROTTLE_FAILURES_PER_IP: '1000000',
      ...options.env,
    },
    stdio: ['ignore', SERVER_OUTPUT, SERVER_OUTPUT, ...(options.capture ? ['ipc'] : [])],
  });
  return { name, child, url, stop: supervise(child, name), up: () => waitFor(`${url}/health`) };
}

/**
 * bench/reference-server.js with npm start's node flags, knowing the given DirectLogin tokens.
 * Returns { child, url, stop, up } (up: resolves once it listens).
 */
function startReference(name, port, tokens, options = {}) {
  const preload = options.capture ? ['--require', CAPTURE_SQL] : [];
  const child = fork(join(__dirname, 'reference-server.js'), [String(port)], {
    execArgv: [...preload, ...SERVER_NODE_FLAGS],
    env: { ...process.env, REFERENCE_TOKENS: tokens.join(','), ...options.env },
    stdio: ['ignore', SERVER_OUTPUT, SERVER_OUTPUT, 'ipc'],
  });
  const listening = new Promise((resolve) => child.once('message', resolve));
  return { name, child, url: `http://127.0.0.1:${port}`, stop: supervise(child, name), up: () => listening };
}

/** A new user with the bench roles, logged in through DirectLogin; returns its auth header, name and token. */
async function loginAsBenchUser(appUrl, pool) {
  const username = `bench${randomUUID().slice(0, 8)}`;
  const response = await fetch(`${appUrl}/obp/v5.1.0/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${username}@example.com`, username, password: PASSWORD, first_name: 'Bench', last_name: 'User' }),
  });
  if (!response.ok) fail(`creating the bench user: ${response.status} ${await response.text()}`);
  await seed.grantRoles(pool, (await response.json()).user_id);
  const login = await fetch(`${appUrl}/my/logins/direct`, { method: 'POST', headers: directLoginHeader(username) });
  if (login.status !== 201) fail(`login failed: ${login.status} ${await login.text()}`);
  const { token } = await login.json();
  return { auth: { DirectLogin: `token=${token}` }, username, token };
}

/**
 * `count` more users with the bench user's password (its argon2 hash copied in SQL: no hashing, no
 * sign-up throttle), for the login case. A login counts as a failure until its password is checked
 * (the account lockout counts in-flight attempts), so one user logging in on 50 connections at once
 * would lock itself; spread round-robin over many users, no user has two attempts in flight.
 */
async function loginUsers(pool, username, count) {
  const { rows } = await pool.query(
    `INSERT INTO users (provider, provider_id, username, email, first_name, last_name, password_hash, validated, email_verified_at)
     SELECT u.provider, u.username || '_' || i, u.username || '_' || i, u.username || '_' || i || '@example.com',
            u.first_name, u.last_name, u.password_hash, u.validated, u.email_verified_at
       FROM users u, generate_series(1, $2::int) AS i
      WHERE u.username = $1
     RETURNING username`,
    [username, count],
  );
  return rows.map((row) => row.username);
}

function directLoginHeader(username) {
  return { DirectLogin: `username=${username}, password=${PASSWORD}, consumer_key=${seed.CONSUMER_KEY}` };
}

/**
 * One autocannon run. options: url, method, headers, body, setupPath (a new path per request),
 * setupHeaders (headers added per request), connections, duration, pid (the server's, to report
 * its CPU time per request). Latency percentiles are exact (every 2xx response's time, in ms);
 * autocannon's own are whole milliseconds.
 */
async function load(name, options) {
  log(`running: ${name}`);
  const dynamic = options.setupPath || options.setupHeaders;
  const setupRequest = (request) => ({
    ...request,
    ...(options.setupPath ? { path: options.setupPath() } : {}),
    ...(options.setupHeaders ? { headers: { ...request.headers, ...options.setupHeaders() } } : {}),
  });
  const requests = dynamic ? [{ setupRequest }] : undefined;
  const cpuBefore = options.pid ? cpuMicros(options.pid) : 0;
  const latencies = [];
  const run = autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests,
    connections: options.connections,
    duration: options.duration,
  });
  run.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await run;
  latencies.sort((a, b) => a - b);
  const cpuPerRequest = options.pid ? (cpuMicros(options.pid) - cpuBefore) / Math.max(1, result.requests.total) : undefined;
  return {
    name,
    rps: result.requests.average,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: result.non2xx + result.errors,
    cpuPerRequest,
  };
}

function percentile(sorted, q) {
  return sorted.length === 0 ? NaN : sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** user + system CPU time of a process, in microseconds (Linux /proc; clock ticks of 10 ms). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** The machine's CPU counters (/proc/stat): idle (idle + iowait) and total, in clock ticks. */
function machineCpu() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return { idle: fields[3] + fields[4], total: fields.reduce((sum, value) => sum + value, 0) };
}

/** Idle share of the machine's CPU time between two machineCpu() readings, in %. */
function idlePercent(before, after) {
  return ((after.idle - before.idle) / Math.max(1, after.total - before.total)) * 100;
}

function median(values) {
  const sorted = values.filter((value) => value !== undefined && !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs of one case into one row: the median of each figure over the runs, the errors of all. */
function medianRun(name, runs) {
  return {
    name,
    rps: median(runs.map((run) => run.rps)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    cpuPerRequest: median(runs.map((run) => run.cpuPerRequest)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    runs: runs.length,
    all: runs.map((run) => run.rps.toFixed(0)).join(' / '),
  };
}

function verdict(ok) {
  return ok ? 'PASS' : 'FAIL';
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
function printTable(title, header, lines) {
  if (title) console.log(`\n${title}`);
  const cells = lines.map((line) => line.map(String));
  const widths = header.map((text, i) => Math.max(text.length, ...cells.map((line) => line[i].length)));
  const format = (line) => `| ${line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${format(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of cells) console.log(format(line));
}

/** A run with failed requests measured something else than the case: say so; the process exits 1. */
function failOnErrors(rows) {
  const failed = rows.filter((row) => row.errors > 0);
  if (failed.length === 0) return;
  console.error(`\n${failed.length} run(s) had failed requests (non-2xx or socket errors): ${failed.map((row) => `${row.name} (${row.errors})`).join('; ')}`);
  process.exitCode = 1;
}

function pick(items) {
  return items[Math.floor(Math.random() * items.length)];
}

/** A uniformly random order (Fisher-Yates). */
function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function peakRssMb(pid) {
  try {
    return (Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024).toFixed(0);
  } catch {
    return 'n/a';
  }
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Synchronous clean-ups fail() runs before it exits (the process ends there, no finally runs). */
const failureCleanups = [];

function onFailure(cleanup) {
  failureCleanups.push(cleanup);
}

/** The bench could not run (setup, a server that died): exit 2, distinct from failed requests (1). */
function fail(message) {
  console.error(message);
  for (const child of running) child.kill('SIGTERM');
  for (const cleanup of failureCleanups) cleanup();
  process.exit(2);
}

module.exports = {
  APP_ENTRY,
  SERVER_NODE_FLAGS,
  SERVER_OUTPUT,
  parseArgs,
  waitFor,
  supervise,
  startApp,
  startReference,
  loginAsBenchUser,
  loginUsers,
  directLoginHeader,
  load,
  machineCpu,
  idlePercent,
  median,
  medianRun,
  verdict,
  printTable,
  failOnErrors,
  pick,
  shuffled,
  peakRssMb,
  log,
  onFailure,
  fail,
};
