import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail validation: a user's address counts as verified only once proven (users.email_verified_at),
 * through a single-use, expiring token whose SHA-256 alone is stored. Users who signed up by
 * redeeming an invitation proved their address with it; every other existing address starts
 * unverified (nothing proved it before).
 */
export class EmailValidation1795368400000 implements MigrationInterface {
  name = 'EmailValidation1795368400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "users" u SET "email_verified_at" = i."finished_at"
         FROM "user_invitations" i
        WHERE i."user_id" = u."user_id" AND i."status" = 'FINISHED' AND lower(i."email") = lower(u."email")`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_validation_tokens" (
         "token_hash" text NOT NULL,
         "user_id" uuid NOT NULL,
         "email" text NOT NULL,
         "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
         CONSTRAINT "email_validation_tokens_pkey" PRIMARY KEY ("token_hash"),
         CONSTRAINT "email_validation_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(`CREATE INDEX "email_validation_tokens_user_idx" ON "email_validation_tokens" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "email_validation_tokens_expires_idx" ON "email_validation_tokens" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_validation_tokens"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
