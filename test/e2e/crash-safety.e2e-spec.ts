import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { customerBodyV210, customerBodyV310 } from '../support/customer-bodies';
import { STRONG_PASSWORD, uniqueName } from '../support/identity';
import {
  EMBEDDED_TEST_DATABASE,
  call,
  connectionRefused,
  ensureBuilt,
  freePort,
  serveEmbeddedDatabase,
  serverEnv,
  startServer,
  type CallOptions,
  type CallOutcome,
  type ServerProcess,
} from '../support/server-process';

/**
 * Crash safety and graceful shutdown of the real server process. On PostgreSQL the server shares
 * the test database; on the embedded database (jest's PGlite lives in this process and cannot be
 * shared) the server gets its own file-backed PGlite directory, which survives SIGKILL as well.
 */

const ACKNOWLEDGED_BEFORE_KILL = 100;
const WORKERS = 16;
const SLOW_UPLOADS = 6;

interface Created {
  customerId: string;
  customerNumber: string;
  legalName: string;
  linked: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Crash safety and graceful shutdown of a server process (e2e)', () => {
  const tag = uniqueName('');
  const admin = { username: uniqueName('crashadmin'), consumerKey: uniqueName('crashkey') };
  const bankId = `crash.${tag.slice(0, 10)}`; // bank ids are at most 16 characters
  const pgliteDir = EMBEDDED_TEST_DATABASE ? mkdtempSync(join(tmpdir(), 'obp-crash-')) : undefined;
  const env = serverEnv(
    {
      OBP_HOSTNAME: 'http://crash-safety.test',
      OBP_SUPER_ADMIN_USERNAME: admin.username,
      OBP_SUPER_ADMIN_PASSWORD: STRONG_PASSWORD,
      OBP_BOOTSTRAP_CONSUMER_KEY: admin.consumerKey,
      DATABASE_MIGRATE_ON_START: 'false',
    },
    pgliteDir,
  );
  let port: number;
  let server: ServerProcess;
  let headers: Record<string, string>;
  let userId: string;
  const acknowledged: Created[] = [];
  let sequence = 0;

  /**
   * One customer create, remembered when acknowledged: even ones through v3.0.0 (number from the
   * body, linked to the admin in the same transaction), odd ones through v5.1.0 (number generated).
   */
  async function createCustomer(url: string, options: CallOptions = {}): Promise<CallOutcome> {
    const index = sequence++;
    const linked = index % 2 === 0;
    const legalName = `Crash ${tag} ${index}`;
    const done = await (linked
      ? call(
          url,
          'POST',
          `/obp/v3.0.0/banks/${bankId}/customers`,
          { ...customerBodyV210(userId, `L${index}-${tag}`), legal_name: legalName },
          { ...options, headers },
        )
      : call(url, 'POST', `/obp/v5.1.0/banks/${bankId}/customers`, customerBodyV310({ legal_name: legalName }), { ...options, headers }));
    if (done.status === 201) acknowledged.push({ customerId: done.body.customer_id, customerNumber: done.body.customer_number, legalName, linked });
    return done;
  }

  /** Workers creating customers back to back until `stop()` says so or the server is gone. */
  function runLoad(url: string, stop: () => boolean, options: CallOptions = {}) {
    const outcomes: CallOutcome[] = [];
    const workers = Array.from({ length: WORKERS }, async () => {
      while (!stop()) {
        const done = await createCustomer(url, options);
        outcomes.push(done);
        if (done.status === undefined || done.status === 503) return;
      }
    });
    const load = { outcomes, done: false, finished: Promise.all(workers) };
    void load.finished.then(() => (load.done = true));
    return load;
  }

