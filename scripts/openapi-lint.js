#!/usr/bin/env node
'use strict';
/**
 * npm run lint:openapi [-- --url http://localhost:8080] [--out openapi.json] [--dist dist]
 *
 * Dumps the served OpenAPI document (from a running server, or built in-process from dist/) and
 * runs `redocly lint` on it with the repository's redocly.yaml. Exits non-zero on any error;
 * warnings are printed and allowed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT, parseArgs, loadServedOpenApi, run } = require('./served-openapi');

function redocly(file, ...options) {
  const cli = require.resolve('@redocly/cli/bin/cli.js');
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const args = [cli, 'lint', file, '--config', path.join(ROOT, 'redocly.yaml'), ...options];
  return spawnSync(process.execPath, args, { stdio: 'inherit', env }).status;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), { url: 'value', dist: 'value', out: 'value' });
  const document = await loadServedOpenApi(args);
  const file = args.out ? path.resolve(args.out) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'obp-openapi-')), 'openapi.json');
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${Object.keys(document.paths).length} paths written to ${file}`);
  const status = redocly(file, '--format=summary');
  // The summary counts problems per rule; on failure show where the errors are.
  if (status !== 0) redocly(file, '--format=stylish', '--max-problems=50');
  if (!args.out) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return status === 0 ? 0 : 1;
}

run(main);
