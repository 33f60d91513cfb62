import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer addresses, tax residences and social media handles; all removed with their customer. */
export class AddressesTaxSocial1795367500000 implements MigrationInterface {
  name = 'AddressesTaxSocial1795367500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "customer_addresses" ("customer_address_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "line_1" text NOT NULL, "line_2" text NOT NULL, "line_3" text NOT NULL, "city" text NOT NULL, "county" text NOT NULL, "state" text NOT NULL, "postcode" text NOT NULL, "country_code" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "status" text NOT NULL, "insert_date" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_customer_addresses" PRIMARY KEY ("customer_address_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "customer_addresses_customer_idx" ON "customer_addresses" ("customer_id", "insert_date")`);
    await queryRunner.query(
      `ALTER TABLE "customer_addresses" ADD CONSTRAINT "customer_addresses_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE`,
    );

    await queryRunner.query(
      `CREATE TABLE "tax_residences" ("tax_residence_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "domain" text NOT NULL, "tax_number" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_tax_residences" PRIMARY KEY ("tax_residence_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "tax_residences_customer_idx" ON "tax_residences" ("customer_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "tax_residences" ADD CONSTRAINT "tax_residences_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE`,
    );

    await queryRunner.query(
      `CREATE TABLE "social_media_handles" ("social_media_handle_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "type" text NOT NULL, "handle" text NOT NULL, "date_added" TIMESTAMP WITH TIME ZONE, "date_activated" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_social_media_handles" PRIMARY KEY ("social_media_handle_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "social_media_handles_customer_idx" ON "social_media_handles" ("customer_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "social_media_handles" ADD CONSTRAINT "social_media_handles_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "social_media_handles"`);
    await queryRunner.query(`DROP TABLE "tax_residences"`);
    await queryRunner.query(`DROP TABLE "customer_addresses"`);
  }
}
