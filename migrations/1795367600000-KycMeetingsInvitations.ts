import type { MigrationInterface, QueryRunner } from 'typeorm';

/** KYC documents/checks/media/statuses, meetings and user invitations. */
export class KycMeetingsInvitations1795367600000 implements MigrationInterface {
  name = 'KycMeetingsInvitations1795367600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kyc_checks" ("customer_id" uuid NOT NULL, "kyc_check_id" text NOT NULL, "bank_id" text NOT NULL, "customer_number" text NOT NULL, "date" TIMESTAMP WITH TIME ZONE NOT NULL, "how" text NOT NULL, "staff_user_id" text NOT NULL, "staff_name" text NOT NULL, "satisfied" boolean NOT NULL, "comments" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6bf37093a3019035144d3df2b88" PRIMARY KEY ("customer_id", "kyc_check_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "kyc_documents" ("customer_id" uuid NOT NULL, "kyc_document_id" text NOT NULL, "bank_id" text NOT NULL, "customer_number" text NOT NULL, "type" text NOT NULL, "number" text NOT NULL, "issue_date" TIMESTAMP WITH TIME ZONE NOT NULL, "issue_place" text NOT NULL, "expiry_date" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_92f558733c3e7612304ff730a00" PRIMARY KEY ("customer_id", "kyc_document_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "kyc_media" ("customer_id" uuid NOT NULL, "kyc_media_id" text NOT NULL, "bank_id" text NOT NULL, "customer_number" text NOT NULL, "type" text NOT NULL, "url" text NOT NULL, "date" TIMESTAMP WITH TIME ZONE NOT NULL, "relates_to_kyc_document_id" text, "relates_to_kyc_check_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9afe9f61214935c96f19a31d852" PRIMARY KEY ("customer_id", "kyc_media_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "kyc_media_check_idx" ON "kyc_media"  ("customer_id", "relates_to_kyc_check_id") `);
    await queryRunner.query(`CREATE INDEX "kyc_media_document_idx" ON "kyc_media"  ("customer_id", "relates_to_kyc_document_id") `);
    await queryRunner.query(
      `CREATE TABLE "kyc_statuses" ("kyc_status_seq" BIGSERIAL NOT NULL, "customer_id" uuid NOT NULL, "customer_number" text NOT NULL, "ok" boolean NOT NULL, "date" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0a9241215a943a4a0c454c9c492" PRIMARY KEY ("kyc_status_seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "kyc_statuses_customer_date_idx" ON "kyc_statuses"  ("customer_id", "date", "kyc_status_seq") `);
    await queryRunner.query(
      `CREATE TABLE "meetings" ("meeting_id" uuid NOT NULL, "bank_id" text NOT NULL, "provider_id" text NOT NULL, "purpose_id" text NOT NULL, "staff_user_id" uuid NOT NULL, "customer_user_id" uuid NOT NULL, "session_id" text NOT NULL, "staff_token" text NOT NULL, "customer_token" text NOT NULL, "meeting_date" TIMESTAMP WITH TIME ZONE NOT NULL, "creator" jsonb NOT NULL, "invitees" jsonb NOT NULL, "invitee_emails" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_94c7573e25968fa197975366cee" PRIMARY KEY ("meeting_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "meetings_customer_user_idx" ON "meetings"  ("customer_user_id") `);
    await queryRunner.query(`CREATE INDEX "meetings_bank_date_idx" ON "meetings"  ("bank_id", "meeting_date", "meeting_id") `);
    // Meetings an invitee may see: one array-overlap match on this GIN index.
    await queryRunner.query(`CREATE INDEX "meetings_invitee_emails_idx" ON "meetings" USING GIN ("invitee_emails")`);
    await queryRunner.query(
      `CREATE TABLE "user_invitations" ("user_invitation_id" uuid NOT NULL, "bank_id" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text NOT NULL, "company" text NOT NULL, "country" text NOT NULL, "purpose" text NOT NULL, "status" text NOT NULL DEFAULT 'CREATED', "secret_hash" text NOT NULL, "created_by_user_id" uuid, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_855ead1d3061531aa222d81f3fe" PRIMARY KEY ("user_invitation_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_invitations_bank_created_idx" ON "user_invitations"  ("bank_id", "created_at", "user_invitation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "user_invitations_secret_hash_key" ON "user_invitations"  ("secret_hash") `);
    await queryRunner.query(
      `ALTER TABLE "kyc_checks" ADD CONSTRAINT "kyc_checks_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kyc_documents" ADD CONSTRAINT "kyc_documents_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kyc_media" ADD CONSTRAINT "kyc_media_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kyc_media" ADD CONSTRAINT "kyc_media_document_fkey" FOREIGN KEY ("customer_id", "relates_to_kyc_document_id") REFERENCES "kyc_documents"("customer_id","kyc_document_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kyc_media" ADD CONSTRAINT "kyc_media_check_fkey" FOREIGN KEY ("customer_id", "relates_to_kyc_check_id") REFERENCES "kyc_checks"("customer_id","kyc_check_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "kyc_statuses" ADD CONSTRAINT "kyc_statuses_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "meetings_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "meetings" ADD CONSTRAINT "meetings_customer_user_id_fkey" FOREIGN KEY ("customer_user_id") REFERENCES "users"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_invitations" ADD CONSTRAINT "user_invitations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_invitations" DROP CONSTRAINT "user_invitations_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "user_invitations" DROP CONSTRAINT "user_invitations_bank_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "meetings_customer_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "meetings_bank_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "kyc_statuses" DROP CONSTRAINT "kyc_statuses_customer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "kyc_media" DROP CONSTRAINT "kyc_media_check_fkey"`);
    await queryRunner.query(`ALTER TABLE "kyc_media" DROP CONSTRAINT "kyc_media_document_fkey"`);
    await queryRunner.query(`ALTER TABLE "kyc_media" DROP CONSTRAINT "kyc_media_customer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "kyc_documents" DROP CONSTRAINT "kyc_documents_customer_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "kyc_checks" DROP CONSTRAINT "kyc_checks_customer_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."user_invitations_secret_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."user_invitations_bank_created_idx"`);
    await queryRunner.query(`DROP TABLE "user_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_invitee_emails_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_bank_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."meetings_customer_user_idx"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP INDEX "public"."kyc_statuses_customer_date_idx"`);
    await queryRunner.query(`DROP TABLE "kyc_statuses"`);
    await queryRunner.query(`DROP INDEX "public"."kyc_media_document_idx"`);
    await queryRunner.query(`DROP INDEX "public"."kyc_media_check_idx"`);
    await queryRunner.query(`DROP TABLE "kyc_media"`);
    await queryRunner.query(`DROP TABLE "kyc_documents"`);
    await queryRunner.query(`DROP TABLE "kyc_checks"`);
  }
}
