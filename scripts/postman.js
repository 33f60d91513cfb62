#!/usr/bin/env node
'use strict';
/**
 * npm run postman [-- --url http://localhost:8080] [--api-version 5.1.0] [--out-dir postman] [--dist dist]
 *
 * Converts the served OpenAPI document of one API version (/obp/vX.Y.Z/openapi.json, which includes
 * DirectLogin) into
 *   obp.postman_collection.json        one folder per OBP tag, DirectLogin pre-wired, example bodies and
 *                                      saved example responses, creates storing the new id for later requests
 *   obp.postman_environment.json       baseUrl, credentials and one variable per path parameter, none empty
 *   obp-smoke.postman_collection.json  read-only requests on an OBP sandbox import, with data checks
 *   obp-flow.postman_collection.json   an ordered create/read/update/delete run (scripts/postman-flow.js)
 * CI runs the last two with newman. Without --url the document is built in-process from dist/ (run
 * `npm run build` first).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { promisify } = require('node:util');
const converter = require('openapi-to-postmanv2');
const schemaFaker = require('openapi-to-postmanv2/assets/json-schema-faker.js'); // the converter's own instance
const { ROOT, parseArgs, loadServedOpenApi, run } = require('./served-openapi');
const { flowCollection } = require('./postman-flow');

const LOGIN_PATH = '/my/logins/direct';
const DEFAULT_BASE_URL = 'http://localhost:8080';
const CREDENTIALS = 'username={{username}}, password={{password}}, consumer_key={{consumerKey}}';
/**
 * Variables with a useful default. Every other path parameter defaults to its own name
 * (customerId = CUSTOMER_ID): a request sent before the variable is set reaches the endpoint and
 * answers which entity was not found, where an empty segment would only miss the route (OBP-10404).
 */
const VARIABLE_DEFAULTS = { viewId: 'owner' };

/**
 * Creates whose new ids cannot be told from the paths (OBP's singular/plural pairs, a collection
 * known by id and by name, a user by id and by provider): the path parameters that name the new
 * entity in later requests, each with the response field holding it (null: the parameter's name in
 * lower case, else `id`). An empty object: the answer holds no id later requests use
 * (POST .../user-invitations reads an invitation by its secret; a credit limit request answers
 * with a token, its id is in the list). The others are found by findNewIds.
 */
const NEW_ID_PARAMETERS = {
  'POST /users': { USER_ID: null },
  'POST /users/{USER_ID}/entitlements': { ENTITLEMENT_ID: null },
  'POST /banks/{BANK_ID}/customers/{CUSTOMER_ID}/attribute': { CUSTOMER_ATTRIBUTE_ID: null },
  'POST /banks/{BANK_ID}/customers/{CUSTOMER_ID}/address': { CUSTOMER_ADDRESS_ID: null },
  'POST /banks/{BANK_ID}/customers/{CUSTOMER_ID}/tax-residence': { TAX_RESIDENCE_ID: null },
  'POST /consumers/{CONSUMER_ID}/scopes': { SCOPE_ID: null },
  'POST /dynamic-registration/consumers': { CONSUMER_ID: null },
  'PUT /banks/{BANK_ID}/attribute-definitions/customer': { ATTRIBUTE_DEFINITION_ID: null },
  'POST /banks/{BANK_ID}/user-invitation': { SECRET_LINK: 'secret_key' },
  'POST /banks/{BANK_ID}/user-invitations': {},
  'POST /banks/{BANK_ID}/customers/{CUSTOMER_ID}/credit_limit/requests': {},
  'POST /my/api-collections': { API_COLLECTION_ID: null, API_COLLECTION_NAME: null },
  'POST /my/api-collections/{API_COLLECTION_NAME}/api-collection-endpoints': { API_COLLECTION_ENDPOINT_ID: null, OPERATION_ID: null },
  'POST /my/api-collection-ids/{API_COLLECTION_ID}/api-collection-endpoints': { API_COLLECTION_ENDPOINT_ID: null, OPERATION_ID: null },
};

/** Who the cached token belongs to: a change of server, user or consumer logs in again. */
const TOKEN_OWNER = "[pm.variables.get('baseUrl'), pm.variables.get('username'), pm.variables.get('consumerKey')].join(' ')";

