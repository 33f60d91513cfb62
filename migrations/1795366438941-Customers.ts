import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers and user-customer links, with the per-bank customer-number constraint and a trigram phone index. */

export class Customers1795366438941 implements MigrationInterface {
  name = 'Customers1795366438941';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "customers" ("customer_id" uuid NOT NULL, "bank_id" text NOT NULL, "customer_number" text NOT NULL, "legal_name" text NOT NULL, "mobile_phone_number" text NOT NULL, "email" text NOT NULL DEFAULT '', "face_image_url" text NOT NULL DEFAULT '', "face_image_date" TIMESTAMP WITH TIME ZONE, "date_of_birth" TIMESTAMP WITH TIME ZONE, "relationship_status" text NOT NULL DEFAULT '', "dependants" integer NOT NULL DEFAULT '0', "dob_of_dependants" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}', "credit_rating" text NOT NULL DEFAULT '', "credit_source" text NOT NULL DEFAULT '', "credit_limit_currency" text NOT NULL DEFAULT '', "credit_limit_amount" text NOT NULL DEFAULT '', "highest_education_attained" text NOT NULL DEFAULT '', "employment_status" text NOT NULL DEFAULT '', "kyc_status" boolean NOT NULL DEFAULT false, "last_ok_date" TIMESTAMP WITH TIME ZONE, "title" text NOT NULL DEFAULT '', "branch_id" text NOT NULL DEFAULT '', "name_suffix" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6c444ce6637f2c1d71c3cf136c1" PRIMARY KEY ("customer_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "customers_created_idx" ON "customers"  ("created_at", "customer_id") `);
    await queryRunner.query(`CREATE INDEX "customers_bank_created_idx" ON "customers"  ("bank_id", "created_at", "customer_id") `);
    await queryRunner.query(`CREATE INDEX "customers_mobile_phone_trgm_idx" ON "customers" USING gin ("mobile_phone_number" gin_trgm_ops)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "customers_bank_number_key" ON "customers"  ("bank_id", "customer_number") `);
    await queryRunner.query(
      `CREATE TABLE "user_customer_links" ("user_customer_link_id" uuid NOT NULL, "user_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "is_active" boolean NOT NULL DEFAULT true, "date_inserted" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_067128413889ff9eca40d4b4b57" PRIMARY KEY ("user_customer_link_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_customer_links_customer_idx" ON "user_customer_links"  ("customer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_customer_links_user_customer_key" ON "user_customer_links"  ("user_id", "customer_id") `);
    await queryRunner.query(
      `ALTER TABLE "customers" ADD CONSTRAINT "customers_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_customer_links" ADD CONSTRAINT "user_customer_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_customer_links" ADD CONSTRAINT "user_customer_links_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_customer_links" DROP CONSTRAINT "user_customer_links_customer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "user_customer_links" DROP CONSTRAINT "user_customer_links_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP CONSTRAINT "customers_bank_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."user_customer_links_user_customer_key"`);
    await queryRunner.query(`DROP INDEX "public"."user_customer_links_customer_idx"`);
    await queryRunner.query(`DROP TABLE "user_customer_links"`);
    await queryRunner.query(`DROP INDEX "public"."customers_bank_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."customers_mobile_phone_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customers_bank_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customers_created_idx"`);
    await queryRunner.query(`DROP TABLE "customers"`);
  }
}
