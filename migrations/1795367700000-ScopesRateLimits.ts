import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consumer scopes and call-limit records. */
export class ScopesRateLimits1795367700000 implements MigrationInterface {
  name = 'ScopesRateLimits1795367700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scopes" ("scope_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "bank_id" text NOT NULL, "role_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_scopes" PRIMARY KEY ("scope_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "scopes_consumer_bank_role_key" ON "scopes" ("consumer_id", "bank_id", "role_name")`);
    await queryRunner.query(
      `ALTER TABLE "scopes" ADD CONSTRAINT "scopes_consumer_id_fkey" FOREIGN KEY ("consumer_id") REFERENCES "consumers"("consumer_id") ON DELETE CASCADE`,
    );

    await queryRunner.query(
      `CREATE TABLE "rate_limits" ("rate_limit_id" uuid NOT NULL, "consumer_id" uuid NOT NULL, "bank_id" text, "api_version" text, "api_name" text, "from_date" TIMESTAMP WITH TIME ZONE NOT NULL, "to_date" TIMESTAMP WITH TIME ZONE NOT NULL, "per_second" bigint NOT NULL DEFAULT '-1', "per_minute" bigint NOT NULL DEFAULT '-1', "per_hour" bigint NOT NULL DEFAULT '-1', "per_day" bigint NOT NULL DEFAULT '-1', "per_week" bigint NOT NULL DEFAULT '-1', "per_month" bigint NOT NULL DEFAULT '-1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_rate_limits" PRIMARY KEY ("rate_limit_id"))`,
    );
    // One row per (consumer, bank, version, name), NULL and NULL counting as equal: the upsert's conflict target.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "rate_limits_scope_key" ON "rate_limits" ("consumer_id", (COALESCE("bank_id", '')), (COALESCE("api_version", '')), (COALESCE("api_name", '')))`,
    );
    await queryRunner.query(
      `ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_consumer_id_fkey" FOREIGN KEY ("consumer_id") REFERENCES "consumers"("consumer_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
    await queryRunner.query(`DROP TABLE "scopes"`);
  }
}
