// The bare reference for `npm run bench` and `npm run bench:layers`: node:http and a pg Pool, no
// framework, answering each benchmarked case as a hand-written minimal server would, with the
// SQL the app sends for it (same text, same statement name, same parameters: bench/run.js checks
// that against the app in every run), the same authentication and role checks, and the same JSON.
//
//   GET  /obp/v5.1.0/banks/B/customers/C                        CanGetCustomer at B
//   POST /obp/v5.1.0/banks/B/customers                          CanCreateCustomer at B, or CanCreateCustomerAtAnyBank
//   GET  /obp/v5.1.0/banks/B/customers?limit&offset&sort_direction   CanGetCustomers at B
//   POST /obp/v5.1.0/banks/B/search/customers/mobile-phone-number     CanGetCustomers at B, or CanGetCustomersAtAnyBank
//   GET  /obp/v5.1.0/banks/B/firehose/customers?limit&offset&sort_direction  CanUseCustomerFirehoseAtAnyBank
//
// Authentication: `DirectLogin: token=T` (or `Authorization: DirectLogin token=T`). The app
// verifies a token once and then keeps it and the user's roles in memory; the reference does
// the same from the start: the tokens in REFERENCE_TOKENS (comma-separated, the bench's logins)
// are decoded and their users' entitlements and consumers read once, into a Map. An unknown or
// expired token is refused with 401, a missing role with 403, an unknown bank with 404.
//
// Self-contained: no file of the app is read, so a change of the app's SQL shows up as a
// statement difference in the bench's check instead of being followed silently.
// Usage: DATABASE_URL=postgres://... REFERENCE_TOKENS=t1,t2 node bench/reference-server.js <port>
'use strict';
const http = require('node:http');
const { randomInt, randomUUID } = require('node:crypto');
const { Pool } = require('pg');

const port = Number(process.argv[2]);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE || 10) });