  beforeAll(async () => {
    ensureBuilt();
    port = await freePort();
    server = await startServer(env, port, 150_000);
    console.info(`first start (${pgliteDir ? 'new embedded database, migrations' : 'PostgreSQL'}) took ${server.startMs} ms`);
    const url = server.url;
    const login = await call(url, 'POST', '/my/logins/direct', undefined, {
      headers: { DirectLogin: `username=${admin.username}, password=${STRONG_PASSWORD}, consumer_key=${admin.consumerKey}` },
    });
    expect(login.status).toBe(201);
    headers = { DirectLogin: `token=${login.body.token}` };
    userId = (await call(url, 'GET', '/obp/v5.1.0/users/current', undefined, { headers })).body.user_id;
    const grant = async (role_name: string, bank_id = '') =>
      expect((await call(url, 'POST', `/obp/v5.1.0/users/${userId}/entitlements`, { bank_id, role_name }, { headers })).status).toBe(201);
    await grant('CanCreateBank');
    expect((await call(url, 'POST', '/obp/v5.1.0/banks', { id: bankId, bank_code: 'CRASH', full_name: 'Crash safety bank' }, { headers })).status).toBe(201);
    for (const role of ['CanCreateCustomer', 'CanCreateUserCustomerLink', 'CanGetCustomer']) await grant(role, bankId);
  }, 240_000);

  afterAll(async () => {
    if (server?.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  });

  it('SIGKILL under concurrent creates, restart on the same database: every acknowledged customer is there', async () => {
    const load = runLoad(server.url, () => false);
    while (acknowledged.length < ACKNOWLEDGED_BEFORE_KILL && !load.done) await sleep(5);
    server.child.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await load.finished;
    // Every answer was a success; the requests cut off by the kill got socket errors instead.
    expect(load.outcomes.filter((outcome) => outcome.status !== undefined && outcome.status !== 201)).toEqual([]);
    const cutOff = load.outcomes.filter((outcome) => outcome.status === undefined).length;

    server = await startServer(env, port, 150_000);
    console.info(
      `crash: ${sequence} creates sent by ${WORKERS} workers, ${acknowledged.length} acknowledged (201), ` +
        `${cutOff} cut off by SIGKILL; restart took ${server.startMs} ms`,
    );

    const reads = await Promise.all(
      acknowledged.map((created) => call(server.url, 'GET', `/obp/v5.1.0/banks/${bankId}/customers/${created.customerId}`, undefined, { headers })),
    );
    expect(reads.map((read) => [read.status, read.body.customer_number, read.body.legal_name])).toEqual(
      acknowledged.map((created) => [200, created.customerNumber, created.legalName]),
    );
    const mine = await call(server.url, 'GET', `/obp/v5.1.0/banks/${bankId}/my/customers`, undefined, { headers });
    const linkedIds = new Set<string>(mine.body.customers.map((customer: { customer_id: string }) => customer.customer_id));
    for (const created of acknowledged.filter((customer) => customer.linked)) expect(linkedIds.has(created.customerId)).toBe(true);
  }, 240_000);

  it('SIGTERM under load: in-flight requests complete, new connections are refused, the process exits 0', async () => {
    const before = acknowledged.length;
    // Slow uploads: the server has read their heads (100 Continue) but gets their bodies only after the signal.
    let releaseBodies!: () => void;
    const bodiesReleased = new Promise<void>((resolve) => (releaseBodies = resolve));
    const slow = Array.from({ length: SLOW_UPLOADS }, () => {
      let reached!: () => void;
      const headRead = new Promise<void>((resolve) => (reached = resolve));
      return { headRead, outcome: createCustomer(server.url, { expectContinue: true, holdBodyUntil: bodiesReleased, onContinue: reached }) };
    });
    // Connections opened (and accepted) now, whose requests are written only just after the signal.
    let releaseLate!: () => void;
    const lateReleased = new Promise<void>((resolve) => (releaseLate = resolve));
    const late = Array.from({ length: SLOW_UPLOADS }, () => createCustomer(server.url, { sendAfter: lateReleased }));
    await Promise.all(slow.map((upload) => upload.headRead));

    let signalledAt = 0;
    const load = runLoad(server.url, () => signalledAt > 0, { expectContinue: true });
    while (load.outcomes.length < WORKERS && !load.done) await sleep(5);
    const completedBeforeSignal = load.outcomes.length;
    signalledAt = Date.now();
    server.child.kill('SIGTERM');
    setTimeout(releaseLate, 100);

    // Draining: the slow uploads hold the process up, yet new connections are soon refused.
    let refused = false;
    for (const deadline = Date.now() + 10_000; !refused && Date.now() < deadline; await sleep(50)) refused = await connectionRefused(port);
    expect({ refused, exitCode: server.child.exitCode }).toEqual({ refused: true, exitCode: null });
    releaseBodies();

    const exit = await server.exited;
    const drainedMs = Date.now() - signalledAt;
    await load.finished;
    const slowOutcomes = await Promise.all(slow.map((upload) => upload.outcome));
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await connectionRefused(port)).toBe(true);
    expect(slowOutcomes.map((outcome) => outcome.status)).toEqual(Array(SLOW_UPLOADS).fill(201));
    // A request reaching an already accepted connection after the signal: served or told 503, not reset.
    const lateStatuses = (await Promise.all(late)).map((outcome) => outcome.status ?? outcome.error);
    expect(lateStatuses.filter((status) => status !== 201 && status !== 503)).toEqual([]);
    // Every load request the server had read before the signal is answered 201. The others were
    // still in the kernel's accept queue when the listener closed: refused or reset, never half done.
    const inFlight = load.outcomes.slice(completedBeforeSignal);
    const accepted = inFlight.filter((outcome) => outcome.continuedAt !== undefined && outcome.continuedAt < signalledAt);
    expect(accepted.map((outcome) => outcome.status ?? outcome.error)).toEqual(accepted.map(() => 201));
    const statuses = inFlight.map((outcome) => outcome.status ?? outcome.error);
    expect(statuses.filter((status) => ![201, 503, 'ECONNREFUSED', 'ECONNRESET'].includes(status as never))).toEqual([]);
    console.info(
      `SIGTERM: ${SLOW_UPLOADS} slow uploads, ${SLOW_UPLOADS} requests on connections opened before the signal (${JSON.stringify(countBy(lateStatuses))}), ${accepted.length} load requests read by the server and in flight, ` +
        `${inFlight.length - accepted.length} not yet accepted; outcomes ${JSON.stringify(countBy(statuses))}; ` +
        `${acknowledged.length - before} acknowledged in this phase; exit 0 after ${drainedMs} ms`,
    );
  }, 120_000);

