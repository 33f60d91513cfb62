import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { LoginSecurity1795368300000 } from '../../migrations/1795368300000-LoginSecurity';
import { createTestApp } from '../support/test-app';

/**
 * The LoginSecurity migration on data that predates it, in a scratch schema inside a transaction
 * that is rolled back: locks that never ended become locks that end, and case variants of a
 * username are kept (the oldest holds the name) instead of failing the unique index.
 */
describe('LoginSecurity migration on existing data (e2e)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('keeps case duplicates deterministically, turns old permanent locks into ended ones, then refuses new case variants', async () => {
    const runner = app.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('CREATE SCHEMA login_security_migration_check');
      await runner.query('SET LOCAL search_path TO login_security_migration_check');
      // users as the IdentityAndAccess migration created it
      await runner.query(
        `CREATE TABLE "users" ("user_id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY, "provider" text NOT NULL, "provider_id" text NOT NULL,
          "username" text NOT NULL, "email" text NOT NULL, "first_name" text NOT NULL DEFAULT '', "last_name" text NOT NULL DEFAULT '', "password_hash" text,
          "validated" boolean NOT NULL DEFAULT true, "bad_login_attempts" integer NOT NULL DEFAULT '0', "locked_at" TIMESTAMP WITH TIME ZONE,
          "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
      );
      await runner.query(`CREATE UNIQUE INDEX "users_provider_username_key" ON "users" ("provider", "username")`);
      await runner.query(
        `INSERT INTO users (user_id, provider, provider_id, username, email, created_at, locked_at, bad_login_attempts) VALUES
          ('00000000-0000-4000-8000-000000000003', 'p', 'Alice.X', 'Alice.X', 'a@x', '2020-01-02', NULL, 0),
          ('00000000-0000-4000-8000-000000000001', 'p', 'alice.x', 'alice.x', 'a@x', '2020-01-01', now() - interval '1 hour', 5),
          ('00000000-0000-4000-8000-000000000002', 'p', 'ALICE.X', 'ALICE.X', 'a@x', '2020-01-01', NULL, 0),
          ('00000000-0000-4000-8000-000000000004', 'q', 'alice.x', 'alice.x', 'a@x', '2020-01-05', now(), 5)`,
      );

      await new LoginSecurity1795368300000().up(runner);

      const rows = await runner.query(
        `SELECT user_id, username, username_case_duplicate, locked_at, locked_until > now() AS still_locked, lock_count FROM users ORDER BY provider, created_at, user_id`,
      );
      expect(rows).toEqual([
        // oldest of the group (created_at, then user_id) keeps the name; its lock of an hour ago has ended
        {
          user_id: '00000000-0000-4000-8000-000000000001',
          username: 'alice.x',
          username_case_duplicate: false,
          locked_at: null,
          still_locked: false,
          lock_count: 1,
        },
        {
          user_id: '00000000-0000-4000-8000-000000000002',
          username: 'ALICE.X',
          username_case_duplicate: true,
          locked_at: null,
          still_locked: null,
          lock_count: 0,
        },
        {
          user_id: '00000000-0000-4000-8000-000000000003',
          username: 'Alice.X',
          username_case_duplicate: true,
          locked_at: null,
          still_locked: null,
          lock_count: 0,
        },
        // another provider is another namespace; a lock from just now lasts its 15 minutes, then ends
        {
          user_id: '00000000-0000-4000-8000-000000000004',
          username: 'alice.x',
          username_case_duplicate: false,
          locked_at: null,
          still_locked: true,
          lock_count: 1,
        },
      ]);
      await runner.query('SAVEPOINT variant');
      await expect(runner.query(`INSERT INTO users (provider, provider_id, username, email) VALUES ('p', 'new', 'aLiCe.X', 'z')`)).rejects.toThrow(
        /users_provider_lower_username_key/,
      );
      await runner.query('ROLLBACK TO SAVEPOINT variant');
      await runner.query(`INSERT INTO users (provider, provider_id, username, email) VALUES ('q', 'new', 'bob.smith1', 'z')`);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
