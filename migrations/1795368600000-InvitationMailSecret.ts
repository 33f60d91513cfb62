import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second invitation secret that travels only by e-mail to the invitee (its SHA-256 alone is
 * stored). Redeeming with it proves the address; the inviter's secret_key no longer does.
 * Existing invitations have none: they can still be redeemed with secret_key, unverified.
 */
export class InvitationMailSecret1795368600000 implements MigrationInterface {
  name = 'InvitationMailSecret1795368600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_invitations" ADD "mail_secret_hash" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_invitations_mail_secret_hash_key" ON "user_invitations" ("mail_secret_hash")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "user_invitations_mail_secret_hash_key"`);
    await queryRunner.query(`ALTER TABLE "user_invitations" DROP COLUMN "mail_secret_hash"`);
  }
}
