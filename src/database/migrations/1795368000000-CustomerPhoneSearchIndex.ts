import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone searches page through a bank's customers in customer_id order: a covering index lets a
 * common pattern be answered by an index-only scan that stops when the page is full (see
 * customersByPhoneSql). The trigram index stays for rare patterns.
 */
export class CustomerPhoneSearchIndex1795368000000 implements MigrationInterface {
  name = 'CustomerPhoneSearchIndex1795368000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "customers_bank_phone_page_idx" ON "customers" ("bank_id", "customer_id") INCLUDE ("mobile_phone_number")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."customers_bank_phone_page_idx"`);
  }
}
