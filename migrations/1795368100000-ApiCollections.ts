import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API collections (a user's named lists of endpoints, e.g. API Explorer's "Favourites") and their
 * endpoints. Lookups: a user's collection by name and the user's list (the unique (user_id, name)
 * index), a collection by id (primary key), a collection's endpoints and one by operation id (the
 * unique (api_collection_id, operation_id) index), an endpoint by id (primary key).
 */
export class ApiCollections1795368100000 implements MigrationInterface {
  name = 'ApiCollections1795368100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_collections" ("api_collection_id" uuid NOT NULL, "user_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "is_sharable" boolean NOT NULL, "description" character varying(2000) NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "api_collections_pkey" PRIMARY KEY ("api_collection_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "api_collections_user_name_key" ON "api_collections" ("user_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "api_collection_endpoints" ("api_collection_endpoint_id" uuid NOT NULL, "api_collection_id" uuid NOT NULL, "operation_id" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "api_collection_endpoints_pkey" PRIMARY KEY ("api_collection_endpoint_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_collection_endpoints_collection_operation_key" ON "api_collection_endpoints" ("api_collection_id", "operation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_collections" ADD CONSTRAINT "api_collections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_collection_endpoints" ADD CONSTRAINT "api_collection_endpoints_api_collection_id_fkey" FOREIGN KEY ("api_collection_id") REFERENCES "api_collections"("api_collection_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_collection_endpoints" DROP CONSTRAINT "api_collection_endpoints_api_collection_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "api_collections" DROP CONSTRAINT "api_collections_user_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."api_collection_endpoints_collection_operation_key"`);
    await queryRunner.query(`DROP TABLE "api_collection_endpoints"`);
    await queryRunner.query(`DROP INDEX "public"."api_collections_user_name_key"`);
    await queryRunner.query(`DROP TABLE "api_collections"`);
  }
}
