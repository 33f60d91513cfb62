import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { createBank, createConsumer, grantRole, signUpAndLogin, uniqueName } from '../support/identity';
import { EMBEDDED_TEST_DATABASE, call, ensureBuilt, freePort, serverEnv, startServer, type ServerProcess } from '../support/server-process';
import { createTestApp } from '../support/test-app';

/**
 * Concurrency: customer creates spread over two server processes sharing PostgreSQL (numbers stay
 * unique, a contested number is won exactly once) and parallel updates of one customer's fields
 * (none is lost). The two-process parts need a database other processes can open: they are
 * skipped on jest's in-memory PGlite; the one-customer updates also run in-process there.
 */

const CREATES = 1000;
const CONTESTED_NUMBERS = 100;
const ATTEMPTS_PER_NUMBER = 4;
const UPDATE_ROUNDS = 8;
const DATE = '2001-02-03T00:00:00Z';
const CURRENCIES = ['EUR', 'GBP', 'USD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK'];

const ROLES = [
  'CanCreateCustomer',
  'CanUpdateCustomerEmail',
  'CanUpdateCustomerMobilePhoneNumber',
  'CanUpdateCustomerCreditLimit',
  'CanUpdateCustomerBranch',
  'CanUpdateCustomerData',
  'CanUpdateCustomerIdentity',
  'CanUpdateCustomerCreditRatingAndSource',
  'CanUpdateCustomerNumber',
];

type Json = Record<string, any>;

/** Round r's body for each single-purpose update endpoint, and the customer columns a body leaves behind (default: its own fields). */
const UPDATES: { segment: string; body: (r: number) => Json; row?: (body: Json) => Json }[] = [
  { segment: 'email', body: (r) => ({ email: `round${r}@example.com` }) },
  { segment: 'mobile-number', body: (r) => ({ mobile_phone_number: `+44 7000 00${r}` }) },
  {
    segment: 'credit-limit',
    body: (r) => ({ credit_limit: { currency: CURRENCIES[r], amount: String(1000 + r) } }),
    row: ({ credit_limit }) => ({ credit_limit_currency: credit_limit.currency, credit_limit_amount: credit_limit.amount }),
  },
  { segment: 'branch', body: (r) => ({ branch_id: `BRANCH${r}` }) },
  {
    segment: 'data',
    body: (r) => ({
      face_image: { url: `https://example.com/${r}.png`, date: DATE },
      relationship_status: `status${r}`,
      dependants: r,
      highest_education_attained: `education${r}`,
      employment_status: `employment${r}`,
    }),
    row: ({ face_image, ...rest }) => ({ face_image_url: face_image.url, ...rest }),
  },
  {
    segment: 'identity',
    body: (r) => ({ legal_name: `Name ${r}`, date_of_birth: DATE, title: `Title${r}`, name_suffix: `Suffix${r}` }),
    row: ({ legal_name, title, name_suffix }) => ({ legal_name, title, name_suffix }),
  },
  { segment: 'credit-rating-and-source', body: (r) => ({ credit_rating: `rating${r}`, credit_source: `source${r}` }) },
  { segment: 'number', body: (r) => ({ customer_number: `updated-${r}` }) },
];

interface Fixture {
  app: NestFastifyApplication;
  bankId: string;
  headers: Record<string, string>;
}

async function arrange(): Promise<Fixture> {
  const app = await createTestApp();
  const consumer = await createConsumer(app);
  const user = await signUpAndLogin(app, consumer.key);
  const bankId = await createBank(app);
  for (const role of ROLES) await grantRole(app, user.userId, role, bankId);
  return { app, bankId, headers: user.auth };
}

/**
 * Creates one customer, then sends every update round of every endpoint at once, round-robin over
 * `targets`; afterwards each group of columns holds exactly one of its own updates' values.
 */
async function updateOneCustomerConcurrently(fixture: Fixture, targets: string[]): Promise<void> {
  const { app, bankId, headers } = fixture;
  const created = await call(
    targets[0],
    'POST',
    `/obp/v5.1.0/banks/${bankId}/customers`,
    { legal_name: 'Original', mobile_phone_number: '+44 1' },
    { headers },
  );
  expect(created.status).toBe(201);
  const path = `/obp/v5.1.0/banks/${bankId}/customers/${created.body.customer_id}`;
  const started = Date.now();
  const outcomes = await Promise.all(
    UPDATES.flatMap((update, u) =>
      Array.from({ length: UPDATE_ROUNDS }, (_, r) => call(targets[(u + r) % targets.length], 'PUT', `${path}/${update.segment}`, update.body(r), { headers })),
    ),
  );
  expect(outcomes.map((outcome) => outcome.status ?? outcome.error)).toEqual(outcomes.map(() => 200));

  const [row] = await app.get(DataSource).query('SELECT * FROM customers WHERE customer_id = $1', [created.body.customer_id]);
  for (const update of UPDATES) {
    const candidates = Array.from({ length: UPDATE_ROUNDS }, (_, r) => (update.row ?? ((body: Json) => body))(update.body(r)));
    const actual = Object.fromEntries(Object.keys(candidates[0]).map((column) => [column, row[column]]));
    expect(candidates).toContainEqual(actual);
  }
  console.info(
    `updates: ${outcomes.length} concurrent updates (${UPDATES.length} endpoints x ${UPDATE_ROUNDS}) of one customer over ${targets.length} ` +
      `server(s) in ${Date.now() - started} ms, all 200, no field lost`,
  );
}