/** Collection pre-request: log in once by DirectLogin; the collection auth sends `DirectLogin: token={{token}}`. */
const LOGIN_SCRIPT = `// DirectLogin with the environment's username, password and consumerKey; the token is kept in the
// collection variable "token" and sent by the collection auth as DirectLogin: token={{token}}.
const owner = ${TOKEN_OWNER};
const needsToken = pm.request.url.getPath() !== '${LOGIN_PATH}' && pm.variables.get('username');
if (needsToken && (!pm.collectionVariables.get('token') || pm.collectionVariables.get('tokenFor') !== owner)) {
  const credentials = pm.variables.replaceIn('${CREDENTIALS}');
  pm.sendRequest(
    { url: pm.variables.replaceIn('{{baseUrl}}${LOGIN_PATH}'), method: 'POST', header: { DirectLogin: credentials } },
    (error, response) => {
      if (error || response.code !== 201) return console.error('DirectLogin failed', error || response.text());
      pm.collectionVariables.set('token', response.json().token);
      pm.collectionVariables.set('tokenFor', owner);
    },
  );
}`;

/** Collection test: every request succeeds; a 401 drops the cached token so the next request logs in again. */
const STATUS_SCRIPT = `pm.test(\`\${pm.info.requestName}: 2xx\`, () => pm.expect(pm.response.code, pm.response.text().slice(0, 300)).to.be.within(200, 299));
if (pm.response.code === 401) pm.collectionVariables.unset('token');`;

const STORE_TOKEN_SCRIPT = `if (pm.response.code === 201) {
  pm.collectionVariables.set('token', pm.response.json().token);
  pm.collectionVariables.set('tokenFor', ${TOKEN_OWNER});
}`;

/**
 * The smoke run: requests that work against OBP's sandbox import (sandbox-large.json) for an
 * account owner holding CanGetAnyUser and CanGetCustomers at the bank. In this order (the
 * collection's pre-request logs in before the first request that needs it; the explicit login comes
 * last); `check` runs with `json` (the response body) and may store ids for later requests.
 */
const SMOKE = [
  ['GET /root', 'pm.expect(json.version).to.eql(pm.request.url.path[1]);'],
  ['GET /banks', "pm.expect(json.banks.map((bank) => bank.id)).to.include(pm.variables.get('bankId'));"],
  ['GET /banks/{BANK_ID}', "pm.expect(json.id).to.eql(pm.variables.get('bankId'));"],
  ['GET /users/current', "pm.expect(json.username).to.eql(pm.variables.get('username'));"],
  ['GET /my/entitlements', "pm.expect(json.list.map((e) => e.role_name)).to.include.members(['CanGetAnyUser', 'CanGetCustomers']);"],
  ['GET /my/accounts', "pm.expect(json.accounts.map((account) => account.id)).to.include(pm.variables.get('accountId'));"],
  ['GET /banks/{BANK_ID}/accounts', "pm.expect(json.map((account) => account.id)).to.include(pm.variables.get('accountId'));"],
  ['GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/views', "pm.expect(json.views.map((view) => view.id)).to.include(pm.variables.get('viewId'));"],
  ['GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/account', "pm.expect(json.id).to.eql(pm.variables.get('accountId'));"],
  [
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions',
    "pm.expect(json.transactions).to.not.be.empty;\n  pm.environment.set('transactionId', json.transactions[0].id);",
  ],
  [
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/transactions/{TRANSACTION_ID}/transaction',
    "pm.expect(json.id).to.eql(pm.variables.get('transactionId'));",
  ],
  [
    'GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/other_accounts',
    "pm.expect(json.other_accounts).to.not.be.empty;\n  pm.environment.set('otherAccountId', json.other_accounts[0].id);",
  ],
  ['GET /banks/{BANK_ID}/accounts/{ACCOUNT_ID}/{VIEW_ID}/other_accounts/{OTHER_ACCOUNT_ID}', "pm.expect(json.id).to.eql(pm.variables.get('otherAccountId'));"],
  ['GET /banks/{BANK_ID}/customers', "pm.expect(json.customers).to.be.an('array');"],
  ['GET /banks/{BANK_ID}/crm-events', 'pm.expect(json.crm_events).to.not.be.empty;'],
  ['GET /users', "pm.expect(json.users.map((user) => user.username)).to.include(pm.variables.get('username'));"],
  ['GET /roles', "pm.expect(json.roles.map((role) => role.role)).to.include('CanGetAnyUser');"],
  ['GET /resource-docs/{API_VERSION}/obp', 'pm.expect(json.resource_docs.length).to.be.above(100);'],
  [`POST ${LOGIN_PATH}`, "pm.expect(json.token).to.be.a('string');"],
];

