import { Migration } from '@mikro-orm/migrations';

// The audit log (modules/audit): append-only, scoped by firm, indexed for its filters, newest first.
export class Migration20261122150300 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" uuid not null, "firm_id" uuid not null, "occurred_at" timestamptz not null, "actor_kind" text check ("actor_kind" in ('USER', 'API_KEY', 'ANONYMOUS')) not null, "actor_user_id" uuid null, "actor_api_key_id" uuid null, "action" varchar(100) not null, "object_type" varchar(60) null, "object_id" uuid null, "summary" jsonb not null, "request_id" varchar(100) null, constraint "audit_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_event_firm_id_actor_api_key_id_occurred_at_index" on "audit_event" ("firm_id", "actor_api_key_id", "occurred_at");`,
    );
    this.addSql(
      `create index "audit_event_firm_id_actor_user_id_occurred_at_index" on "audit_event" ("firm_id", "actor_user_id", "occurred_at");`,
    );
    this.addSql(`create index "audit_event_firm_id_object_id_occurred_at_index" on "audit_event" ("firm_id", "object_id", "occurred_at");`);
    this.addSql(`create index "audit_event_firm_id_action_occurred_at_index" on "audit_event" ("firm_id", "action", "occurred_at");`);
    this.addSql(`create index "audit_event_firm_id_occurred_at_id_index" on "audit_event" ("firm_id", "occurred_at", "id");`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }
}
