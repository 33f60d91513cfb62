import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer attributes (typed name/value pairs). */

export class CustomerAttributes1795366571768 implements MigrationInterface {
  name = 'CustomerAttributes1795366571768';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "customer_attributes" ("customer_attribute_id" uuid NOT NULL, "bank_id" text NOT NULL, "customer_id" uuid NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d740682f2c52ea6518ef3f0873d" PRIMARY KEY ("customer_attribute_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "customer_attributes_bank_name_value_idx" ON "customer_attributes"  ("bank_id", "name", "value") `);
    await queryRunner.query(`CREATE INDEX "customer_attributes_customer_idx" ON "customer_attributes"  ("customer_id", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "customer_attributes" ADD CONSTRAINT "customer_attributes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customer_attributes" DROP CONSTRAINT "customer_attributes_customer_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."customer_attributes_customer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customer_attributes_bank_name_value_idx"`);
    await queryRunner.query(`DROP TABLE "customer_attributes"`);
  }
}
