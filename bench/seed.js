// Seeds the benchmark database: one bank, a user with roles, a consumer, and N customers created
// in SQL with generate_series (set-based, about a second per 100k rows).
'use strict';
const { randomUUID } = require('node:crypto');
const { hash } = require('@node-rs/argon2');

const BANK_ID = 'bench.bank';
const CONSUMER_KEY = 'benchconsumerkey0000000000000000000000000';
/** legal_name of the customers the create case makes (app and reference): removed after the case. */
const CREATED_NAME = 'Bench Created';
const ROLES = ['CanGetCustomer', 'CanCreateCustomer', 'CanGetCustomers', 'CanUseCustomerFirehoseAtAnyBank'];

async function ensureFixtures(pool) {
  await pool.query(`INSERT INTO banks (bank_id, short_name, full_name) VALUES ($1, 'Bench', 'Bench Bank') ON CONFLICT DO NOTHING`, [BANK_ID]);
  await pool.query(
    `INSERT INTO consumers (consumer_id, consumer_key, secret_hash, app_name, enabled) VALUES ($1, $2, $3, 'bench', true) ON CONFLICT DO NOTHING`,
    [randomUUID(), CONSUMER_KEY, await hash('bench-secret')],
  );
}

async function grantRoles(pool, userId) {
  for (const role of ROLES) {
    const bankId = role.endsWith('AtAnyBank') ? '' : BANK_ID;
    await pool.query('INSERT INTO entitlements (user_id, bank_id, role_name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [userId, bankId, role]);
  }
}

/**
 * Tops the bank up to `target` customers; returns how many exist. A large top-up drops the
 * secondary indexes, inserts 250k rows per statement and rebuilds the indexes from their saved
 * definitions (a sorted build is several times faster than a million random index inserts); the
 * primary key and unique constraints stay in place throughout. One transaction: an interrupted
 * seed leaves the table and its indexes as they were.
 */
async function seedCustomers(pool, target) {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM customers WHERE bank_id = $1', [BANK_ID]);
  const existing = rows[0].n;
  if (existing >= target) return existing;
  const batch = 250_000;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const rebuild = target - existing >= 100_000 ? await dropSecondaryIndexes(client) : [];
    for (let start = existing; start < target; start += batch) {
      const end = Math.min(target, start + batch);
      await client.query(
        `INSERT INTO customers (customer_id, bank_id, customer_number, legal_name, mobile_phone_number, email, last_ok_date)
         SELECT gen_random_uuid(), $1, 'B' || i, 'Customer ' || i,
                '+' || lpad(((i::bigint * 2654435761) % 100000000000)::text, 11, '0'),
                'c' || i || '@example.com', now() - (i % 1000) * interval '1 day'
           FROM generate_series($2::int, $3::int) AS i`,
        [BANK_ID, start + 1, end],
      );
    }
    for (const definition of rebuild) await client.query(definition);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  // Visibility map and statistics up to date: index-only scans and plans as on a settled table.
  await pool.query('VACUUM ANALYZE customers');
  // Write the seed's dirty pages out now, not in a checkpoint in the middle of a measurement.
  await pool.query('CHECKPOINT').catch(() => log('  (CHECKPOINT needs a superuser: skipped)'));
  return target;
}

/** Drops the customers indexes that back no constraint; returns their CREATE INDEX statements. */
async function dropSecondaryIndexes(client) {
  const { rows } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = 'customers'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.indexname}"`);
  return rows.map((row) => row.indexdef);
}

/**
 * Removes the customers the create case made (this run's or an interrupted run's), so that the
 * table keeps its seeded size from run to run; returns how many were removed.
 */
async function removeCreatedCustomers(pool) {
  const { rowCount } = await pool.query('DELETE FROM customers WHERE bank_id = $1 AND legal_name = $2', [BANK_ID, CREATED_NAME]);
  if (rowCount > 0) await pool.query('VACUUM ANALYZE customers');
  return rowCount;
}

async function sampleCustomerIds(pool, count) {
  const { rows } = await pool.query('SELECT customer_id FROM customers WHERE bank_id = $1 ORDER BY random() LIMIT $2', [BANK_ID, count]);
  return rows.map((row) => row.customer_id);
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

module.exports = { BANK_ID, CONSUMER_KEY, CREATED_NAME, ensureFixtures, grantRoles, seedCustomers, removeCreatedCustomers, sampleCustomerIds };
