// Benchmark runner. Starts the built server and the bare node+pg reference against the same
// PostgreSQL (DATABASE_URL), seeds customers, and loads each case with autocannon on loopback.
// Usage: npm run build && DATABASE_URL=postgres://... npm run bench -- [--customers 100000]
//        [--small 10000] [--duration 10] [--connections 50]
'use strict';
const { spawn, fork } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { Pool } = require('pg');
const seed = require('./seed');
const {
  SERVER_NODE_FLAGS,
  parseArgs,
  waitFor,
  supervise,
  loginAsBenchUser,
  loginUsers,
  directLoginHeader,
  load: loadWith,
  medianRun,
  printTable,
  failOnErrors,
  pick,
  peakRssMb,
  log,
  fail,
} = require('./harness');

const USAGE = `Usage: npm run build && DATABASE_URL=postgres://... npm run bench -- [options]
  --customers N    customers seeded at the bench bank (default 100000)
  --small N        customers for the first, smaller GET-by-id run (default 10000)
  --duration S     seconds per case (default 10; 3 is enough while iterating)
  --connections N  concurrent connections per case (default 50)
  --rounds N       GET-by-id runs at each size (alternating with the reference at full size),
                   the median reported (default 3)
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
const ROUNDS = Number(args.rounds ?? 3);
const APP = 'http://127.0.0.1:18180';
const REFERENCE = 'http://127.0.0.1:18181';
const LIMITED_APP = 'http://127.0.0.1:18182';

async function main() {
  if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to a PostgreSQL database: benchmarks run against a real server.');
  const entry = join(__dirname, '..', 'dist', 'src', 'main.js');
  if (!existsSync(entry)) fail('Build first: npm run build');

  const app = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    env: {
      ...process.env,
      PORT: '18180',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OBP_ALLOW_CUSTOMER_FIREHOSE: 'true',
      OBP_HOSTNAME: 'http://localhost:18180',
      OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const reference = fork(join(__dirname, 'reference-server.js'), ['18181'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const stopApp = supervise(app, 'the server');
  const stopReference = supervise(reference, 'the reference server');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    await waitFor(`${APP}/health`);
    await seed.ensureFixtures(pool);
    const { auth, username } = await loginAsBenchUser(APP, pool);

    log(`seeding ${SMALL} customers`);
    let started = Date.now();
    const small = await seed.seedCustomers(pool, SMALL);
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (small > SMALL) log(`  note: the bench bank already has ${small} customers; use a new database to measure at ${SMALL}`);
    const smallIds = await seed.sampleCustomerIds(pool, 1000);
    // The first requests of a new process run unoptimised code: warm it up before measuring.
    await load('warm-up (not reported)', getById(smallIds, auth), Math.min(DURATION, 5));
    const smallRuns = [];
    for (let round = 1; round <= ROUNDS; round++)
      smallRuns.push(await load(`GET customer by id @ ${small} (round ${round}/${ROUNDS})`, getById(smallIds, auth)));
    const smallGet = medianRun(`GET customer by id @ ${small}`, smallRuns);
    const smallPeakRss = peakRssMb(app.pid);

    log(`seeding up to ${CUSTOMERS} customers`);
    started = Date.now();
    const total = await seed.seedCustomers(pool, CUSTOMERS);
    log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const ids = await seed.sampleCustomerIds(pool, 1000);

    const rows = [];
    // The headline ratio: alternating runs, so that drift on a shared machine (other processes,
    // PostgreSQL's background work) falls on both sides; one run of each varied by +-15%.
    const referenceRuns = [];
    const getRuns = [];
    for (let round = 1; round <= ROUNDS; round++) {
      referenceRuns.push(await load(`reference: node:http + pg, PK SELECT (round ${round}/${ROUNDS})`, { url: REFERENCE, setupPath: () => `/${pick(ids)}` }));
      getRuns.push(await load(`GET /obp/v5.1.0/banks/B/customers/C @ ${total} (round ${round}/${ROUNDS})`, getById(ids, auth)));
    }
    const referenceRow = medianRun('reference: node:http + pg, PK SELECT', referenceRuns);
    const bigGet = medianRun(`GET /obp/v5.1.0/banks/B/customers/C @ ${total}`, getRuns);
    rows.push(referenceRow, bigGet);
    rows.push(await load('POST /obp/v5.1.0/banks/B/customers', createCustomer(auth)));
    rows.push(await load('GET /banks/B/customers?limit=50', { url: `${APP}/obp/v5.1.0/banks/${seed.BANK_ID}/customers?limit=50`, headers: auth }));
    rows.push(await load("POST search mobile-phone-number '%381%'", phoneSearch(auth)));
    // The same search one request at a time: its own latency, without 50 requests queued for 2 cores.
    rows.push(await load('same, 1 connection (latency without queueing)', { ...phoneSearch(auth), connections: 1 }));
    rows.push(
      await load('GET /banks/B/firehose/customers?limit=100', { url: `${APP}/obp/v5.1.0/banks/${seed.BANK_ID}/firehose/customers?limit=100`, headers: auth }),
    );
    const loginNames = await loginUsers(pool, username, 10 * CONNECTIONS);
    let nextLogin = 0;
    const login = await load('POST /my/logins/direct (argon2id)', {
      url: `${APP}/my/logins/direct`,
      method: 'POST',
      setupHeaders: () => directLoginHeader(loginNames[nextLogin++ % loginNames.length]),
    });
    const limited = await loadWithLimits(pool, entry, ids, auth);

    printTable(rows, referenceRow.rps);
    printTable([login], referenceRow.rps, 'login (reported separately: dominated by password hashing)');
    printTable([bigGet, limited], referenceRow.rps, 'call limits (OBP_USE_CONSUMER_LIMITS=true, a consumer-wide limit that is counted but never reached)');
    console.log(`\nreq/s of the alternating runs: reference ${referenceRow.all}, GET by id ${bigGet.all}`);
    console.log(
      `limits overhead on GET by id: ${(((bigGet.rps - limited.rps) / bigGet.rps) * 100).toFixed(0)}% req/s, p99 ${bigGet.p99.toFixed(1)} -> ${limited.p99.toFixed(1)} ms`,
    );
    const growth = ((bigGet.p50 - smallGet.p50) / smallGet.p50) * 100;
    console.log(
      `\nGET by id p50: ${smallGet.p50.toFixed(2)} ms @ ${small} vs ${bigGet.p50.toFixed(2)} ms @ ${total} (${growth >= 0 ? '+' : ''}${growth.toFixed(0)}%)`,
    );
    console.log(`GET by id p99: ${smallGet.p99.toFixed(2)} ms @ ${small} vs ${bigGet.p99.toFixed(2)} ms @ ${total}`);
    console.log(
      `server peak RSS: ${smallPeakRss} MB after the GET at ${small}, ${peakRssMb(app.pid)} MB at the end (${DURATION} s per case, ${CONNECTIONS} connections, server started as npm start: node ${SERVER_NODE_FLAGS.join(' ')})`,
    );
    failOnErrors([...smallRuns, ...referenceRuns, ...getRuns, ...rows.slice(2), login, limited]);
  } finally {
    await pool.end();
    stopApp();
    stopReference();
  }
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
  const limitedApp = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    env: { ...process.env, PORT: '18182', HOST: '127.0.0.1', LOG_LEVEL: 'warn', OBP_USE_CONSUMER_LIMITS: 'true', OBP_HOSTNAME: 'http://localhost:18180' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stopLimitedApp = supervise(limitedApp, 'the server with call limits');
  try {
    await waitFor(`${LIMITED_APP}/health`);
    // A new process: warmed up like the first one, or the comparison measures its JIT warm-up.
    await load('warm-up, call limits on (not reported)', getById(ids, auth, LIMITED_APP), Math.min(DURATION, 5));
    const store = process.env.REDIS_URL ? 'Redis' : 'in-process';
    return await load(`GET customer by id, call limits on (${store})`, getById(ids, auth, LIMITED_APP));
  } finally {
    stopLimitedApp();
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

/** A case at this run's connections and duration. */
function load(name, options, duration = DURATION) {
  return loadWith(name, { connections: CONNECTIONS, duration, ...options });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
