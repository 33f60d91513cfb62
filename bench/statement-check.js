// The statement check of `npm run bench`: does the reference send the same SQL as the app, and
// answer the same JSON? Both run once more as probe servers with bench/capture-sql.js preloaded
// (the measured servers run without it). For each case the probe app answers the case's request
// three times (the first primes its caches: auth context, known banks) and the two later ones are
// captured; the probe reference likewise once. Compared, statement by statement: the count, the
// prepared-statement name, the text (exactly) and the values as pg sends them. A value that differs
// between the app's own two captures is generated per request (the new customer's id and number)
// and is compared by its shape only (uuid, integer, timestamp, text); the response bodies are
// compared the same way. A request without credentials must be refused with the same status.
'use strict';
const { log } = require('./harness');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * cases: [{ name, probe: { method, path, headers, body } }]; app and reference: probe servers
 * ({ child, url }) started with capture. Returns per case { name, appStatements, statements,
 * response, unauthenticated } where the last three read `same` or `DIFFERENT: ...`.
 */
async function statementCheck(cases, app, reference) {
  const results = [];
  for (const testCase of cases) {
    log(`statement check: ${testCase.name}`);
    await send(app.url, testCase.probe);
    const first = await capture(app, testCase.probe);
    const second = await capture(app, testCase.probe);
    await send(reference.url, testCase.probe);
    const ours = await capture(reference, testCase.probe);
    const anonymous = { ...testCase.probe, headers: withoutCredentials(testCase.probe.headers) };
    const [appRefusal, referenceRefusal] = [await send(app.url, anonymous), await send(reference.url, anonymous)];
    results.push({
      name: testCase.name,
      appStatements: describe(first.statements),
      sql: first.statements,
      statements: compareStatements(first.statements, second.statements, ours.statements),
      response: compareResponses(first.response, second.response, ours.response),
      unauthenticated:
        appRefusal.status === referenceRefusal.status
          ? `same (${appRefusal.status})`
          : `DIFFERENT: app ${appRefusal.status}, reference ${referenceRefusal.status}`,
    });
  }
  return results;
}

async function send(base, request) {
  const response = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...(request.body ? { 'content-type': 'application/json' } : {}) },
    body: request.body,
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

/** One request with the server's statement capture on around it. */
async function capture(server, request) {
  await ask(server.child, { capture: 'start' }, 'capturing');
  const response = await send(server.url, request);
  const { statements } = await ask(server.child, { capture: 'stop' }, 'statements');
  return { statements, response };
}

function ask(child, message, answerKey) {
  return new Promise((resolve) => {
    const onMessage = (answer) => {
      if (answer?.[answerKey] === undefined) return;
      child.off('message', onMessage);
      resolve(answer);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

function withoutCredentials(headers = {}) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(directlogin|authorization)$/i.test(name)));
}

function describe(statements) {
  if (statements.length === 0) return 'none';
  return `${statements.length} (${statements.map((statement) => statement.name ?? 'unnamed').join(', ')})`;
}

function shape(value) {
  if (value === null) return 'null';
  if (UUID.test(value)) return 'uuid';
  if (/^-?\d+$/.test(value)) return 'integer';
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return 'timestamp';
  return 'text';
}

function compareStatements(first, second, ours) {
  if (ours.length !== first.length) {
    return `DIFFERENT: the app sent ${describe(first)}, the reference ${describe(ours)}${first.length !== second.length ? ' (and the app two different counts)' : ''}`;
  }
  for (let i = 0; i < first.length; i++) {
    const [app, again, reference] = [first[i], second[i] ?? first[i], ours[i]];
    const where = first.length > 1 ? `statement ${i + 1}: ` : '';
    if (app.name !== reference.name) return `DIFFERENT: ${where}name ${app.name ?? 'unnamed'} (app) vs ${reference.name ?? 'unnamed'} (reference)`;
    if (app.text !== reference.text) return `DIFFERENT: ${where}text ${textDifference(app.text, reference.text)}`;
    if (app.values.length !== reference.values.length) return `DIFFERENT: ${where}${app.values.length} values (app) vs ${reference.values.length} (reference)`;
    for (let j = 0; j < app.values.length; j++) {
      const generated = app.values[j] !== again.values[j];
      const same = generated ? shape(app.values[j]) === shape(reference.values[j]) : app.values[j] === reference.values[j];
      if (!same) return `DIFFERENT: ${where}$${j + 1} ${JSON.stringify(app.values[j])} (app) vs ${JSON.stringify(reference.values[j])} (reference)`;
    }
  }
  return 'same';
}

/** Where two texts part, with some context, whitespace shown as it is collapsed. */
function textDifference(app, reference) {
  let at = 0;
  while (at < app.length && app[at] === reference[at]) at++;
  const excerpt = (text) => JSON.stringify(text.slice(Math.max(0, at - 30), at + 50).replace(/\s+/g, ' '));
  return `from character ${at}: app …${excerpt(app)}… vs reference …${excerpt(reference)}…`;
}

function compareResponses(first, second, ours) {
  if (first.status !== ours.status) return `DIFFERENT: status ${first.status} (app) vs ${ours.status} (reference)`;
  const difference = jsonDifference(first.body, second.body, ours.body, '');
  return difference ? `DIFFERENT: ${difference}` : 'same';
}

/** The first place where `ours` differs from the app's `first` (a leaf that differs between the app's two answers: by type). */
function jsonDifference(first, second, ours, path) {
  const isObject = (value) => value !== null && typeof value === 'object';
  if (!isObject(first)) {
    if (first === ours) return undefined;
    const generated = first !== second && typeof first === typeof ours && (typeof first !== 'string' || shape(first) === shape(ours));
    return generated ? undefined : `${path || 'body'}: ${JSON.stringify(first)} (app) vs ${JSON.stringify(ours)} (reference)`;
  }
  if (!isObject(ours) || Array.isArray(first) !== Array.isArray(ours)) return `${path || 'body'}: ${kind(first)} (app) vs ${kind(ours)} (reference)`;
  if (Array.isArray(first)) {
    if (first.length !== ours.length) return `${path || 'body'}: ${first.length} items (app) vs ${ours.length} (reference)`;
  } else {
    const missing = Object.keys(first).filter((key) => !(key in ours));
    const extra = Object.keys(ours).filter((key) => !(key in first));
    if (missing.length || extra.length) return `${path || 'body'}: keys only the app sends [${missing.join(', ')}], only the reference [${extra.join(', ')}]`;
  }
  for (const key of Object.keys(first)) {
    const difference = jsonDifference(
      first[key],
      isObject(second) ? second[key] : undefined,
      ours[key],
      `${path}${Array.isArray(first) ? `[${key}]` : `.${key}`}`,
    );
    if (difference) return difference;
  }
  return undefined;
}

function kind(value) {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

module.exports = { statementCheck };
