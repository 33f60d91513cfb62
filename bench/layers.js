// Where the GET-by-id's time goes, layer by layer: the bare reference (node:http + pg, the app's
// SQL, the token and roles from memory, JSON.stringify), the app's SQL, mapper and response
// schema on bare Fastify, the same on bare Nest with one controller (bench/floors.js), and the
// app. Each layer is a server of its own on the same database; rounds run the layers in a new
// random order each time and the medians are reported, with each server's CPU time per request
// (from /proc). Target: the app's own layer (app CPU µs/req minus bare Nest's) <= 30 µs, printed
// PASS or FAIL.
// Exit code: 0, also when the target FAILs; 1 when any request failed; 2 when the bench could
// not run.
'use strict';
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { Pool } = require('pg');
const seed = require('./seed');
const {
  APP_ENTRY,
  SERVER_NODE_FLAGS,
  SERVER_OUTPUT,
  parseArgs,
  waitFor,
  supervise,
  startApp,
  startReference,
  loginAsBenchUser,
  load,
  medianRun,
  verdict,
  printTable,
  failOnErrors,
  pick,
  shuffled,
  fail,
} = require('./harness');

const USAGE = `Usage: npm run build && DATABASE_URL=postgres://... npm run bench:layers -- [options]
  --size N         customers at the bench bank (default 1000000: the same database as npm run
                   bench's largest size can be reused; seeding only tops up)
  --rounds N       rounds, the layers in a new random order each, medians reported (default 5)
  --duration S     seconds per run (default 5)
  --connections N  concurrent connections per run (default 50)
Target: the app's own layer (app CPU µs/req minus bare Nest's) <= 30 µs, printed PASS or FAIL;
it never changes the exit code: 1 only when requests failed, 2 when the bench could not run.`;
const args = parseArgs(process.argv.slice(2), ['size', 'rounds', 'duration', 'connections'], USAGE);
const SIZE = Number(args.size ?? 1_000_000);
const ROUNDS = Number(args.rounds ?? 5);
const DURATION = Number(args.duration ?? 5);
const CONNECTIONS = Number(args.connections ?? 50);
const APP_LAYER_TARGET_MICROS = 30;

async function main() {
  if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to a PostgreSQL database.');
  if (!existsSync(APP_ENTRY)) fail('Build first: npm run build');
  const serverEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  const servers = [];
  const nodeServer = (name, port, kind) => {
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(__dirname, 'floors.js'), kind, String(port)], {
      env: serverEnv,
      stdio: ['ignore', SERVER_OUTPUT, SERVER_OUTPUT],
    });
    const server = { name, child, url: `http://127.0.0.1:${port}`, stop: supervise(child, name) };
    servers.push(server);
    return server;
  };
  const app = startApp('the app', 18180);
  servers.push(app);
  const fastify = nodeServer('the Fastify floor', 18183, 'fastify');
  const nest = nodeServer('the Nest floor', 18184, 'nest');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    await app.up();
    await seed.ensureFixtures(pool);
    const { auth, token } = await loginAsBenchUser(app.url, pool);
    const reference = startReference('the reference', 18181, [token]);
    servers.push(reference);
    const total = await seed.seedCustomers(pool, SIZE);
    const ids = await seed.sampleCustomerIds(pool, 1000);
    const customerPath = () => `/obp/v5.1.0/banks/${seed.BANK_ID}/customers/${pick(ids)}`;
    const layers = [
      { name: 'reference: node:http + pg, the same SQL, auth from memory', adds: '', server: reference },
      { name: "Fastify + the app's SQL, mapper and response schema", adds: 'Fastify and the OBP response (no auth)', server: fastify },
      { name: 'Nest (Fastify adapter), one controller, same work', adds: 'Nest', server: nest },
      { name: 'the app (npm start): DirectLogin, guard, hooks, metrics', adds: "the app's own layer", server: app },
    ].map((layer) => ({ ...layer, url: layer.server.url, setupPath: customerPath, headers: auth, pid: layer.server.child.pid }));
    await reference.up();
    // The floors answer their own case once ready.
    for (const layer of layers) await waitFor(`${layer.url}${layer.setupPath()}`, layer.headers);
    const runs = new Map(layers.map((layer) => [layer, []]));
    const warmUps = [];
    for (const layer of layers)
      warmUps.push(await load(`warm-up ${layer.name} (not reported)`, { ...layer, connections: CONNECTIONS, duration: Math.min(DURATION, 3) }));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const layer of shuffled(layers)) {
        runs.get(layer).push(await load(`${layer.name} (round ${round}/${ROUNDS})`, { ...layer, connections: CONNECTIONS, duration: DURATION }));
      }
    }
    const rows = layers.map((layer) => medianRun(layer.name, runs.get(layer)));
    printTable(
      `GET customer by id at ${total} customers, layer by layer (medians of ${ROUNDS} rounds in random order, ${DURATION} s, ${CONNECTIONS} connections)`,
      ['layer', 'req/s', 'p50 ms', 'p99 ms', 'ratio to reference', 'server CPU µs/req', 'errors'],
      rows.map((row) => [
        row.name,
        row.rps.toFixed(0),
        row.p50.toFixed(1),
        row.p99.toFixed(1),
        (row.rps / rows[0].rps).toFixed(2),
        row.cpuPerRequest.toFixed(0),
        row.errors,
      ]),
    );
    console.log('');
    for (let i = 1; i < rows.length; i++) {
      const added = rows[i].cpuPerRequest - rows[i - 1].cpuPerRequest;
      console.log(`${layers[i].adds}: ${added >= 0 ? '+' : '−'}${Math.abs(added).toFixed(0)} µs of server CPU per request`);
    }
    const appLayer = rows[3].cpuPerRequest - rows[2].cpuPerRequest;
    console.log(
      `\nthe app's own layer: ${appLayer.toFixed(0)} µs/req (app ${rows[3].cpuPerRequest.toFixed(0)} − bare Nest ${rows[2].cpuPerRequest.toFixed(0)}; target <= ${APP_LAYER_TARGET_MICROS} µs): ${verdict(appLayer <= APP_LAYER_TARGET_MICROS)}`,
    );
    failOnErrors([...warmUps, ...[...runs.values()].flat()]);
  } finally {
    await pool.end();
    for (const server of servers) server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