// The customers columns under the property names the app reads rows with (CustomerEntity's).
const COLUMNS = [
  ['customer_id', 'customerId'],
  ['bank_id', 'bankId'],
  ['customer_number', 'customerNumber'],
  ['legal_name', 'legalName'],
  ['mobile_phone_number', 'mobilePhoneNumber'],
  ['email', 'email'],
  ['face_image_url', 'faceImageUrl'],
  ['face_image_date', 'faceImageDate'],
  ['date_of_birth', 'dateOfBirth'],
  ['relationship_status', 'relationshipStatus'],
  ['dependants', 'dependants'],
  ['dob_of_dependants', 'dobOfDependants'],
  ['credit_rating', 'creditRating'],
  ['credit_source', 'creditSource'],
  ['credit_limit_currency', 'creditLimitCurrency'],
  ['credit_limit_amount', 'creditLimitAmount'],
  ['highest_education_attained', 'highestEducationAttained'],
  ['employment_status', 'employmentStatus'],
  ['kyc_status', 'kycStatus'],
  ['last_ok_date', 'lastOkDate'],
  ['title', 'title'],
  ['branch_id', 'branchId'],
  ['name_suffix', 'nameSuffix'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
];
const SELECTED = COLUMNS.map(([column, property]) => `c.${column} AS "${property}"`).join(', ');
const RETURNED = COLUMNS.map(([column, property]) => `${column} AS "${property}"`).join(', ');

// A customer's attributes at its bank as one JSON array (`c` is the customers row).
const ATTRIBUTES_JSON = `
  COALESCE((SELECT json_agg(json_build_object('customer_attribute_id', a.customer_attribute_id, 'name', a.name,
                                              'type', a.type, 'value', a.value)
                            ORDER BY a.created_at, a.creation_seq)
              FROM customer_attributes a
             WHERE a.customer_id = c.customer_id AND a.bank_id = c.bank_id), '[]'::json)`;

/** GET by id: the row and its attributes in one round trip ($1 customer_id, $2 bank_id). */
const BY_ID = {
  name: 'customer_with_attributes',
  text: `SELECT ${SELECTED}, ${ATTRIBUTES_JSON} AS "attributes"
             FROM customers c
            WHERE c.customer_id = $1 AND c.bank_id = $2`,
};

/** One page at a bank in listing order ($1 from, $2 to, $3 bank, $4 limit, $5 offset). */
function pageStatement(direction) {
  const nulls = direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
  return {
    name: `customers_page_bank_${direction.toLowerCase()}`,
    text: `SELECT ${SELECTED} FROM customers c WHERE c.updated_at BETWEEN $1 AND $2 AND c.bank_id = $3
                 ORDER BY c.last_ok_date ${direction} ${nulls}, c.customer_id ${direction}
                 LIMIT $4 OFFSET $5`,
  };
}
const PAGE = { ASC: pageStatement('ASC'), DESC: pageStatement('DESC') };

// Unnamed, as in the app: the plan depends on the pattern.
const BY_PHONE = `WITH page AS (
             SELECT customer_id FROM customers
              WHERE bank_id = $1 AND mobile_phone_number LIKE $2
              ORDER BY customer_id ASC
              LIMIT $3 OFFSET $4)
           SELECT ${SELECTED} FROM page JOIN customers c ON c.customer_id = page.customer_id
            ORDER BY c.customer_id ASC`;

// The app's create: one fixed, prepared INSERT for every body (src/database/pg-queries.ts entityInsert).
// Every column but the two dates is bound, cast to its type; a NOT NULL column left unset takes its
// default through COALESCE; the row is read back by RETURNING. The bench body has legal_name and
// mobile_phone_number only, so $6..$23 are null.
const INSERT_VALUES = [
  '$1::uuid',
  '$2::text',
  '$3::text',
  '$4::text',
  '$5::text',
  "COALESCE($6::text, '')",
  "COALESCE($7::text, '')",
  '$8::timestamp with time zone',
  '$9::timestamp with time zone',
  "COALESCE($10::text, '')",
  "COALESCE($11::integer, '0')",
  "COALESCE($12::timestamp with time zone[], '{}')",
  "COALESCE($13::text, '')",
  "COALESCE($14::text, '')",
  "COALESCE($15::text, '')",
  "COALESCE($16::text, '')",
  "COALESCE($17::text, '')",
  "COALESCE($18::text, '')",
  'COALESCE($19::boolean, false)',
  '$20::timestamp with time zone',
  "COALESCE($21::text, '')",
  "COALESCE($22::text, '')",
  "COALESCE($23::text, '')",
  'DEFAULT',
  'DEFAULT',
];
const INSERT = {
  name: 'customer_insert',
  text: `INSERT INTO "customers" (${COLUMNS.map(([column]) => `"${column}"`).join(', ')}) VALUES (${INSERT_VALUES.join(', ')}) RETURNING ${RETURNED}`,
};
const UNSET_FIELDS = new Array(18).fill(undefined);

const EPOCH = new Date(0);
const FAR_FUTURE = new Date(Date.UTC(4000, 0, 1));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BANK_ID = /^[A-Za-z0-9\-._]{1,254}$/;

/** token -> { grants: Set of `${bank_id}|${role}`, expiresAt } */
const tokens = new Map();
const banks = new Set();

async function loadAuth() {
  for (const token of (process.env.REFERENCE_TOKENS ?? '').split(',').filter(Boolean)) {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const { rows: grants } = await pool.query('SELECT bank_id, role_name FROM entitlements WHERE user_id = $1', [claims.sub]);
    const { rows: consumers } = await pool.query('SELECT enabled FROM consumers WHERE consumer_id = $1', [claims.cid]);
    if (!consumers[0]?.enabled) continue;
    tokens.set(token, { grants: new Set(grants.map((grant) => `${grant.bank_id}|${grant.role_name}`)), expiresAt: claims.exp * 1000 });
  }
  for (const { bank_id } of (await pool.query('SELECT bank_id FROM banks')).rows) banks.add(bank_id);
}

// Routes: [method, path pattern, roles (any of; bank roles at the path's bank), handler].
const ROUTES = [
  ['GET', /^\/obp\/v5\.1\.0\/banks\/([^/]+)\/customers\/([^/]+)$/, [['CanGetCustomer', true]], getCustomer],
  [
    'POST',
    /^\/obp\/v5\.1\.0\/banks\/([^/]+)\/customers$/,
    [
      ['CanCreateCustomer', true],
      ['CanCreateCustomerAtAnyBank', false],
    ],
    createCustomer,
  ],
  ['GET', /^\/obp\/v5\.1\.0\/banks\/([^/]+)\/customers$/, [['CanGetCustomers', true]], listCustomers],
  [
    'POST',
    /^\/obp\/v5\.1\.0\/banks\/([^/]+)\/search\/customers\/mobile-phone-number$/,
    [
      ['CanGetCustomers', true],
      ['CanGetCustomersAtAnyBank', false],
    ],
    searchByPhone,
  ],
  ['GET', /^\/obp\/v5\.1\.0\/banks\/([^/]+)\/firehose\/customers$/, [['CanUseCustomerFirehoseAtAnyBank', false]], listCustomers],
];

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function handle(req, res) {
  const queryAt = req.url.indexOf('?');
  const path = queryAt < 0 ? req.url : req.url.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : req.url.slice(queryAt + 1));
  for (const [method, pattern, roles, handler] of ROUTES) {
    const match = req.method === method ? pattern.exec(path) : null;
    if (!match) continue;
    const grants = authenticate(req.headers);
    const bankId = decodeURIComponent(match[1]);
    if (!BANK_ID.test(bankId)) throw new HttpError(400, 'OBP-30111: Invalid Bank Id.');
    if (!banks.has(bankId)) throw new HttpError(404, `OBP-30001: Bank not found. Current BANK_ID = ${bankId}`);
    if (!roles.some(([role, atBank]) => grants.has(`${atBank ? bankId : ''}|${role}`)))
      throw new HttpError(403, 'OBP-20006: User is missing one or more roles.');
    const body = method === 'POST' ? await readJson(req) : undefined;
    const [status, result] = await handler({ bankId, id: match[2], query, body });
    return send(res, status, result);
  }
  throw new HttpError(404, 'OBP-10404: not found');
}

