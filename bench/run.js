// Benchmark runner: each case of the app against its own reference, a bare node:http + pg server
// (bench/reference-server.js) that runs the SAME SQL as the app for that case, authenticates the
// request and answers the same JSON. Everything is loaded by autocannon on loopback, 50
// connections by default, app and reference in alternating rounds, medians reported.
//
//   1. Statement check: probe servers with bench/capture-sql.js preloaded capture what the app and
//      the reference send for each case; `same` or `DIFFERENT: ...` per case (bench/statement-check.js).
//   2. GET customer by id: the reference and the app at each size of --sizes (one database per
//      size), rounds in rotating order. The largest size is DATABASE_URL's database; every other
//      case runs there too.
//   3. Create, list (limit=50), phone search and firehose (limit=100): app and reference
//      alternating, then the customers the create case made are removed.
//   4. Call limits (Redis when REDIS_URL is set): GET by id on a second instance with limits on,
//      alternating with the app (limits off).
//   5. Two instances on the same database (and Redis), loaded at once by two autocannon runs of
//      this process, against one instance alone, alternating; the machine's idle CPU from /proc/stat.
//   6. Login (argon2id), and the phone search on one connection: reported, no reference.
//
// Targets, each printed PASS or FAIL: every case >= 0.8x its reference's req/s and p99 <= 1.5x its
// reference's; limits on <= 10% below limits off; GET by id req/s, p50 and p99 within 10% between
// the smallest and the largest size; two instances >= 1.6x one.
// Exit code: 0, also when targets FAIL (shared machines are noisy: the figures are for people to
// read); 1 when any request failed (non-2xx or socket error: the run measured something else);
// 2 when the bench could not run (options, database, build, a server that exited).
'use strict';
const { Pool } = require('pg');
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const seed = require('./seed');
const { statementCheck } = require('./statement-check');
const {
  APP_ENTRY,
  SERVER_NODE_FLAGS,
  parseArgs,
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
  peakRssMb,
  log,
  onFailure,
  fail,
} = require('./harness');

const USAGE = `Usage: npm run build && DATABASE_URL=postgres://... [REDIS_URL=redis://...] npm run bench -- [options]
  --sizes A,B,...        customers at the bench bank for GET by id at each size (default 10000,1000000).
                         The largest size is DATABASE_URL's database, where every case runs; each
                         smaller one gets a database of its own, <database>_size_<N>, created and
                         migrated on first use and kept for the next run (seeding only tops up).
  --duration S           seconds per run (default 10; 1-3 while iterating)
  --rounds N             alternating app/reference rounds per case, medians reported (default 5)
  --connections N        concurrent connections per run (default 50)
  --drop-size-databases  drop the smaller sizes' databases at the end (CI)
Targets print PASS or FAIL and never change the exit code: 1 only when requests failed,
2 when the bench could not run. REDIS_URL set: call limits count in Redis, else in process.`;
const args = parseArgs(process.argv.slice(2), ['sizes', 'duration', 'rounds', 'connections', 'drop-size-databases'], USAGE);
const SIZES = [
  ...new Set(
    String(args.sizes ?? '10000,1000000')
      .split(',')
      .map(Number),
  ),
].sort((a, b) => a - b);
const DURATION = Number(args.duration ?? 10);
const ROUNDS = Number(args.rounds ?? 5);
const CONNECTIONS = Number(args.connections ?? 50);
if (!SIZES.every((size) => Number.isInteger(size) && size > 0) || !(DURATION > 0) || !(ROUNDS >= 1) || !(CONNECTIONS >= 1)) {
  console.error(`invalid option value\n\n${USAGE}`);
  process.exit(2);
}
/** Warm-up of a new process (its first requests run unoptimised code), and of each case on each side. */
const WARM_PROCESS = Math.min(DURATION, 5);
const WARM_CASE = Math.min(DURATION, 2);

const TARGET = { ratio: 0.8, p99: 1.5, limits: 0.1, flat: 0.1, twoInstances: 1.6 };

/** Every run, warm-ups included: a failed request anywhere makes the exit code 1. */
const allRuns = [];

