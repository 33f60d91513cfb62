import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables listed in creation order; each row gets its insertion number (existing rows in table order). */
export const CREATION_ORDERED_TABLES = [
  'users',
  'entitlements',
  'scopes',
  'tax_residences',
  'social_media_handles',
  'customer_attributes',
  'user_customer_links',
  'customer_messages',
  'credit_limit_requests',
  'kyc_documents',
  'kyc_checks',
  'kyc_media',
  'user_invitations',
  'api_collection_endpoints',
  'account_holders',
  'transaction_comments',
  'transaction_tags',
  'transaction_images',
  'transaction_where_tags',
];

/**
 * A creation_seq column (BIGSERIAL) that breaks ties between rows created in the same clock tick,
 * so lists in creation order come back in the same order on every read.
 */
export class CreationOrder1795368700000 implements MigrationInterface {
  name = 'CreationOrder1795368700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of CREATION_ORDERED_TABLES) await queryRunner.query(`ALTER TABLE "${table}" ADD "creation_seq" BIGSERIAL NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CREATION_ORDERED_TABLES) await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "creation_seq"`);
  }
}
