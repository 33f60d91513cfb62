import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login security (issue 19):
 *
 * - Temporary lockouts: `locked_until` ends an automatic lock by itself, `lock_count` counts the
 *   automatic locks since the last successful login (each lasts twice as long as the one before),
 *   `last_failure_at` is OBP's last_failure_date. `locked_at` now only records an administrator's
 *   lock (OBP's lock_via_api), which lasts until an administrator lifts it.
 *   Locks set before this migration were all automatic (there was no lock endpoint) and never
 *   ended: they become automatic locks that end one default lock period (900 s) after they began.
 * - Usernames unique regardless of case within a provider. Case variants that already exist are
 *   kept, deterministically: in each group the oldest user (created_at, then user_id) keeps the
 *   name as the unique holder, the others are flagged `username_case_duplicate` and left out of
 *   the new unique index, so they still log in with their names; no new case variant can be made.
 */
export class LoginSecurity1795368300000 implements MigrationInterface {
  name = 'LoginSecurity1795368300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "users" ADD "locked_until" TIMESTAMP WITH TIME ZONE, ADD "lock_count" integer NOT NULL DEFAULT 0, ` +
        `ADD "last_failure_at" TIMESTAMP WITH TIME ZONE, ADD "username_case_duplicate" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `UPDATE "users" SET "locked_until" = "locked_at" + interval '900 seconds', "lock_count" = 1, "locked_at" = NULL WHERE "locked_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "users" u SET "username_case_duplicate" = true
         FROM (SELECT "user_id", row_number() OVER (PARTITION BY "provider", lower("username") ORDER BY "created_at", "user_id") AS n FROM "users") ranked
        WHERE ranked."user_id" = u."user_id" AND ranked.n > 1`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "users_provider_lower_username_key" ON "users" ("provider", lower("username")) WHERE NOT "username_case_duplicate"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_provider_lower_username_key"`);
    await queryRunner.query(`UPDATE "users" SET "locked_at" = now() WHERE "locked_until" > now()`);
    await queryRunner.query(
      `ALTER TABLE "users" DROP COLUMN "username_case_duplicate", DROP COLUMN "last_failure_at", DROP COLUMN "lock_count", DROP COLUMN "locked_until"`,
    );
  }
}
