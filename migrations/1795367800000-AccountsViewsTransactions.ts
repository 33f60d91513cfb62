import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts (routings, holders), views and account access, transactions, counterparties, and the sandbox branches/ATMs/products. */
export class AccountsViewsTransactions1795367800000 implements MigrationInterface {
  name = 'AccountsViewsTransactions1795367800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "number" text NOT NULL DEFAULT '', "label" text NOT NULL DEFAULT '', "account_type" text NOT NULL DEFAULT '', "currency" text NOT NULL, "balance" bigint NOT NULL DEFAULT '0', "branch_id" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_accounts" PRIMARY KEY ("bank_id", "account_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "accounts_bank_number_idx" ON "accounts" ("bank_id", "number")`);
    await queryRunner.query(
      `CREATE TABLE "account_routings" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "scheme" text NOT NULL, "address" text NOT NULL, CONSTRAINT "PK_account_routings" PRIMARY KEY ("bank_id", "account_id", "scheme"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "account_routings_bank_scheme_address_key" ON "account_routings" ("bank_id", "scheme", "address")`);
    await queryRunner.query(
      `CREATE TABLE "account_holders" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_account_holders" PRIMARY KEY ("bank_id", "account_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "account_holders_user_idx" ON "account_holders" ("user_id")`);
    await queryRunner.query(
      `CREATE TABLE "account_access" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "view_id" text NOT NULL, "user_id" uuid NOT NULL, "consumer_id" text NOT NULL DEFAULT 'ALL_CONSUMERS', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_account_access" PRIMARY KEY ("bank_id", "account_id", "view_id", "user_id", "consumer_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "account_access_user_idx" ON "account_access" ("user_id", "bank_id")`);
    await queryRunner.query(
      `CREATE TABLE "custom_views" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "view_id" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "metadata_view" text NOT NULL DEFAULT '', "is_public" boolean NOT NULL DEFAULT false, "is_firehose" boolean NOT NULL DEFAULT false, "which_alias_to_use" text NOT NULL DEFAULT '', "hide_metadata_if_alias_used" boolean NOT NULL DEFAULT false, "permissions" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_custom_views" PRIMARY KEY ("bank_id", "account_id", "view_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "transactions" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "transaction_id" text NOT NULL, "transaction_type" text NOT NULL DEFAULT '', "description" text NOT NULL DEFAULT '', "amount" bigint NOT NULL, "new_balance" bigint NOT NULL, "currency" text NOT NULL, "posted" TIMESTAMP WITH TIME ZONE NOT NULL, "completed" TIMESTAMP WITH TIME ZONE NOT NULL, "counterparty_id" text NOT NULL, "counterparty_name" text NOT NULL DEFAULT '', "counterparty_account_number" text NOT NULL DEFAULT '', "counterparty_routing_scheme" text NOT NULL DEFAULT '', "counterparty_routing_address" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_transactions" PRIMARY KEY ("bank_id", "account_id", "transaction_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "transactions_account_counterparty_idx" ON "transactions" ("bank_id", "account_id", "counterparty_id")`);
    await queryRunner.query(`CREATE INDEX "transactions_account_completed_idx" ON "transactions" ("bank_id", "account_id", "completed", "transaction_id")`);
    await queryRunner.query(
      `CREATE TABLE "counterparty_metadata" ("counterparty_id" text NOT NULL, "bank_id" text NOT NULL, "account_id" text NOT NULL, "counterparty_name" text NOT NULL DEFAULT '', "public_alias" character varying(64) NOT NULL DEFAULT '', "private_alias" character varying(64) NOT NULL DEFAULT '', "more_info" character varying(255) NOT NULL DEFAULT '', "url" character varying(2000) NOT NULL DEFAULT '', "image_url" character varying(2000) NOT NULL DEFAULT '', "open_corporates_url" character varying(2000) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_counterparty_metadata" PRIMARY KEY ("counterparty_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "counterparty_metadata_account_alias_key" ON "counterparty_metadata" ("bank_id", "account_id", "public_alias") WHERE "public_alias" <> ''`,
    );
    await queryRunner.query(
      `CREATE TABLE "counterparties" ("counterparty_id" uuid NOT NULL, "bank_id" text NOT NULL, "account_id" text NOT NULL, "view_id" text NOT NULL, "created_by_user_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "currency" text NOT NULL DEFAULT '', "other_account_routing_scheme" text NOT NULL DEFAULT '', "other_account_routing_address" text NOT NULL DEFAULT '', "other_account_secondary_routing_scheme" text NOT NULL DEFAULT '', "other_account_secondary_routing_address" text NOT NULL DEFAULT '', "other_bank_routing_scheme" text NOT NULL DEFAULT '', "other_bank_routing_address" text NOT NULL DEFAULT '', "other_branch_routing_scheme" text NOT NULL DEFAULT '', "other_branch_routing_address" text NOT NULL DEFAULT '', "is_beneficiary" boolean NOT NULL DEFAULT false, "bespoke" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_counterparties" PRIMARY KEY ("counterparty_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "counterparties_account_name_key" ON "counterparties" ("bank_id", "account_id", "name")`);
    await queryRunner.query(
      `CREATE TABLE "branches" ("bank_id" text NOT NULL, "name" text NOT NULL DEFAULT '', "address" jsonb NOT NULL, "latitude" double precision, "longitude" double precision, "license_id" text NOT NULL DEFAULT '', "license_name" text NOT NULL DEFAULT '', "branch_id" text NOT NULL, "lobby_hours" text NOT NULL DEFAULT '', "drive_up_hours" text NOT NULL DEFAULT '', CONSTRAINT "PK_branches" PRIMARY KEY ("bank_id", "branch_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "atms" ("bank_id" text NOT NULL, "name" text NOT NULL DEFAULT '', "address" jsonb NOT NULL, "latitude" double precision, "longitude" double precision, "license_id" text NOT NULL DEFAULT '', "license_name" text NOT NULL DEFAULT '', "atm_id" text NOT NULL, CONSTRAINT "PK_atms" PRIMARY KEY ("bank_id", "atm_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "products" ("bank_id" text NOT NULL, "product_code" text NOT NULL, "name" text NOT NULL DEFAULT '', "category" text NOT NULL DEFAULT '', "family" text NOT NULL DEFAULT '', "super_family" text NOT NULL DEFAULT '', "more_info_url" text NOT NULL DEFAULT '', "license_id" text NOT NULL DEFAULT '', "license_name" text NOT NULL DEFAULT '', CONSTRAINT "PK_products" PRIMARY KEY ("bank_id", "product_code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "accounts" ADD CONSTRAINT "accounts_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_routings" ADD CONSTRAINT "account_routings_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_holders" ADD CONSTRAINT "account_holders_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_holders" ADD CONSTRAINT "account_holders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_access" ADD CONSTRAINT "account_access_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_access" ADD CONSTRAINT "account_access_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "custom_views" ADD CONSTRAINT "custom_views_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transactions" ADD CONSTRAINT "transactions_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "counterparty_metadata" ADD CONSTRAINT "counterparty_metadata_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "counterparties" ADD CONSTRAINT "counterparties_account_fkey" FOREIGN KEY ("bank_id", "account_id") REFERENCES "accounts"("bank_id","account_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "branches" ADD CONSTRAINT "branches_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE "atms" ADD CONSTRAINT "atms_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE`);
    await queryRunner.query(
      `ALTER TABLE "products" ADD CONSTRAINT "products_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "products"`);
    await queryRunner.query(`DROP TABLE "atms"`);
    await queryRunner.query(`DROP TABLE "branches"`);
    await queryRunner.query(`DROP TABLE "counterparties"`);
    await queryRunner.query(`DROP TABLE "counterparty_metadata"`);
    await queryRunner.query(`DROP TABLE "transactions"`);
    await queryRunner.query(`DROP TABLE "custom_views"`);
    await queryRunner.query(`DROP TABLE "account_access"`);
    await queryRunner.query(`DROP TABLE "account_holders"`);
    await queryRunner.query(`DROP TABLE "account_routings"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