async function main() {
  const args = parseArgs(process.argv.slice(2), { url: 'value', dist: 'value', 'api-version': 'value', 'out-dir': 'value' });
  const version = args['api-version'] || '5.1.0';
  const outDir = path.resolve(args['out-dir'] || path.join(ROOT, 'postman'));
  const document = versionSubset(await loadServedOpenApi({ ...args, version }), version);

  // Values a schema gives no example for (booleans, enums) are faked at random: seeded, the files are reproducible.
  schemaFaker.option({ random: seededRandom(0x2f6b) });
  const result = await promisify(converter.convertV2)(
    { type: 'json', data: document },
    { folderStrategy: 'Tags', parametersResolution: 'Example', enableOptionalParameters: false, alwaysInheritAuthentication: true },
  );
  if (!result.result) throw new Error(`openapi-to-postmanv2: ${result.reason}`);
  const collection = finishCollection(result.output[0].data, document, version);
  const smoke = smokeCollection(collection, version);
  const successStatus = (key) => {
    const [method, pathName] = key.split(' ');
    const responses = document.paths[pathName][method.toLowerCase()].responses;
    return Number(Object.keys(responses).find((status) => status.startsWith('2')) || 200);
  };
  const flow = flowCollection(collection, version, { script, stableId, requestKey, forEachRequest, successStatus });

  fs.mkdirSync(outDir, { recursive: true });
  const files = {
    'obp.postman_collection.json': collection,
    'obp.postman_environment.json': environment(document, version),
    ...(smoke.item.length > 0 ? { 'obp-smoke.postman_collection.json': smoke.collection } : {}),
    ...(flow.steps > 0 ? { 'obp-flow.postman_collection.json': flow.collection } : {}),
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(outDir, name), `${JSON.stringify(content, null, 2)}\n`);
  console.log(
    `${countRequests(collection.item)} requests in ${collection.item.length} folders, ${smoke.item.length} in the smoke run, ` +
      `${flow.steps} in the ordered run: ${path.relative(process.cwd(), outDir) || '.'}/`,
  );
  if (smoke.missing.length > 0) console.log(`no smoke run for v${version}: it does not serve ${smoke.missing.join(', ')}`);
  if (flow.missing.length > 0) console.log(`no ordered run for v${version}: it does not serve ${flow.missing.join(', ')}`);
}

/** mulberry32: a small seeded generator, the same sequence on every run. */
function seededRandom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One version's paths and DirectLogin (the whole document may hold more); each operation in the folder of its OBP tag, success responses only. */
function versionSubset(document, version) {
  const prefix = `/obp/v${version}`;
  const paths = {};
  for (const [pathName, item] of Object.entries(document.paths)) {
    if (pathName !== LOGIN_PATH && pathName !== prefix && !pathName.startsWith(`${prefix}/`)) continue;
    paths[pathName] = Object.fromEntries(
      Object.entries(item).map(([method, operation]) => [
        method,
        {
          ...operation,
          tags: (operation.tags || ['Other']).slice(0, 1),
          // Error responses are in the OpenAPI document and resource docs; as saved examples they only add bulk.
          responses: Object.fromEntries(Object.entries(operation.responses).filter(([status]) => status.startsWith('2'))),
        },
      ]),
    );
  }
  if (Object.keys(paths).length <= 1) throw new Error(`the document has no paths under ${prefix}`);
  const used = new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((operation) => operation.tags)));
  const tags = (document.tags || []).filter((tag) => used.has(tag.name));
  return { ...document, info: { ...document.info, title: `OBP API v${version}`, version }, tags, paths };
}

