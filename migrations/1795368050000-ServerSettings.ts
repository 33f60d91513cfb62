import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * server_settings: values the server chooses once and keeps with its data. The first is the local
 * identity provider (the `provider` of local users, which DirectLogin looks users up by): it used to
 * follow PORT / OBP_HOSTNAME on every start, so moving the server to another port locked every local
 * user out. See src/modules/identity-provider/local-identity-provider.ts.
 */
export class ServerSettings1795368050000 implements MigrationInterface {
  name = 'ServerSettings1795368050000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "server_settings" ("name" text NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_server_settings" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "server_settings"`);
  }
}
