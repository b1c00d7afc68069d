import { Migration } from '@mikro-orm/migrations';

// Idempotency keys: the first response to a keyed mutation, kept 24 hours (expires_at indexed for the purge).
export class Migration20261122150200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "principal" varchar(100) not null, "key" varchar(255) not null, "request_hash" varchar(64) not null, "response_body" text not null, "response_status" smallint not null, "audit_reads" jsonb not null default '[]', "expires_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "idempotency_key_firm_id_index" on "idempotency_key" ("firm_id");`);
    this.addSql(`create index "idempotency_key_expires_at_index" on "idempotency_key" ("expires_at");`);
    this.addSql(
      `alter table "idempotency_key" add constraint "idempotency_key_firm_id_principal_key_unique" unique ("firm_id", "principal", "key");`,
    );
    this.addSql(
      `alter table "idempotency_key" add constraint "idempotency_key_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }
}
