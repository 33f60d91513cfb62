// Where the GET-by-id's time goes, layer by layer: the bare reference, the same request with the
// app's SQL and response on bare Fastify, the same on bare Nest, and the app. Each layer is a
// server of its own on the same database; rounds run the layers in a new random order each time
// and the medians are reported, with each server's CPU time per request (from /proc).
// Usage: npm run build && DATABASE_URL=postgres://... node bench/layers.js -- [--customers 100000]
//        [--rounds 5] [--duration 5] [--connections 50]
'use strict';
const { spawn, fork } = require('node:child_process');
const { join } = require('node:path');
const { Pool } = require('pg');
const seed = require('./seed');
const { SERVER_NODE_FLAGS, parseArgs, waitFor, supervise, loginAsBenchUser, load, medianRun, printTable, failOnErrors, pick, fail } = require('./harness');

const args = parseArgs(process.argv.slice(2).filter((arg) => arg !== '--'));
const CUSTOMERS = Number(args.customers ?? 100_000);
const ROUNDS = Number(args.rounds ?? 5);
const DURATION = Number(args.duration ?? 5);
const CONNECTIONS = Number(args.connections ?? 50);
const APP = 'http://127.0.0.1:18180';

async function main() {
  if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to a PostgreSQL database.');
  const root = join(__dirname, '..');
  const serverEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false', OBP_HOSTNAME: APP };
  const stops = [];
  const start = (name, child) => {
    stops.push(supervise(child, name));
    return child;
  };
  const nodeServer = (script, args, env) => spawn(process.execPath, [...SERVER_NODE_FLAGS, script, ...args], { env, stdio: 'inherit' });
  const app = start('the app', nodeServer(join(root, 'dist', 'src', 'main.js'), [], { ...serverEnv, PORT: '18180' }));
  const reference = start('the reference', fork(join(__dirname, 'reference-server.js'), ['18181'], { stdio: 'inherit' }));
  const fastify = start('the Fastify floor', nodeServer(join(__dirname, 'floors.js'), ['fastify', '18183'], serverEnv));
  const nest = start('the Nest floor', nodeServer(join(__dirname, 'floors.js'), ['nest', '18184'], serverEnv));
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    await waitFor(`${APP}/health`);
    await seed.ensureFixtures(pool);
    const { auth } = await loginAsBenchUser(APP, pool);
    const total = await seed.seedCustomers(pool, CUSTOMERS);
    const ids = await seed.sampleCustomerIds(pool, 1000);
    const customerPath = () => `/obp/v5.1.0/banks/${seed.BANK_ID}/customers/${pick(ids)}`;
    const layers = [
      {
        name: 'reference: node:http + pg, SELECT * by primary key',
        adds: '',
        url: 'http://127.0.0.1:18181',
        setupPath: () => `/${pick(ids)}`,
        pid: reference.pid,
      },
      {
        name: "Fastify + the app's SQL, mapper and response schema",
        adds: 'the OBP response',
        url: 'http://127.0.0.1:18183',
        setupPath: customerPath,
        pid: fastify.pid,
      },
      { name: 'Nest (Fastify adapter), one controller, same work', adds: 'Nest', url: 'http://127.0.0.1:18184', setupPath: customerPath, pid: nest.pid },
      {
        name: 'the app (npm start): DirectLogin, guard, hooks, metrics',
        adds: 'the app',
        url: APP,
        setupPath: customerPath,
        headers: auth,
        pid: app.pid,
        ready: `${APP}/health`,
      },
    ];
    // The app was up before the login; the others answer their own case once ready.
    for (const layer of layers) await waitFor(layer.ready ?? `${layer.url}${layer.setupPath()}`);
    for (const layer of layers) await load(`warm-up ${layer.name}`, { ...layer, connections: CONNECTIONS, duration: 3 });
    const runs = new Map(layers.map((layer) => [layer, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const layer of shuffled(layers)) {
        runs.get(layer).push(await load(`${layer.name} (round ${round}/${ROUNDS})`, { ...layer, connections: CONNECTIONS, duration: DURATION }));
      }
    }
    const rows = layers.map((layer) => {
      const row = medianRun(layer.name, runs.get(layer));
      const cpu = runs
        .get(layer)
        .map((run) => run.cpuPerRequest)
        .sort((a, b) => a - b);
      return { ...row, cpu: cpu[Math.floor(cpu.length / 2)] };
    });
    printTable(
      rows,
      rows[0].rps,
      `GET customer by id at ${total} customers, layer by layer (${ROUNDS} rounds in random order, ${DURATION} s, ${CONNECTIONS} connections)`,
      {
        title: 'server CPU µs/req',
        value: (row) => row.cpu.toFixed(0),
      },
    );
    for (let i = 1; i < rows.length; i++) {
      const added = rows[i].cpu - rows[i - 1].cpu;
      console.log(`${layers[i].adds}: ${added >= 0 ? '+' : '−'}${Math.abs(added).toFixed(0)} µs of server CPU per request`);
    }
    failOnErrors([...runs.values()].flat());
  } finally {
    await pool.end();
    for (const stop of stops) stop();
  }
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