async function main() {
  if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to a PostgreSQL database: benchmarks run against a real server.');
  if (!existsSync(APP_ENTRY)) fail('Build first: npm run build');
  const startedAt = Date.now();
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const servers = [];
  const track = (server) => {
    servers.push(server);
    return server;
  };
  const sizeDatabases = SIZES.slice(0, -1).map((size) => ({ size, url: databaseUrlFor(size) }));
  if (args['drop-size-databases']) onFailure(() => dropDatabases(sizeDatabases));
  try {
    for (const database of sizeDatabases) await ensureDatabase(pool, database.url);
    const app = track(startApp('the app', 18180));
    const sizeApps = sizeDatabases.map((database, i) => track(startApp(`the app at ${database.size}`, 18200 + i, { env: { DATABASE_URL: database.url } })));
    await Promise.all([app, ...sizeApps].map((server) => server.up()));
    await seed.ensureFixtures(pool);
    await allowCallsWithLimits(pool);
    // Instances sharing the main database start once the app has migrated it.
    const probeApp = track(startApp('the probe app (statement capture)', 18190, { capture: true }));
    const limitedApp = track(startApp('the app with call limits', 18182, { env: { OBP_USE_CONSUMER_LIMITS: 'true' } }));
    const secondApp = track(startApp('the second app instance', 18183));

    const removed = await seed.removeCreatedCustomers(pool);
    if (removed > 0) log(`removed ${removed} customers left by an earlier create case`);
    const { auth, username, token } = await loginAsBenchUser(app.url, pool);
    const largest = { count: await seedTo(pool, SIZES.at(-1)), app, auth, ids: await seed.sampleCustomerIds(pool, 1000) };
    const sizes = [];
    for (const [i, database] of sizeDatabases.entries()) {
      const sizePool = new Pool({ connectionString: database.url, max: 2 });
      try {
        await seed.ensureFixtures(sizePool);
        const login = await loginAsBenchUser(sizeApps[i].url, sizePool);
        sizes.push({ count: await seedTo(sizePool, database.size), app: sizeApps[i], auth: login.auth, ids: await seed.sampleCustomerIds(sizePool, 1000) });
      } finally {
        await sizePool.end();
      }
    }
    sizes.push(largest);

    const reference = track(startReference('the reference', 18181, [token]));
    const probeReference = track(startReference('the probe reference (statement capture)', 18191, [token], { capture: true }));
    await Promise.all([reference, probeReference, probeApp, limitedApp, secondApp].map((server) => server.up()));

    const cases = benchCases(largest.ids, auth);
    const { get, create, list, search, firehose } = Object.fromEntries(cases.map((testCase) => [testCase.key, testCase]));
    const checks = await statementCheck(cases, probeApp, probeReference);
    for (const check of checks) log(`  ${check.name}: statements ${check.statements}; response ${check.response}`);
    probeApp.stop();
    probeReference.stop();

    // GET by id: the reference and the app at every size, each round in a rotated order.
    for (const size of sizes)
      await measure(`warm-up: GET by id, app at ${size.count} (not reported)`, get.load(size.app.url, size.ids, size.auth), WARM_PROCESS);
    await measure('warm-up: GET by id, reference (not reported)', get.load(reference.url), WARM_PROCESS);
    const getRuns = { reference: [], sizes: sizes.map(() => []) };
    const sides = [
      { run: (round) => measure(`GET by id, reference (round ${round}/${ROUNDS})`, get.load(reference.url)).then((r) => getRuns.reference.push(r)) },
      ...sizes.map((size, i) => ({
        run: (round) =>
          measure(`GET by id, app at ${size.count} (round ${round}/${ROUNDS})`, get.load(size.app.url, size.ids, size.auth)).then((r) =>
            getRuns.sizes[i].push(r),
          ),
      })),
    ];
    for (let round = 1; round <= ROUNDS; round++) for (const side of rotated(sides, round - 1)) await side.run(round);
    for (const size of sizes.slice(0, -1)) size.app.stop();

    const rows = { [get.key]: { name: get.name, app: medianRun('app', getRuns.sizes.at(-1)), reference: medianRun('reference', getRuns.reference) } };
    // The create case runs last: its new customers are removed before anything else is measured.
    for (const testCase of [list, search, firehose, create]) rows[testCase.key] = await alternate(testCase, app, reference);
    const created = await seed.removeCreatedCustomers(pool);
    log(`removed the ${created} customers the create case made`);
    const oneConnection = await measure('phone search, 1 connection (latency without queueing)', { ...search.load(app.url), connections: 1 });

    // Call limits: the same GET on an instance with limits on, alternating with the app.
    await measure('warm-up: GET by id, call limits on (not reported)', get.load(limitedApp.url), WARM_PROCESS);
    const limitRuns = { off: [], on: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const off = () => measure(`GET by id, call limits off (round ${round}/${ROUNDS})`, get.load(app.url)).then((r) => limitRuns.off.push(r));
      const on = () => measure(`GET by id, call limits on (round ${round}/${ROUNDS})`, get.load(limitedApp.url)).then((r) => limitRuns.on.push(r));
      for (const run of round % 2 ? [off, on] : [on, off]) await run();
    }
    limitedApp.stop();

    // Two instances at once against one instance alone.
    await measure('warm-up: GET by id, second instance (not reported)', get.load(secondApp.url), WARM_PROCESS);
    const pairRuns = { single: [], pair: [], a: [], b: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const single = async () => {
        const before = machineCpu();
        const run = await measure(`GET by id, one instance (round ${round}/${ROUNDS})`, get.load(app.url));
        pairRuns.single.push({ ...run, idle: idlePercent(before, machineCpu()) });
      };
      const pair = async () => {
        const before = machineCpu();
        const [a, b] = await Promise.all([
          measure(`GET by id, instance 1 of 2 (round ${round}/${ROUNDS})`, get.load(app.url)),
          measure(`GET by id, instance 2 of 2 (round ${round}/${ROUNDS})`, get.load(secondApp.url)),
        ]);
        const idle = idlePercent(before, machineCpu());
        pairRuns.a.push(a);
        pairRuns.b.push(b);
        pairRuns.pair.push({ name: 'sum', rps: a.rps + b.rps, p50: NaN, p99: NaN, errors: 0, idle });
      };
      for (const run of round % 2 ? [single, pair] : [pair, single]) await run();
    }
    secondApp.stop();

    const loginNames = await loginUsers(pool, username, 10 * CONNECTIONS);
    let nextLogin = 0;
    const login = await measure('POST /my/logins/direct (argon2id)', {
      url: `${app.url}/my/logins/direct`,
      method: 'POST',
      setupHeaders: () => directLoginHeader(loginNames[nextLogin++ % loginNames.length]),
    });

    const verdicts = [];
    printChecks(checks);
    printCases(
      cases.map((testCase) => rows[testCase.key]),
      largest.count,
      verdicts,
    );
    printScale(sizes, getRuns.sizes, verdicts);
    printLimits(limitRuns, verdicts);
    printTwoInstances(pairRuns, verdicts);
    printTable(
      `Reported without a reference (${DURATION} s, ${CONNECTIONS} connections unless said)`,
      ['case', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
      [row(login), row({ ...oneConnection, name: "POST search mobile-phone-number '%381%', 1 connection" })],
    );
    printTable('Targets', ['target', 'figure', 'verdict'], verdicts);
    const differing = checks.filter((check) => [check.statements, check.response, check.unauthenticated].some((text) => !text.startsWith('same')));
    console.log(
      `\nstatement check: ${differing.length === 0 ? 'the reference sends what the app sends, and answers the same, for every case' : `DIFFERENT for ${differing.map((check) => check.name).join('; ')}`}`,
    );
    console.log(
      `server peak RSS ${peakRssMb(app.child.pid)} MB; ${ROUNDS} rounds of ${DURATION} s, ${CONNECTIONS} connections; servers started as npm start: node ${SERVER_NODE_FLAGS.join(' ')}; ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`,
    );
    failOnErrors(allRuns);
  } finally {
    for (const server of servers) server.stop();
    await pool.end();
    if (args['drop-size-databases']) dropDatabases(sizeDatabases);
  }
}

/**
 * The benchmarked cases, the same requests against the app or the reference (same paths): `load`
 * gives a case's autocannon options against a base URL, `probe` the one request the statement
 * check sends.
 */
function benchCases(ids, auth) {
  const bank = `/obp/v5.1.0/banks/${seed.BANK_ID}`;
  const json = (body) => ({ body: JSON.stringify(body), headers: { ...auth, 'content-type': 'application/json' } });
  const createBody = { legal_name: seed.CREATED_NAME, mobile_phone_number: '+44 7000 000000' };
  const searchBody = { mobile_phone_number: '%381%' };
  return [
    {
      key: 'get',
      name: 'GET customer by id',
      load: (base, customerIds = ids, headers = auth) => ({ url: base, headers, setupPath: () => `${bank}/customers/${pick(customerIds)}` }),
      probe: { method: 'GET', path: `${bank}/customers/${ids[0]}`, headers: auth },
    },
    {
      key: 'create',
      name: 'POST create customer',
      load: (base) => ({ url: `${base}${bank}/customers`, method: 'POST', ...json(createBody) }),
      probe: { method: 'POST', path: `${bank}/customers`, ...json(createBody) },
    },
    {
      key: 'list',
      name: 'GET customers?limit=50',
      load: (base) => ({ url: `${base}${bank}/customers?limit=50`, headers: auth }),
      probe: { method: 'GET', path: `${bank}/customers?limit=50`, headers: auth },
    },
    {
      key: 'search',
      name: "POST search mobile-phone-number '%381%'",
      load: (base) => ({ url: `${base}${bank}/search/customers/mobile-phone-number`, method: 'POST', ...json(searchBody) }),
      probe: { method: 'POST', path: `${bank}/search/customers/mobile-phone-number`, ...json(searchBody) },
    },
    {
      key: 'firehose',
      name: 'GET firehose/customers?limit=100',
      load: (base) => ({ url: `${base}${bank}/firehose/customers?limit=100`, headers: auth }),
      probe: { method: 'GET', path: `${bank}/firehose/customers?limit=100`, headers: auth },
    },
  ];
}

/** A case's alternating rounds, app and reference, each warmed up first. */
async function alternate(testCase, app, reference) {
  await measure(`warm-up: ${testCase.name}, app (not reported)`, testCase.load(app.url), WARM_CASE);
  await measure(`warm-up: ${testCase.name}, reference (not reported)`, testCase.load(reference.url), WARM_CASE);
  const runs = { app: [], reference: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const appRun = () => measure(`${testCase.name}, app (round ${round}/${ROUNDS})`, testCase.load(app.url)).then((r) => runs.app.push(r));
    const referenceRun = () =>
      measure(`${testCase.name}, reference (round ${round}/${ROUNDS})`, testCase.load(reference.url)).then((r) => runs.reference.push(r));
    for (const run of round % 2 ? [referenceRun, appRun] : [appRun, referenceRun]) await run();
  }
  return { name: testCase.name, app: medianRun('app', runs.app), reference: medianRun('reference', runs.reference) };
}

/** A run at this run's connections and duration, kept for the error check. */
async function measure(name, options, duration = DURATION) {
  const run = await load(name, { connections: CONNECTIONS, duration, ...options });
  allRuns.push(run);
  return run;
}

function rotated(items, by) {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function printChecks(checks, title = 'Statement check: what the reference sends and answers, against the app, per case') {
  printTable(
    title,
    ['case', "app's statements", "reference's statements", 'response', 'without credentials'],
    checks.map((check) => [check.name, check.appStatements, check.statements, check.response, check.unauthenticated]),
  );
}

function printCases(caseRows, customers, verdicts) {
  const lines = caseRows.map(({ name, app, reference }) => {
    const ratio = app.rps / reference.rps;
    const p99Ratio = app.p99 / reference.p99;
    return [
      name,
      app.rps.toFixed(0),
      reference.rps.toFixed(0),
      `${ratio.toFixed(2)} ${verdict(ratio >= TARGET.ratio)}`,
      ms(app.p50),
      ms(reference.p50),
      ms(app.p99),
      ms(reference.p99),
      `${p99Ratio.toFixed(2)} ${verdict(p99Ratio <= TARGET.p99)}`,
      `${app.errors} / ${reference.errors}`,
    ];
  });
  printTable(
    `Each case against its own reference (medians of ${ROUNDS} alternating rounds, ${DURATION} s, ${CONNECTIONS} connections, at ${customers}` +
      ` customers); targets: req/s ratio >= ${TARGET.ratio}, p99 ratio <= ${TARGET.p99}`,
    ['case', 'app req/s', 'ref req/s', 'ratio', 'app p50 ms', 'ref p50 ms', 'app p99 ms', 'ref p99 ms', 'p99 ratio', 'errors app / ref'],
    lines,
  );
  const worst = (key, better) =>
    caseRows.map((row) => ({ name: row.name, value: row.app[key] / row.reference[key] })).sort((a, b) => better(a.value, b.value))[0];
  const lowest = worst('rps', (a, b) => a - b);
  const highest = worst('p99', (a, b) => b - a);
  verdicts.push([
    `every case >= ${TARGET.ratio}x its reference's req/s`,
    `lowest ${lowest.value.toFixed(2)}x (${lowest.name})`,
    verdict(lowest.value >= TARGET.ratio),
  ]);
  verdicts.push([
    `every case's p99 <= ${TARGET.p99}x its reference's`,
    `highest ${highest.value.toFixed(2)}x (${highest.name})`,
    verdict(highest.value <= TARGET.p99),
  ]);
}

function printScale(sizes, runsBySize, verdicts) {
  const rows = sizes.map((size, i) => ({ ...medianRun(`${size.count}`, runsBySize[i]), count: size.count }));
  printTable(
    `GET customer by id at each size (medians of ${ROUNDS} rounds, interleaved with the reference's)`,
    ['customers', 'req/s', 'p50 ms', 'p99 ms', 'req/s of each round', 'errors'],
    rows.map((r) => [r.count, r.rps.toFixed(0), ms(r.p50), ms(r.p99), r.all, r.errors]),
  );
  if (rows.length < 2) {
    verdicts.push(['GET by id flat within 10% from the smallest to the largest size', 'one size only', 'n/a']);
    return;
  }
  const [small, large] = [rows[0], rows.at(-1)];
  const change = (key) => (large[key] - small[key]) / small[key];
  const changes = ['rps', 'p50', 'p99'].map((key) => ({ key, change: change(key) }));
  const flat = changes.every(({ change: value }) => Math.abs(value) <= TARGET.flat);
  const text = changes.map(({ key, change: value }) => `${key === 'rps' ? 'req/s' : key} ${percent(value)}`).join(', ');
  console.log(`\n${small.count} -> ${large.count} customers: ${text} (target: each within ±${TARGET.flat * 100}%): ${verdict(flat)}`);
  verdicts.push([`GET by id req/s, p50, p99 within ±${TARGET.flat * 100}%, ${small.count} -> ${large.count} customers`, text, verdict(flat)]);
}

function printLimits(limitRuns, verdicts) {
  const off = medianRun('call limits off (the app)', limitRuns.off);
  const on = medianRun(`call limits on (${process.env.REDIS_URL ? 'Redis' : 'in process'})`, limitRuns.on);
  printTable(
    `GET customer by id with call limits on and off (medians of ${ROUNDS} alternating rounds; a consumer-wide limit counted but never reached)`,
    ['case', 'req/s', 'p50 ms', 'p99 ms', 'req/s of each round', 'errors'],
    [off, on].map((r) => [r.name, r.rps.toFixed(0), ms(r.p50), ms(r.p99), r.all, r.errors]),
  );
  const change = (on.rps - off.rps) / off.rps;
  const ok = change >= -TARGET.limits;
  console.log(
    `\ncall limits on: ${percent(change)} req/s, p99 ${ms(off.p99)} -> ${ms(on.p99)} ms (target: at most ${TARGET.limits * 100}% below): ${verdict(ok)}`,
  );
  verdicts.push([`GET by id with call limits on <= ${TARGET.limits * 100}% below limits off`, `${percent(change)} req/s`, verdict(ok)]);
}

function printTwoInstances(pairRuns, verdicts) {
  const single = medianRun('one instance', pairRuns.single);
  const a = medianRun('two instances: instance 1', pairRuns.a);
  const b = medianRun('two instances: instance 2', pairRuns.b);
  const sum = median(pairRuns.pair.map((run) => run.rps));
  const idleSingle = median(pairRuns.single.map((run) => run.idle));
  const idlePair = median(pairRuns.pair.map((run) => run.idle));
  printTable(
    `Two app instances (same PostgreSQL and Redis) loaded at once, ${CONNECTIONS} connections each, against one instance alone (medians of ${ROUNDS} alternating rounds)`,
    ['run', 'req/s', 'p50 ms', 'p99 ms', 'machine CPU idle %', 'errors'],
    [
      [single.name, single.rps.toFixed(0), ms(single.p50), ms(single.p99), idleSingle.toFixed(0), single.errors],
      [a.name, a.rps.toFixed(0), ms(a.p50), ms(a.p99), '', a.errors],
      [b.name, b.rps.toFixed(0), ms(b.p50), ms(b.p99), '', b.errors],
      ['two instances: sum', sum.toFixed(0), '', '', idlePair.toFixed(0), a.errors + b.errors],
    ],
  );
  const ratio = sum / single.rps;
  const ok = ratio >= TARGET.twoInstances;
  console.log(
    `\ntwo instances: ${sum.toFixed(0)} req/s, one: ${single.rps.toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (target >= ${TARGET.twoInstances}): ${verdict(ok)}; ` +
      `machine CPU idle ${idlePair.toFixed(0)}% during the pair runs, ${idleSingle.toFixed(0)}% during the single ones` +
      (idlePair < 10 ? ' (no idle CPU left: the load client, PostgreSQL and both instances share the machine)' : ''),
  );
  verdicts.push([`two instances >= ${TARGET.twoInstances}x one`, `${ratio.toFixed(2)}x, machine ${idlePair.toFixed(0)}% idle`, verdict(ok)]);
}

function row(run) {
  return [run.name, run.rps.toFixed(0), ms(run.p50), ms(run.p99), run.errors];
}

function ms(value) {
  return Number.isNaN(value) ? '—' : value.toFixed(1);
}

function percent(fraction) {
  return `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(0)}%`;
}

/** Tops the bench bank up to `size` customers; returns how many it has. */
async function seedTo(pool, size) {
  const started = Date.now();
  log(`seeding up to ${size} customers in ${databaseName(pool.options.connectionString)}`);
  const count = await seed.seedCustomers(pool, size);
  log(`  ${count} customers (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (count > size) log(`  note: the database already holds ${count} customers; use another one to measure at ${size}`);
  return count;
}

/** A rate limit for the bench consumer: high enough never to be reached, so every call is counted. */
async function allowCallsWithLimits(pool) {
  await pool.query(
    `INSERT INTO rate_limits (rate_limit_id, consumer_id, from_date, to_date, per_second, per_minute, per_hour, per_day, per_week, per_month)
     SELECT gen_random_uuid(), consumer_id, now() - interval '1 day', now() + interval '1 day', 1000000000, -1, 1000000000, -1, -1, -1
       FROM consumers WHERE consumer_key = $1
     ON CONFLICT DO NOTHING`,
    [seed.CONSUMER_KEY],
  );
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** DATABASE_URL with the database <name>_size_<size>. */
function databaseUrlFor(size) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${databaseName(process.env.DATABASE_URL)}_size_${size}`;
  return url.toString();
}

/** Creates the database if it does not exist; the app started on it migrates it. */
async function ensureDatabase(pool, url) {
  const name = databaseName(url);
  const { rowCount } = await pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount > 0) return;
  log(`creating database ${name}`);
  await pool.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
}

/**
 * Drops the databases (WITH (FORCE): servers still closing lose their connections). Synchronous,
 * in a child process, so that fail() can run it too before it exits.
 */
function dropDatabases(databases) {
  const names = databases.map(({ url }) => databaseName(url));
  const script = `
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    (async () => {
      await client.connect();
      for (const name of JSON.parse(process.argv[1])) await client.query('DROP DATABASE IF EXISTS "' + name.replace(/"/g, '""') + '" WITH (FORCE)');
      await client.end();
    })().catch((error) => { console.error(error.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify(names)], { cwd: __dirname, stdio: ['ignore', 'inherit', 'inherit'] });
  log(result.status === 0 ? `dropped ${names.join(', ')}` : `could not drop ${names.join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
