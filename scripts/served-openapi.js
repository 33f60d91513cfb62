'use strict';
/**
 * The OpenAPI document exactly as the server serves it, every version at GET /obp/openapi.json or
 * one at GET /obp/vX.Y.Z/openapi.json, either fetched from a running server (--url) or built
 * in-process from the compiled app (dist/) on a throwaway in-memory embedded database, without
 * listening on a port. Shared by postman.js and openapi-lint.js.
 */
const path = require('node:path');

const OPENAPI_PATH = '/obp/openapi.json';
const ROOT = path.resolve(__dirname, '..');

/** `--name value` and `--flag` arguments into an object; anything else is refused. */
function parseArgs(argv, known) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !(name in known))
      throw new Error(
        `unknown argument ${argv[i]}; known: ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(' ')}`,
      );
    if (known[name] === 'flag') args[name] = true;
    else if (i + 1 < argv.length) args[name] = argv[++i];
    else throw new Error(`--${name} needs a value`);
  }
  return args;
}

/** "/obp/openapi.json", or "/obp/v5.1.0/openapi.json" for one version. */
function documentPath(version) {
  if (version && !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`not an API version: ${version} (expected e.g. 5.1.0)`);
  return version ? `/obp/v${version}/openapi.json` : OPENAPI_PATH;
}

async function fetchServed(url, documentUrl) {
  const target = new URL(documentUrl, url);
  const response = await fetch(target).catch((error) => {
    throw new Error(`GET ${target}: ${error.cause?.message || error.message}`);
  });
  if (!response.ok) throw new Error(`GET ${target}: HTTP ${response.status}`);
  return response.json();
}

async function buildInProcess(distDir, documentUrl) {
  const dist = path.resolve(ROOT, distDir, 'src');
  let modules;
  try {
    modules = {
      ...require(path.join(dist, 'config/app-config')),
      ...require(path.join(dist, 'database/database-connection')),
      ...require(path.join(dist, 'app.setup')),
    };
  } catch (error) {
    throw new Error(`cannot load the compiled app from ${dist} (run \`npm run build\` first): ${error.message}`, { cause: error });
  }
  // Never touch a configured database or Redis: a private in-memory database, nothing printed.
  const env = { ...process.env, PGLITE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent', OBP_BOOTSTRAP_ON_EMPTY_DATABASE: 'false' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'OBP_SUPER_ADMIN_USERNAME', 'OBP_SUPER_ADMIN_PASSWORD', 'OBP_BOOTSTRAP_CONSUMER_KEY']) delete env[name];
  const loaded = modules.loadConfig(env);
  const database = await modules.openDatabase(loaded);
  try {
    const config = { ...loaded, database: { ...loaded.database, poolSize: database.poolSize } };
    const app = await modules.createApp({ config, databaseUrl: database.url, migrationsRun: true });
    try {
      const response = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: documentUrl });
      if (response.statusCode !== 200) throw new Error(`GET ${documentUrl}: HTTP ${response.statusCode}`);
      return JSON.parse(response.body);
    } finally {
      await app.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

/** From `--url` when given, else built in-process from `--dist` (default dist/); one version's with `version`. */
function loadServedOpenApi(args) {
  const documentUrl = documentPath(args.version);
  return args.url ? fetchServed(args.url, documentUrl) : buildInProcess(args.dist || 'dist', documentUrl);
}

/** Runs an async main, printing a failure without a stack trace for expected errors. */
function run(main) {
  main().then(
    (code) => process.exit(code || 0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

module.exports = { ROOT, OPENAPI_PATH, parseArgs, loadServedOpenApi, run };
