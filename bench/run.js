// Benchmark runner. Starts the built server and the bare node+pg reference against the same
// PostgreSQL (DATABASE_URL), seeds customers, and loads each case with autocannon on loopback.
// Usage: npm run build && DATABASE_URL=postgres://... npm run bench -- [--customers 100000]
//        [--small 10000] [--duration 10] [--connections 50]
'use strict';
const { spawn, fork } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { Pool } = require('pg');
const seed = require('./seed');

const USAGE = `Usage: npm run build && DATABASE_URL=postgres://... npm run bench -- [options]
  --customers N    customers seeded at the bench bank (default 100000)
  --small N        customers for the first, smaller GET-by-id run (default 10000)
  --duration S     seconds per case (default 10; 3 is enough while iterating)
  --connections N  concurrent connections per case (default 50)
REDIS_URL set: the call-limits case counts in Redis, else in process.`;
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const args = parseArgs(process.argv.slice(2));
const CUSTOMERS = Number(args.customers ?? 100_000);
const SMALL = Number(args.small ?? 10_000);
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 50);
const APP = 'http://127.0.0.1:18180';
const REFERENCE = 'http://127.0.0.1:18181';
const LIMITED_APP = 'http://127.0.0.1:18182';
const PASSWORD = 'Bench-Passw0rd!';

async function main() {
  if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to a PostgreSQL database: benchmarks run against a real server.');
  const entry = join(__dirname, '..', 'dist', 'main.js');
  if (!existsSync(entry)) fail('Build first: npm run build');

  const app = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '18180', HOST: '127.0.0.1', LOG_LEVEL: 'warn', OBP_ALLOW_CUSTOMER_FIREHOSE: 'true', OBP_HOSTNAME: 'http://localhost:18180', OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const reference = fork(join(__dirname, 'reference-server.js'), ['18181'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    await waitFor(`${APP}/health`);
    await seed.ensureFixtures(pool);
    const auth = await loginAsBenchUser(pool);

    log(`seeding ${SMALL} customers`);
    let started = Date.now();
    const small = await seed.seedCustomers(pool, SMALL);
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (small > SMALL) log(`  note: the bench bank already has ${small} customers; use a new database to measure at ${SMALL}`);
    const smallIds = await seed.sampleCustomerIds(pool, 1000);
    // The first requests of a new process run unoptimised code: warm it up before measuring.
    await load('warm-up (not reported)', getById(smallIds, auth), Math.min(DURATION, 5));
    const smallGet = await load(`GET customer by id @ ${small}`, getById(smallIds, auth));
    const smallPeakRss = peakRssMb(app.pid);

    log(`seeding up to ${CUSTOMERS} customers`);
    started = Date.now();
    const total = await seed.seedCustomers(pool, CUSTOMERS);
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const ids = await seed.sampleCustomerIds(pool, 1000);

    const rows = [];
    const referenceRow = await load('reference: node:http + pg, PK SELECT', { url: REFERENCE, setupPath: () => `/${pick(ids)}` });
    rows.push(referenceRow);
    const bigGet = await load(`GET /obp/v5.1.0/banks/B/customers/C @ ${total}`, getById(ids, auth));
    rows.push(bigGet);
    rows.push(await load('POST /obp/v5.1.0/banks/B/customers', createCustomer(auth)));
    rows.push(await load('GET /banks/B/customers?limit=50', { url: `${APP}/obp/v5.1.0/banks/${seed.BANK_ID}/customers?limit=50`, headers: auth }));
    rows.push(await load("POST search mobile-phone-number '%381%'", phoneSearch(auth)));
    // The same search one request at a time: its own latency, without 50 requests queued for 2 cores.
    rows.push(await load("same, 1 connection (latency without queueing)", { ...phoneSearch(auth), connections: 1 }));
    rows.push(await load('GET /banks/B/firehose/customers?limit=100', { url: `${APP}/obp/v5.1.0/banks/${seed.BANK_ID}/firehose/customers?limit=100`, headers: auth }));
    const login = await load('POST /my/logins/direct (argon2id)', directLogin());
    const limited = await loadWithLimits(pool, entry, ids, auth);

    printTable(rows, referenceRow.rps);
    printTable([login], referenceRow.rps, 'login (reported separately: dominated by password hashing)');
    printTable([bigGet, limited], referenceRow.rps, 'call limits (OBP_USE_CONSUMER_LIMITS=true, a consumer-wide limit that is counted but never reached)');
    console.log(`limits overhead on GET by id: ${(((bigGet.rps - limited.rps) / bigGet.rps) * 100).toFixed(0)}% req/s, p99 ${bigGet.p99.toFixed(1)} -> ${limited.p99.toFixed(1)} ms`);
    const growth = ((bigGet.p50 - smallGet.p50) / smallGet.p50) * 100;
    console.log(`\nGET by id p50: ${smallGet.p50.toFixed(2)} ms @ ${small} vs ${bigGet.p50.toFixed(2)} ms @ ${total} (${growth >= 0 ? '+' : ''}${growth.toFixed(0)}%)`);
    console.log(`GET by id p99: ${smallGet.p99.toFixed(2)} ms @ ${small} vs ${bigGet.p99.toFixed(2)} ms @ ${total}`);
    console.log(`server peak RSS: ${smallPeakRss} MB after the GET at ${small}, ${peakRssMb(app.pid)} MB at the end (${DURATION} s per case, ${CONNECTIONS} connections)`);
  } finally {
    await pool.end();
    app.kill('SIGTERM');
    reference.kill('SIGTERM');
  }
}

async function loginAsBenchUser(pool) {
  const username = `bench${randomUUID().slice(0, 8)}`;
  const created = await post('/obp/v5.1.0/users', { email: `${username}@example.com`, username, password: PASSWORD, first_name: 'Bench', last_name: 'User' });
  await seed.grantRoles(pool, created.user_id);
  module.exports.username = username;
  const response = await fetch(`${APP}/my/logins/direct`, {
    method: 'POST',
    headers: { DirectLogin: `username=${username}, password=${PASSWORD}, consumer_key=${seed.CONSUMER_KEY}` },
  });
  if (response.status !== 201) fail(`login failed: ${response.status} ${await response.text()}`);
  return { DirectLogin: `token=${(await response.json()).token}` };
}

function getById(ids, auth, base = APP) {
  return { url: base, headers: auth, setupPath: () => `/obp/v5.1.0/banks/${seed.BANK_ID}/customers/${pick(ids)}` };
}

/** The same GET against a second instance with call limits on (Redis when REDIS_URL is set) and a limit in force. */
async function loadWithLimits(pool, entry, ids, auth) {
  await pool.query(
    `INSERT INTO rate_limits (rate_limit_id, consumer_id, from_date, to_date, per_second, per_minute, per_hour, per_day, per_week, per_month)
     SELECT gen_random_uuid(), consumer_id, now() - interval '1 day', now() + interval '1 day', 1000000000, -1, 1000000000, -1, -1, -1
       FROM consumers WHERE consumer_key = $1
     ON CONFLICT DO NOTHING`,
    [seed.CONSUMER_KEY],
  );
  const limitedApp = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: '18182', HOST: '127.0.0.1', LOG_LEVEL: 'warn', OBP_USE_CONSUMER_LIMITS: 'true', OBP_HOSTNAME: 'http://localhost:18180' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitFor(`${LIMITED_APP}/health`);
    const store = process.env.REDIS_URL ? 'Redis' : 'in-process';
    return await load(`GET customer by id, call limits on (${store})`, getById(ids, auth, LIMITED_APP));
  } finally {
    limitedApp.kill('SIGTERM');
  }
}

