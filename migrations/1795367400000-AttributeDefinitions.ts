import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Attribute definitions (documentation of the attribute names a bank uses). */
export class AttributeDefinitions1795367400000 implements MigrationInterface {
  name = 'AttributeDefinitions1795367400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attribute_definitions" ("attribute_definition_id" uuid NOT NULL, "bank_id" text NOT NULL, "name" text NOT NULL, "category" text NOT NULL, "type" text NOT NULL, "description" text NOT NULL DEFAULT '', "alias" text NOT NULL DEFAULT '', "can_be_seen_on_views" text array NOT NULL DEFAULT '{}', "is_active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_attribute_definitions" PRIMARY KEY ("attribute_definition_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "attribute_definitions_bank_name_category_key" ON "attribute_definitions" ("bank_id", "name", "category")`);
    await queryRunner.query(
      `ALTER TABLE "attribute_definitions" ADD CONSTRAINT "attribute_definitions_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "attribute_definitions"`);
  }
}