/** "BANK_ID" -> "bankId" */
function variableName(parameter) {
  return parameter.toLowerCase().replace(/_([a-z0-9])/g, (_, letter) => letter.toUpperCase());
}

function stableId(...parts) {
  const hex = crypto.createHash('sha1').update(parts.join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function script(listen, source) {
  return { listen, script: { type: 'text/javascript', exec: source.split('\n') } };
}

function forEachRequest(items, visit) {
  for (const item of items) {
    if (item.item) forEachRequest(item.item, visit);
    else visit(item);
  }
}

function countRequests(items) {
  let count = 0;
  forEachRequest(items, () => count++);
  return count;
}

/** "GET /obp/v5.1.0/banks/{BANK_ID}" for a converted request. */
function requestKey(item) {
  const segments = item.request.url.path.map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment));
  return `${item.request.method} /${segments.join('/')}`;
}

/**
 * Deterministic ids (the operation id, so `newman --folder <operationId>` picks one request),
 * path parameters bound to environment variables, DirectLogin at collection level, saved
 * responses only where they show a body.
 */
function finishCollection(collection, document, version) {
  const operations = new Map();
  for (const [pathName, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) operations.set(`${method.toUpperCase()} ${pathName}`, operation);
  }
  const relativePaths = Object.keys(document.paths).map((pathName) => relativePath(`GET ${pathName}`));
  for (const folder of collection.item) delete folder.id;
  forEachRequest(collection.item, (item) => {
    const key = requestKey(item);
    const operation = operations.get(key);
    if (!operation) throw new Error(`converted request ${key} is not in the document`);
    item.id = operation.operationId;
    delete item.request.auth;
    item.request.url.variable = item.request.url.variable.map(({ key: name }) => ({ key: name, value: `{{${variableName(name)}}}` }));
    item.response = item.response.filter((response) => response.body).map(({ id, originalRequest, ...response }) => response);
    const newIds = findNewIds(item.request.method, relativePath(key), relativePaths);
    if (Object.keys(newIds).length > 0) item.event = [...(item.event || []), script('test', storeIdsScript(newIds))];
    if (key === `POST ${LOGIN_PATH}`) {
      item.request.auth = { type: 'noauth' };
      item.request.header = [{ key: 'DirectLogin', value: CREDENTIALS }, ...item.request.header.filter((header) => header.key !== 'DirectLogin')];
      item.event = [script('test', STORE_TOKEN_SCRIPT)];
    }
  });
  return {
    info: {
      _postman_id: stableId('collection', version),
      name: `OBP API v${version}`,
      description:
        `${document.info.description}\n\nGenerated by \`npm run postman\` from the served OpenAPI document. Select the ` +
        '"OBP" environment and set baseUrl, username, password and consumerKey: the collection logs in by DirectLogin ' +
        'before the first request and sends `DirectLogin: token={{token}}` on every request. Path parameters come from ' +
        'environment variables named after them (BANK_ID -> bankId).',
      schema: collection.info.schema,
    },
    item: collection.item,
    auth: {
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'DirectLogin', type: 'string' },
        { key: 'value', value: 'token={{token}}', type: 'string' },
        { key: 'in', value: 'header', type: 'string' },
      ],
    },
    event: [script('prerequest', LOGIN_SCRIPT), script('test', STATUS_SCRIPT)],
    variable: [
      { key: 'baseUrl', value: DEFAULT_BASE_URL },
      { key: 'token', value: '' },
      { key: 'tokenFor', value: '' },
    ],
  };
}

/** "POST /obp/v5.1.0/banks/{BANK_ID}/customers" -> "/banks/{BANK_ID}/customers" */
function relativePath(key) {
  return key.split(' ')[1].replace(/^\/obp\/v\d+\.\d+\.\d+/, '');
}

/**
 * The path parameters naming what a request creates, so its test can store the new ids: the
 * explicit NEW_ID_PARAMETERS, else for a POST the parameter that follows its path in the other
 * paths ("POST /banks/{BANK_ID}/customers" -> CUSTOMER_ID, from /banks/{BANK_ID}/customers/{CUSTOMER_ID}).
 * Returns { PARAMETER: response field or null }.
 */
