import { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuth11795368500000 implements MigrationInterface {
  name = 'OAuth11795368500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oauth1_tokens" ("token_id" uuid NOT NULL, "kind" text NOT NULL, "token_hash" text NOT NULL, "secret_sealed" text NOT NULL, "consumer_id" uuid NOT NULL, "user_id" uuid, "callback" text, "verifier_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3fce94c7a3a376d94cad00184c3" PRIMARY KEY ("token_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "oauth1_tokens_expires_at_idx" ON "oauth1_tokens"  ("expires_at") `);
    await queryRunner.query(`CREATE INDEX "oauth1_tokens_consumer_id_idx" ON "oauth1_tokens"  ("consumer_id") `);
    await queryRunner.query(`CREATE INDEX "oauth1_tokens_user_id_idx" ON "oauth1_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "oauth1_tokens_token_hash_key" ON "oauth1_tokens"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "oauth1_nonces" ("consumer_key" text NOT NULL, "token" text NOT NULL, "timestamp" bigint NOT NULL, "nonce" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e400ab40855fdc418c81edba755" PRIMARY KEY ("consumer_key", "token", "timestamp", "nonce"))`,
    );
    await queryRunner.query(`CREATE INDEX "oauth1_nonces_expires_at_idx" ON "oauth1_nonces"  ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "consumers" ADD "secret_sealed" text`);
    await queryRunner.query(
      `ALTER TABLE "oauth1_tokens" ADD CONSTRAINT "oauth1_tokens_consumer_id_fkey" FOREIGN KEY ("consumer_id") REFERENCES "consumers"("consumer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "oauth1_tokens" ADD CONSTRAINT "oauth1_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "oauth1_tokens" DROP CONSTRAINT "oauth1_tokens_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "oauth1_tokens" DROP CONSTRAINT "oauth1_tokens_consumer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "consumers" DROP COLUMN "secret_sealed"`);
    await queryRunner.query(`DROP INDEX "public"."oauth1_nonces_expires_at_idx"`);
    await queryRunner.query(`DROP TABLE "oauth1_nonces"`);
    await queryRunner.query(`DROP INDEX "public"."oauth1_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."oauth1_tokens_user_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."oauth1_tokens_consumer_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."oauth1_tokens_expires_at_idx"`);
    await queryRunner.query(`DROP TABLE "oauth1_tokens"`);
  }
}
