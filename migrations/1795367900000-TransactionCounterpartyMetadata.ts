import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transaction metadata (narrative, comments, tags, images, where tags) and counterparty locations. */
export class TransactionCounterpartyMetadata1795367900000 implements MigrationInterface {
  name = 'TransactionCounterpartyMetadata1795367900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "transaction_comments" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "transaction_id" text NOT NULL, "view_id" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "comment_id" uuid NOT NULL, "value" character varying(2000) NOT NULL, CONSTRAINT "PK_transaction_comments" PRIMARY KEY ("comment_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "transaction_comments_lookup_idx" ON "transaction_comments" ("bank_id", "account_id", "transaction_id", "view_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "transaction_tags" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "transaction_id" text NOT NULL, "view_id" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "tag_id" uuid NOT NULL, "value" character varying(64) NOT NULL, CONSTRAINT "PK_transaction_tags" PRIMARY KEY ("tag_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "transaction_tags_lookup_idx" ON "transaction_tags" ("bank_id", "account_id", "transaction_id", "view_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "transaction_images" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "transaction_id" text NOT NULL, "view_id" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "image_id" uuid NOT NULL, "label" character varying(255) NOT NULL, "url" character varying(2000) NOT NULL, CONSTRAINT "PK_transaction_images" PRIMARY KEY ("image_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "transaction_images_lookup_idx" ON "transaction_images" ("bank_id", "account_id", "transaction_id", "view_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "transaction_where_tags" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "transaction_id" text NOT NULL, "view_id" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "where_tag_id" uuid NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_transaction_where_tags" PRIMARY KEY ("where_tag_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "transaction_where_tags_one_per_view_key" ON "transaction_where_tags" ("bank_id", "account_id", "transaction_id", "view_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "transaction_narratives" ("bank_id" text NOT NULL, "account_id" text NOT NULL, "transaction_id" text NOT NULL, "narrative" character varying(2000) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_transaction_narratives" PRIMARY KEY ("bank_id", "account_id", "transaction_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "counterparty_locations" ("counterparty_id" text NOT NULL, "kind" text NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "user_id" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_counterparty_locations" PRIMARY KEY ("counterparty_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_comments" ADD CONSTRAINT "FK_eee61e93ad80482a561ce6c572e" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_comments" ADD CONSTRAINT "transaction_comments_transaction_fkey" FOREIGN KEY ("bank_id", "account_id", "transaction_id") REFERENCES "transactions"("bank_id","account_id","transaction_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_tags" ADD CONSTRAINT "FK_cb6880ec90d201cc8563a8fb952" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_tags" ADD CONSTRAINT "transaction_tags_transaction_fkey" FOREIGN KEY ("bank_id", "account_id", "transaction_id") REFERENCES "transactions"("bank_id","account_id","transaction_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_images" ADD CONSTRAINT "FK_9964b5a3ad451baca9c6661e00a" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_images" ADD CONSTRAINT "transaction_images_transaction_fkey" FOREIGN KEY ("bank_id", "account_id", "transaction_id") REFERENCES "transactions"("bank_id","account_id","transaction_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_where_tags" ADD CONSTRAINT "FK_13d34097a8609c4565036f62e55" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_where_tags" ADD CONSTRAINT "transaction_where_tags_transaction_fkey" FOREIGN KEY ("bank_id", "account_id", "transaction_id") REFERENCES "transactions"("bank_id","account_id","transaction_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "transaction_narratives" ADD CONSTRAINT "transaction_narratives_transaction_fkey" FOREIGN KEY ("bank_id", "account_id", "transaction_id") REFERENCES "transactions"("bank_id","account_id","transaction_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "counterparty_locations" ADD CONSTRAINT "counterparty_locations_counterparty_fkey" FOREIGN KEY ("counterparty_id") REFERENCES "counterparty_metadata"("counterparty_id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "counterparty_locations" ADD CONSTRAINT "counterparty_locations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("user_id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "counterparty_locations"`);
    await queryRunner.query(`DROP TABLE "transaction_narratives"`);
    await queryRunner.query(`DROP TABLE "transaction_where_tags"`);
    await queryRunner.query(`DROP TABLE "transaction_images"`);
    await queryRunner.query(`DROP TABLE "transaction_tags"`);
    await queryRunner.query(`DROP TABLE "transaction_comments"`);
  }
}