function findNewIds(method, relative, relativePaths) {
  const explicit = NEW_ID_PARAMETERS[`${method} ${relative}`];
  if (explicit) return explicit;
  if (method !== 'POST') return {};
  const prefix = `${relative}/{`;
  const found = new Set(relativePaths.filter((other) => other.startsWith(prefix)).map((other) => other.slice(prefix.length).split('}')[0]));
  if (found.size > 1) throw new Error(`POST ${relative}: later paths name its new entity ${[...found].join(' or ')}; say which in NEW_ID_PARAMETERS`);
  return found.size === 1 ? { [[...found][0]]: null } : {};
}

/**
 * Test script: a successful create stores each new id in the environment variable named after its
 * parameter (API_COLLECTION_ID -> apiCollectionId), from the given response field, else the
 * parameter's name in lower case, else `id`.
 */
function storeIdsScript(newIds) {
  const lines = Object.entries(newIds).map(([parameter, field]) => {
    const fields = field ? [field] : [parameter.toLowerCase(), ...(parameter.endsWith('_ID') ? ['id'] : [])];
    return `  store('${variableName(parameter)}', ${JSON.stringify(fields)});`;
  });
  return `// Keeps the new ${Object.keys(newIds).join(', ')} for the requests that use {{${Object.keys(newIds).map(variableName).join('}}, {{')}}}.
if (pm.response.code >= 200 && pm.response.code < 300) {
  let json = {};
  try { json = pm.response.json(); } catch (error) { /* no JSON body */ }
  const store = (variable, fields) => {
    const id = fields.map((field) => json && json[field]).find((value) => typeof value === 'string' && value !== '');
    if (id) pm.environment.set(variable, id);
  };
${lines.join('\n')}
}`;
}

/** The SMOKE requests copied out of the collection in order, each with its data check; none when the version lacks one. */
function smokeCollection(collection, version) {
  const byKey = new Map();
  forEachRequest(collection.item, (item) => byKey.set(requestKey(item), item));
  const keyOf = (request) => {
    const [method, relative] = request.split(' ');
    return `${method} ${relative === LOGIN_PATH ? '' : `/obp/v${version}`}${relative}`;
  };
  const missing = SMOKE.map(([request]) => request).filter((request) => !byKey.has(keyOf(request)));
  const item = (missing.length > 0 ? [] : SMOKE).map(([request, check]) => {
    const copy = structuredClone(byKey.get(keyOf(request)));
    delete copy.response;
    copy.event = [...(copy.event || []), script('test', `pm.test('${request}: expected data', () => {\n  const json = pm.response.json();\n  ${check}\n});`)];
    return copy;
  });
  const info = {
    ...collection.info,
    _postman_id: stableId('smoke', version),
    name: `OBP API v${version} smoke`,
    description: 'Read-only requests against an OBP sandbox import, with data checks. Generated by `npm run postman`.',
  };
  return { collection: { ...collection, info, item }, item, missing };
}

function environment(document, version) {
  const parameters = new Map();
  for (const pathName of Object.keys(document.paths)) for (const match of pathName.matchAll(/\{([^}]+)\}/g)) parameters.set(variableName(match[1]), match[1]);
  const defaults = { ...VARIABLE_DEFAULTS, apiVersion: `v${version}` };
  const values = [
    { key: 'baseUrl', value: DEFAULT_BASE_URL },
    { key: 'username', value: '' },
    { key: 'password', value: '', type: 'secret' },
    { key: 'consumerKey', value: '' },
  ];
  // USERNAME (user lookup) shares `username` with the login: by default the logged-in user.
  for (const [key, parameter] of [...parameters].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!values.some((value) => value.key === key)) values.push({ key, value: defaults[key] || parameter });
  }
  return {
    id: stableId('environment', version),
    name: 'OBP',
    values: values.map((value) => ({ type: 'default', ...value, enabled: true })),
    _postman_variable_scope: 'environment',
  };
}

run(main);
