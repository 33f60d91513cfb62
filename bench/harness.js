// What the bench scripts share: argument parsing, starting and waiting for servers, the bench
// user's login, autocannon runs (with the server's CPU time per request) and the result table.
'use strict';
const { randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const autocannon = require('autocannon');
const seed = require('./seed');

const PASSWORD = 'Bench-Passw0rd!';
/** Node flags of `npm start` (package.json), so the server is measured as it is run. */
const SERVER_NODE_FLAGS = require('../package.json')
  .scripts.start.split(/\s+/)
  .filter((word) => word.startsWith('--'));

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) parsed[argv[i].replace(/^--/, '')] = argv[i + 1];
  return parsed;
}

async function waitFor(url) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
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

/** A new user with the bench roles, logged in through DirectLogin; returns its auth header and name. */
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
  return { auth: { DirectLogin: `token=${(await login.json()).token}` }, username };
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
 * setupHeaders (headers added per request),
 * connections, duration, pid (the server's, to report its CPU time per request).
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
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests,
    connections: options.connections,
    duration: options.duration,
  });
  const cpuPerRequest = options.pid ? (cpuMicros(options.pid) - cpuBefore) / Math.max(1, result.requests.total) : undefined;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors, cpuPerRequest };
}

/** user + system CPU time of a process, in microseconds (Linux /proc; clock ticks of 10 ms). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** The run with the median req/s (its own p50 and p99), named for the table; errors of all runs. */
function medianRun(name, runs) {
  const sorted = [...runs].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor(sorted.length / 2)];
  const suffix = runs.length > 1 ? `, median of ${runs.length}` : '';
  return {
    ...median,
    name: `${name}${suffix}`,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    all: runs.map((run) => run.rps.toFixed(0)).join(' / '),
  };
}

function printTable(rows, referenceRps, title, extraColumn) {
  if (title) console.log(`\n${title}`);
  const header = ['case', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'errors', ...(extraColumn ? [extraColumn.title] : [])];
  const lines = rows.map((row) => [
    row.name,
    row.rps.toFixed(0),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    (row.rps / referenceRps).toFixed(2),
    String(row.errors),
    ...(extraColumn ? [extraColumn.value(row)] : []),
  ]);
  const widths = header.map((text, i) => Math.max(text.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${format(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

/** A run with failed requests measured something else than the case: say so and exit non-zero. */
function failOnErrors(rows) {
  const failed = rows.filter((row) => row.errors > 0);
  if (failed.length === 0) return;
  console.error(`\n${failed.length} case(s) had failed requests (non-2xx or socket errors): ${failed.map((row) => row.name).join('; ')}`);
  process.exitCode = 1;
}

function pick(items) {
  return items[Math.floor(Math.random() * items.length)];
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

function fail(message) {
  console.error(message);
  for (const child of running) child.kill('SIGTERM');
  process.exit(1);
}

module.exports = {
  SERVER_NODE_FLAGS,
  parseArgs,
  waitFor,
  supervise,
  loginAsBenchUser,
  loginUsers,
  directLoginHeader,
  load,
  medianRun,
  printTable,
  failOnErrors,
  pick,
  peakRssMb,
  log,
  fail,
};