  it('the database holds no half-written customer', async () => {
    const embedded = pgliteDir ? await serveEmbeddedDatabase(pgliteDir) : undefined;
    const db = new DataSource(buildDataSourceOptions(embedded?.url ?? process.env.DATABASE_URL!, 1, false));
    await db.initialize();
    try {
      const rows: { customer_id: string; customer_number: string; legal_name: string; links: number }[] = await db.query(
        `SELECT c.customer_id, c.customer_number, c.legal_name,
                (SELECT count(*)::int FROM user_customer_links l WHERE l.customer_id = c.customer_id AND l.user_id = $2) AS links
           FROM customers c WHERE c.bank_id = $1`,
        [bankId, userId],
      );
      const byId = new Map(rows.map((row) => [row.customer_id, row]));
      for (const created of acknowledged) {
        expect(byId.get(created.customerId)).toEqual({
          customer_id: created.customerId,
          customer_number: created.customerNumber,
          legal_name: created.legalName,
          links: created.linked ? 1 : 0,
        });
      }
      // Customers whose request was cut off are all there or not at all: a v3.0.0 create always
      // writes its link, a v5.1.0 create never does.
      for (const row of rows) expect(row.links).toBe(row.customer_number.startsWith('L') ? 1 : 0);
      expect(new Set(rows.map((row) => row.customer_number)).size).toBe(rows.length);

      // No dependent row anywhere without its customer.
      const references: { table: string; column: string }[] = await db.query(
        `SELECT c.conrelid::regclass::text AS table, a.attname AS column
           FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f' AND c.confrelid = 'customers'::regclass`,
      );
      expect(references.map((reference) => reference.table)).toContain('user_customer_links');
      for (const { table, column } of references) {
        const [orphans] = await db.query(
          `SELECT count(*)::int AS count FROM ${table} t WHERE t.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = t.${column})`,
        );
        expect({ table, orphans: orphans.count }).toEqual({ table, orphans: 0 });
      }
      console.info(
        `database: ${rows.length} customers at the bank, ${acknowledged.length} acknowledged, ` +
          `${rows.length - acknowledged.length} committed without an answer; ${references.length} tables reference customers, no orphans`,
      );
    } finally {
      await db.destroy();
      await embedded?.stop();
    }
  }, 120_000);
});

function countBy(values: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}