function authenticate(headers) {
  const header = headers.directlogin ?? headers.authorization;
  if (header === undefined) throw new HttpError(401, 'OBP-20001: User not logged in. Authentication is required!');
  const token = /token\s*=\s*"?([^",\s]+)/.exec(header)?.[1];
  const known = token === undefined ? undefined : tokens.get(token);
  if (!known || Date.now() >= known.expiresAt) throw new HttpError(401, 'OBP-20003: Invalid DirectLogin token.');
  return known.grants;
}

async function getCustomer({ bankId, id }) {
  if (!UUID.test(id)) throw new HttpError(404, 'OBP-30050: Customer not found by CUSTOMER_ID.');
  const { rows } = await pool.query({ name: BY_ID.name, text: BY_ID.text, values: [id, bankId] });
  if (!rows[0]) throw new HttpError(404, 'OBP-30050: Customer not found by CUSTOMER_ID.');
  return [200, { ...customerJson(rows[0]), customer_attributes: rows[0].attributes }];
}

async function listCustomers({ bankId, query }) {
  const { limit, offset } = paging(query);
  const direction = (query.get('sort_direction') ?? 'ASC').toUpperCase();
  const statement = PAGE[direction];
  if (!statement) throw new HttpError(400, 'OBP-10023: wrong sort_direction');
  const from = query.has('from_date') ? new Date(query.get('from_date')) : EPOCH;
  const to = query.has('to_date') ? new Date(query.get('to_date')) : FAR_FUTURE;
  const { rows } = await pool.query({ name: statement.name, text: statement.text, values: [from, to, bankId, limit, offset] });
  return [200, { customers: rows.map(customerJson) }];
}

async function searchByPhone({ bankId, query, body }) {
  if (typeof body?.mobile_phone_number !== 'string') throw new HttpError(400, 'OBP-10001: Incorrect json format.');
  const { limit, offset } = paging(query);
  const { rows } = await pool.query(BY_PHONE, [bankId, body.mobile_phone_number, limit, offset]);
  return [201, { customers: rows.map(customerJson) }];
}

async function createCustomer({ bankId, body }) {
  if (typeof body?.legal_name !== 'string' || typeof body.mobile_phone_number !== 'string') throw new HttpError(400, 'OBP-10001: Incorrect json format.');
  // A generated customer number that is already taken at the bank is drawn again, as in the app.
  for (let attempt = 1; ; attempt++) {
    try {
      const values = [randomUUID(), bankId, String(randomInt(0, 2 ** 31 - 1)), body.legal_name, body.mobile_phone_number, ...UNSET_FIELDS];
      const { rows } = await pool.query({ ...INSERT, values });
      return [201, customerJson(rows[0])];
    } catch (error) {
      if (error.code !== '23505' || error.constraint !== 'customers_bank_number_key' || attempt >= 8) throw error;
    }
  }
}

function paging(query) {
  const limit = query.has('limit') ? Number(query.get('limit')) : 50;
  const offset = query.has('offset') ? Number(query.get('offset')) : 0;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 10_000)) throw new HttpError(400, 'OBP-10025: wrong limit');
  if (!(Number.isInteger(offset) && offset >= 0)) throw new HttpError(400, 'OBP-10024: wrong offset');
  return { limit, offset };
}

/** OBP's CustomerJsonV310 from a row. */
function customerJson(row) {
  return {
    bank_id: row.bankId,
    customer_id: row.customerId,
    customer_number: row.customerNumber,
    legal_name: row.legalName,
    mobile_phone_number: row.mobilePhoneNumber,
    email: row.email,
    face_image: { url: row.faceImageUrl, date: obpDate(row.faceImageDate) },
    date_of_birth: obpDate(row.dateOfBirth),
    relationship_status: row.relationshipStatus,
    dependants: row.dependants,
    dob_of_dependants: row.dobOfDependants.map(obpDate),
    credit_rating: { rating: row.creditRating, source: row.creditSource },
    credit_limit: { currency: row.creditLimitCurrency, amount: row.creditLimitAmount },
    highest_education_attained: row.highestEducationAttained,
    employment_status: row.employmentStatus,
    kyc_status: row.kycStatus,
    last_ok_date: obpDate(row.lastOkDate),
    title: row.title,
    branch_id: row.branchId,
    name_suffix: row.nameSuffix,
  };
}

/** OBP's wire date: UTC, no milliseconds. */
function obpDate(value) {
  return value ? value.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'OBP-10001: Incorrect json format.'));
      }
    });
  });
}

function send(res, status, result) {
  const body = JSON.stringify(result);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

loadAuth()
  .then(() => {
    http
      .createServer((req, res) => {
        handle(req, res).catch((error) => {
          const status = error instanceof HttpError ? error.status : 500;
          send(res, status, { code: status, message: error instanceof HttpError ? error.message : `OBP-50000: Unknown Error. ${error.message}` });
        });
      })
      .listen(port, '127.0.0.1', () => process.send?.('ready'));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
