// Benchmark runner: starts the built server and the bare node+pg reference against the same
// PostgreSQL (DATABASE_URL), loads each with autocannon on loopback, and prints one table.
// Usage: npm run build && DATABASE_URL=postgres://... npm run bench [-- --duration 10 --connections 50]
'use strict';
const { spawn, fork } = require('node:child_process');
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { cases } = require('./cases');

const args = parseArgs(process.argv.slice(2));
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 50);
const APP_PORT = 18180;
const REFERENCE_PORT = 18181;

async function main() {
  if (!process.env.DATABASE_URL) fail('Set DATABASE_URL to a PostgreSQL database: benchmarks run against a real server.');
  const entry = join(__dirname, '..', 'dist', 'main.js');
  if (!existsSync(entry)) fail('Build first: npm run build');

  const app = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: String(APP_PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const reference = fork(join(__dirname, 'reference-server.js'), [String(REFERENCE_PORT), 'SELECT 1 AS one'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await waitFor(`http://127.0.0.1:${APP_PORT}/health`);
    await waitFor(`http://127.0.0.1:${REFERENCE_PORT}/`);
    const context = { appUrl: `http://127.0.0.1:${APP_PORT}`, referenceUrl: `http://127.0.0.1:${REFERENCE_PORT}` };

    const rows = [];
    const referenceResult = await load('reference: node:http + pg Pool, SELECT 1', `${context.referenceUrl}/`, {});
    rows.push(referenceResult);
    for (const benchCase of cases) {
      const request = await benchCase.prepare(context);
      rows.push(await load(benchCase.name, request.url, request));
    }
    printTable(rows, referenceResult.rps);
    console.log(`\nserver peak RSS: ${peakRssMb(app.pid)} MB  (duration ${DURATION}s per case, ${CONNECTIONS} connections)`);
  } finally {
    app.kill('SIGTERM');
    reference.kill('SIGTERM');
  }
}

async function load(name, url, options) {
  process.stderr.write(`running: ${name}\n`);
  const result = await autocannon({
    url,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    connections: CONNECTIONS,
    duration: DURATION,
  });
  const errors = result.non2xx + result.errors;
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

function printTable(rows, referenceRps) {
  const header = ['case', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'errors'];
  const lines = rows.map((row) => [
    row.name,
    row.rps.toFixed(0),
    row.p50.toFixed(1),
    row.p99.toFixed(1),
    (row.rps / referenceRps).toFixed(2),
    String(row.errors),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  console.log(`\n${format(header)}\n|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return (kb / 1024).toFixed(0);
  } catch {
    return 'n/a';
  }
}

async function waitFor(url) {
  for (let attempt = 0; attempt < 120; attempt++) {
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

function fail(message) {
  console.error(message);
  process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
