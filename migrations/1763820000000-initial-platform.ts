import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions later migrations rely on: pg_trgm backs LIKE '%...%' searches with GIN indexes. */
export class InitialPlatform1763820000000 implements MigrationInterface {
  name = 'InitialPlatform1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
