import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Customer messages, CRM events and credit limit requests. */
export class MessagesCrmCreditRequests1795367300000 implements MigrationInterface {
  name = 'MessagesCrmCreditRequests1795367300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "customer_messages" ("message_id" uuid NOT NULL, "bank_id" text NOT NULL, "customer_id" uuid NOT NULL, "user_id" uuid, "message" text NOT NULL, "from_department" text NOT NULL, "from_person" text NOT NULL, "transport" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_customer_messages" PRIMARY KEY ("message_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "customer_messages_customer_idx" ON "customer_messages" ("customer_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "customer_messages_user_bank_idx" ON "customer_messages" ("user_id", "bank_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "customer_messages" ADD CONSTRAINT "customer_messages_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "customer_messages" ADD CONSTRAINT "customer_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );

    await queryRunner.query(
      `CREATE TABLE "crm_events" ("crm_event_id" uuid NOT NULL, "bank_id" text NOT NULL, "user_id" uuid, "customer_name" text NOT NULL DEFAULT '', "customer_number" text NOT NULL DEFAULT '', "category" text NOT NULL DEFAULT '', "detail" text NOT NULL DEFAULT '', "channel" text NOT NULL DEFAULT '', "scheduled_date" TIMESTAMP WITH TIME ZONE, "actual_date" TIMESTAMP WITH TIME ZONE, "result" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_crm_events" PRIMARY KEY ("crm_event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "crm_events_bank_scheduled_idx" ON "crm_events" ("bank_id", "scheduled_date", "crm_event_id")`);
    await queryRunner.query(
      `ALTER TABLE "crm_events" ADD CONSTRAINT "crm_events_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("bank_id") ON DELETE CASCADE`,
    );

    await queryRunner.query(
      `CREATE TABLE "credit_limit_requests" ("request_id" uuid NOT NULL, "bank_id" text NOT NULL, "customer_id" uuid NOT NULL, "created_by_user_id" uuid NOT NULL, "short_reference" text NOT NULL, "requested_current_rate_amount1" text NOT NULL, "requested_current_rate_amount2" text NOT NULL, "requested_current_valid_end_date" text NOT NULL, "current_credit_documentation" text NOT NULL, "temporary_requested_current_amount" text NOT NULL, "requested_temporary_valid_end_date" text NOT NULL, "temporary_credit_documentation" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_credit_limit_requests" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "credit_limit_requests_customer_idx" ON "credit_limit_requests" ("customer_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "credit_limit_requests" ADD CONSTRAINT "credit_limit_requests_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("customer_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "credit_limit_requests"`);
    await queryRunner.query(`DROP TABLE "crm_events"`);
    await queryRunner.query(`DROP TABLE "customer_messages"`);
  }
}
