import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, consumers, entitlements, banks, and the server's persisted signing secret. */

export class IdentityAndAccess1795365763059 implements MigrationInterface {
  name = 'IdentityAndAccess1795365763059';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "banks" ("bank_id" text NOT NULL, "bank_code" text NOT NULL DEFAULT '', "short_name" text NOT NULL DEFAULT '', "full_name" text NOT NULL DEFAULT '', "logo_url" text NOT NULL DEFAULT '', "website_url" text NOT NULL DEFAULT '', "routing_scheme" text NOT NULL DEFAULT '', "routing_address" text NOT NULL DEFAULT '', "swift_bic" text NOT NULL DEFAULT '', "national_identifier" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_45bb03bf8824b79e0484e62b25e" PRIMARY KEY ("bank_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consumers" ("id" SERIAL NOT NULL, "consumer_id" uuid NOT NULL, "consumer_key" text NOT NULL, "secret_hash" text NOT NULL, "app_name" text NOT NULL, "app_type" text NOT NULL DEFAULT '', "description" text NOT NULL DEFAULT '', "developer_email" text NOT NULL DEFAULT '', "redirect_url" text NOT NULL DEFAULT '', "company" text NOT NULL DEFAULT '', "client_certificate" text, "created_by_user_id" uuid, "enabled" boolean NOT NULL DEFAULT true, "azp" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_65d38f20861b237326f2922b73b" UNIQUE ("consumer_id"), CONSTRAINT "UQ_29b05b6f76c68c6ffd3bcdb44b3" UNIQUE ("consumer_key"), CONSTRAINT "PK_9355367764efa60a8c2c27856d0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "consumers_created_by_user_id_idx" ON "consumers"  ("created_by_user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "consumers_azp_key" ON "consumers"  ("azp") WHERE azp IS NOT NULL`);
    await queryRunner.query(
      `CREATE TABLE "entitlements" ("entitlement_id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "bank_id" text NOT NULL DEFAULT '', "role_name" text NOT NULL, "created_by_process" text NOT NULL DEFAULT 'manual', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5338ee58ae703b2c4adab7e6c79" PRIMARY KEY ("entitlement_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "entitlements_bank_id_idx" ON "entitlements"  ("bank_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "entitlements_user_bank_role_key" ON "entitlements"  ("user_id", "bank_id", "role_name") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("user_id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider" text NOT NULL, "provider_id" text NOT NULL, "username" text NOT NULL, "email" text NOT NULL, "first_name" text NOT NULL DEFAULT '', "last_name" text NOT NULL DEFAULT '', "password_hash" text, "validated" boolean NOT NULL DEFAULT true, "bad_login_attempts" integer NOT NULL DEFAULT '0', "locked_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96aac72f1574b88752e9fb00089" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_provider_provider_id_key" ON "users"  ("provider", "provider_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "users_provider_username_key" ON "users"  ("provider", "username") `);
    await queryRunner.query(
      `CREATE TABLE "server_secrets" ("name" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_server_secrets" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "entitlements" DROP CONSTRAINT "entitlements_user_id_fkey"`);
    await queryRunner.query(`DROP TABLE "server_secrets"`);
    await queryRunner.query(`DROP INDEX "public"."users_provider_username_key"`);
    await queryRunner.query(`DROP INDEX "public"."users_provider_provider_id_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."entitlements_user_bank_role_key"`);
    await queryRunner.query(`DROP INDEX "public"."entitlements_bank_id_idx"`);
    await queryRunner.query(`DROP TABLE "entitlements"`);
    await queryRunner.query(`DROP INDEX "public"."consumers_azp_key"`);
    await queryRunner.query(`DROP INDEX "public"."consumers_created_by_user_id_idx"`);
    await queryRunner.query(`DROP TABLE "consumers"`);
    await queryRunner.query(`DROP TABLE "banks"`);
  }
}