function createCustomer(auth) {
  return {
    url: `${APP}/obp/v5.1.0/banks/${seed.BANK_ID}/customers`,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ legal_name: 'Bench Created', mobile_phone_number: '+44 7000 000000' }),
  };
}

function phoneSearch(auth) {
  return {
    url: `${APP}/obp/v5.1.0/banks/${seed.BANK_ID}/search/customers/mobile-phone-number`,
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ mobile_phone_number: '%381%' }),
  };
}

function directLogin() {
  return {
    url: `${APP}/my/logins/direct`,
    method: 'POST',
    headers: { DirectLogin: `username=${module.exports.username}, password=${PASSWORD}, consumer_key=${seed.CONSUMER_KEY}` },
  };
}

async function load(name, options, duration = DURATION) {
  log(`running: ${name}`);
  const requests = options.setupPath
    ? [{ setupRequest: (request) => ({ ...request, path: options.setupPath() }) }]
    : undefined;
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    requests,
    connections: options.connections ?? CONNECTIONS,
    duration,
  });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

function printTable(rows, referenceRps, title) {
  if (title) console.log(`\n${title}`);
  const header = ['case', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'errors'];
  const lines = rows.map((row) => [row.name, row.rps.toFixed(0), row.p50.toFixed(1), row.p99.toFixed(1), (row.rps / referenceRps).toFixed(2), String(row.errors)]);
  const widths = header.map((text, i) => Math.max(text.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${format(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

async function post(path, body) {
  const response = await fetch(`${APP}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) fail(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
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

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) parsed[argv[i].replace(/^--/, '')] = argv[i + 1];
  return parsed;
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