describe('Concurrent updates of one customer (e2e, in-process)', () => {
  let fixture: Fixture;
  let url: string;

  beforeAll(async () => {
    fixture = await arrange();
    await fixture.app.listen(0, '127.0.0.1');
    url = await fixture.app.getUrl();
  });

  afterAll(async () => {
    await fixture?.app.close();
  });

  it(`${UPDATES.length} update endpoints x ${UPDATE_ROUNDS} rounds at once: every field holds one of its updates`, async () => {
    await updateOneCustomerConcurrently(fixture, [url]);
  });
});

// Separate server processes need a database they can share: CI's PostgreSQL, not jest's in-memory PGlite.
const describeShared = EMBEDDED_TEST_DATABASE ? describe.skip : describe;

const sharedTitle = 'Concurrency across two server processes sharing PostgreSQL (e2e)';
describeShared(EMBEDDED_TEST_DATABASE ? `${sharedTitle}: skipped, jest's in-memory embedded database cannot be opened by other processes` : sharedTitle, () => {
  let fixture: Fixture;
  const servers: ServerProcess[] = [];
  const urls = () => servers.map((server) => server.url);

  beforeAll(async () => {
    ensureBuilt();
    fixture = await arrange();
    // Instances of one deployment share the public hostname: it is the tokens' issuer.
    // A pool of 20 per process: the burst queues for connections, and on a loaded 2-core machine the
    // default 10 can exceed the pool's 10 s wait (a 500), which would measure the machine, not the app.
    const env = serverEnv({ OBP_HOSTNAME: loadConfig(process.env).apiInfo.hostname, DATABASE_MIGRATE_ON_START: 'false', DATABASE_POOL_SIZE: '20' });
    const ports = [await freePort(), await freePort()];
    servers.push(...(await Promise.all(ports.map((port) => startServer(env, port)))));
    console.info(`two server processes healthy after ${servers.map((server) => server.startMs).join(' and ')} ms`);
    // Warm-up (lazy module loading, JIT) so the burst below measures the servers, not their first calls.
    for (let round = 0; round < 5; round++) {
      const warmUp = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(
            urls()[i % 2],
            'POST',
            `/obp/v5.1.0/banks/${fixture.bankId}/customers`,
            { legal_name: 'Warm-up', mobile_phone_number: '+44 0' },
            { headers: fixture.headers },
          ),
        ),
      );
      expect(warmUp.map((outcome) => outcome.status)).toEqual(warmUp.map(() => 201));
    }
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    await fixture?.app.close();
  });

  it(`${CREATES} concurrent creates over both processes: all 201, customer numbers unique`, async () => {
    const { app, bankId, headers } = fixture;
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: CREATES }, (_, i) =>
        call(urls()[i % 2], 'POST', `/obp/v5.1.0/banks/${bankId}/customers`, { legal_name: `Concurrent ${i}`, mobile_phone_number: `+44 ${i}` }, { headers }),
      ),
    );
    const duration = Date.now() - started;
    expect(outcomes.filter((outcome) => outcome.status !== 201).map((outcome) => outcome.status ?? outcome.error)).toEqual([]);
    const numbers = outcomes.map((outcome) => outcome.body.customer_number);
    expect(new Set(numbers).size).toBe(CREATES);
    const [stored] = await app
      .get(DataSource)
      .query(
        "SELECT count(*)::int AS rows, count(DISTINCT customer_number)::int AS numbers FROM customers WHERE bank_id = $1 AND legal_name LIKE 'Concurrent %'",
        [bankId],
      );
    expect(stored).toEqual({ rows: CREATES, numbers: CREATES });
    console.info(
      `creates: ${CREATES} concurrent creates over 2 processes in ${duration} ms (${Math.round((CREATES * 1000) / duration)}/s), all 201, numbers unique`,
    );
  }, 60_000);

  it(`a client-chosen number sent ${ATTEMPTS_PER_NUMBER} times through both processes is created exactly once`, async () => {
    const { app, bankId, headers } = fixture;
    const numbers = Array.from({ length: CONTESTED_NUMBERS }, () => uniqueName('dup'));
    const attempts = numbers.flatMap((number) => Array.from({ length: ATTEMPTS_PER_NUMBER }, (_, a) => ({ number, target: urls()[a % 2] })));
    const started = Date.now();
    const outcomes = await Promise.all(
      attempts.map(({ number, target }) =>
        call(
          target,
          'POST',
          `/obp/v5.1.0/banks/${bankId}/customers`,
          { legal_name: 'Contested', mobile_phone_number: '+44 2', customer_number: number },
          { headers },
        ),
      ),
    );
    const duration = Date.now() - started;
    for (const number of numbers) {
      const mine = outcomes.filter((_, i) => attempts[i].number === number);
      expect(mine.filter((outcome) => outcome.status === 201)).toHaveLength(1);
      for (const refused of mine.filter((outcome) => outcome.status !== 201)) {
        expect({ status: refused.status, message: refused.body?.message }).toEqual({ status: 400, message: expect.stringMatching(/^OBP-30006: /) });
      }
    }
    const rows: { customer_number: string; copies: number }[] = await app
      .get(DataSource)
      .query('SELECT customer_number, count(*)::int AS copies FROM customers WHERE bank_id = $1 AND customer_number = ANY($2) GROUP BY 1', [bankId, numbers]);
    expect(rows).toHaveLength(CONTESTED_NUMBERS);
    expect(rows.filter((row) => row.copies !== 1)).toEqual([]);
    console.info(
      `duplicates: ${attempts.length} concurrent creates of ${CONTESTED_NUMBERS} numbers over 2 processes in ${duration} ms: ` +
        `${CONTESTED_NUMBERS} x 201, ${attempts.length - CONTESTED_NUMBERS} x 400 OBP-30006, one row per number`,
    );
  }, 60_000);

  it('concurrent updates of one customer through both processes lose no field', async () => {
    await updateOneCustomerConcurrently(fixture, urls());
  });
});
