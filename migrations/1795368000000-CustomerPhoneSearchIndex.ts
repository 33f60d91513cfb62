import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone searches page through a bank's customers in customer_id order: a covering index lets a
 * common pattern be answered by an index-only scan that stops when the page is full (see
 * customersByPhoneSql). The trigram index stays for rare patterns.
 *
 * The planner picks between the two from the pattern's estimated selectivity, read off the
 * column's histogram: with the default 100 entries, a pattern matching 1% of the numbers hits 0,
 * 1 or 2 of them by the luck of ANALYZE's sample, and the estimate (so the plan) flipped between
 * runs. A 1,000-entry histogram makes it stable.
 */
export class CustomerPhoneSearchIndex1795368000000 implements MigrationInterface {
  name = 'CustomerPhoneSearchIndex1795368000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "customers_bank_phone_page_idx" ON "customers" ("bank_id", "customer_id") INCLUDE ("mobile_phone_number")`);
    await queryRunner.query(`ALTER TABLE "customers" ALTER COLUMN "mobile_phone_number" SET STATISTICS 1000`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customers" ALTER COLUMN "mobile_phone_number" SET STATISTICS -1`);
    await queryRunner.query(`DROP INDEX "public"."customers_bank_phone_page_idx"`);
  }
}
