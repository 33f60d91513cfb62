import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer listings page by (last_ok_date, customer_id); index that order instead of created_at. */
export class CustomerListIndexes1795366900000 implements MigrationInterface {
  name = 'CustomerListIndexes1795366900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."customers_bank_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customers_created_idx"`);
    await queryRunner.query(`CREATE INDEX "customers_bank_last_ok_idx" ON "customers" ("bank_id", "last_ok_date", "customer_id")`);
    await queryRunner.query(`CREATE INDEX "customers_last_ok_idx" ON "customers" ("last_ok_date", "customer_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."customers_last_ok_idx"`);
    await queryRunner.query(`DROP INDEX "public"."customers_bank_last_ok_idx"`);
    await queryRunner.query(`CREATE INDEX "customers_created_idx" ON "customers" ("created_at", "customer_id")`);
    await queryRunner.query(`CREATE INDEX "customers_bank_created_idx" ON "customers" ("bank_id", "created_at", "customer_id")`);
  }
}
