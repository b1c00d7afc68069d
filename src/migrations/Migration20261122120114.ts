import { Migration } from '@mikro-orm/migrations';

export class Migration20261122120114 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "sync_change" ("entity_type" varchar(20) not null, "entity_id" uuid not null, "firm_id" uuid not null, "transaction_id" xid8 not null, "changed_at" timestamptz not null, constraint "sync_change_pkey" primary key ("entity_type", "entity_id"));`,
    );
    this.addSql(
      `create index "sync_change_firm_id_entity_type_transaction_id_entity_id_index" on "sync_change" ("firm_id", "entity_type", "transaction_id", "entity_id");`,
    );

    this.addSql(
      `create table "webhook_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "type" varchar(60) not null, "data" jsonb not null, constraint "webhook_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_event_firm_id_index" on "webhook_event" ("firm_id");`);

    this.addSql(
      `create table "webhook_subscription" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "url" varchar(2000) not null, "events" text[] not null, "description" varchar(200) null, "status" text check ("status" in ('ACTIVE', 'DISABLED')) not null default 'ACTIVE', "secret" varchar(100) not null, constraint "webhook_subscription_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_subscription_firm_id_index" on "webhook_subscription" ("firm_id");`);

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "subscription_id" uuid not null, "event_id" uuid not null, "status" text check ("status" in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')) not null default 'PENDING', "attempt_count" int not null default 0, "last_attempt_at" timestamptz null, "delivered_at" timestamptz null, "queued_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_firm_id_index" on "webhook_delivery" ("firm_id");`);
    this.addSql(`create index "webhook_delivery_subscription_id_index" on "webhook_delivery" ("subscription_id");`);
    this.addSql(`create index "webhook_delivery_event_id_index" on "webhook_delivery" ("event_id");`);
    this.addSql(`create index "webhook_delivery_unqueued_index" on "webhook_delivery" ("created_at") where "queued_at" is null;`);
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_event_id_unique" unique ("subscription_id", "event_id");`,
    );

    this.addSql(
      `create table "webhook_delivery_attempt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "delivery_id" uuid not null, "number" int not null, "duration_ms" int not null, "response_status" int null, "error" varchar(1000) null, "succeeded" boolean not null, constraint "webhook_delivery_attempt_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_attempt_firm_id_index" on "webhook_delivery_attempt" ("firm_id");`);
    this.addSql(`create index "webhook_delivery_attempt_delivery_id_index" on "webhook_delivery_attempt" ("delivery_id");`);
    this.addSql(
      `alter table "webhook_delivery_attempt" add constraint "webhook_delivery_attempt_delivery_id_number_unique" unique ("delivery_id", "number");`,
    );

    this.addSql(
      `alter table "sync_change" add constraint "sync_change_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_event" add constraint "webhook_event_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "webhook_event" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "webhook_delivery_attempt" add constraint "webhook_delivery_attempt_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery_attempt" add constraint "webhook_delivery_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`,
    );

    // Incremental sync: every change of a synced row records the id of its transaction, in the
    // same transaction, whoever writes (the ORM, a raw statement, a bulk upsert). A candidacy also
    // changes when a scorecard of it is submitted or amended, a mandate when its profile changes.
    this.addSql(`create function "sync_change_record"(entity_type text, entity_id uuid, firm_id uuid) returns void language sql as $$
      insert into "sync_change" ("entity_type", "entity_id", "firm_id", "transaction_id", "changed_at")
      values (entity_type, entity_id, firm_id, pg_current_xact_id(), now())
      on conflict ("entity_type", "entity_id") do update set "transaction_id" = excluded."transaction_id", "changed_at" = excluded."changed_at"
      where "sync_change"."transaction_id" <> excluded."transaction_id";
    $$;`);
    this.addSql(`create function "sync_change_on_row"() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        delete from "sync_change" where "entity_type" = tg_argv[0] and "entity_id" = old."id";
      else
        perform "sync_change_record"(tg_argv[0], new."id", new."firm_id");
      end if;
      return null;
    end $$;`);
    this.addSql(`create function "sync_change_on_requirement"() returns trigger language plpgsql as $$
    begin
      -- Through the mandate, so a mandate deleted with its profile is not recorded again.
      perform "sync_change_record"('mandate', m."id", m."firm_id") from "mandate" m
      where m."id" = case when tg_op = 'DELETE' then old."mandate_id" else new."mandate_id" end;
      return null;
    end $$;`);
    this.addSql(`create function "sync_change_on_scorecard"() returns trigger language plpgsql as $$
    begin
      perform "sync_change_record"('candidacy', i."candidacy_id", i."firm_id") from "interview" i where i."id" = new."interview_id";
      return null;
    end $$;`);
    for (const table of ['candidate', 'mandate', 'candidacy']) {
      this.addSql(
        `create trigger "${table}_sync_change" after insert or update or delete on "${table}" for each row execute function "sync_change_on_row"('${table}');`,
      );
      this.addSql(
        `insert into "sync_change" ("entity_type", "entity_id", "firm_id", "transaction_id", "changed_at") select '${table}', "id", "firm_id", pg_current_xact_id(), "updated_at" from "${table}";`,
      );
    }
    this.addSql(
      `create trigger "requirement_sync_change" after insert or update or delete on "requirement" for each row execute function "sync_change_on_requirement"();`,
    );
    this.addSql(
      `create trigger "scorecard_sync_change" after update of "status", "latest_revision_id" on "scorecard" for each row execute function "sync_change_on_scorecard"();`,
    );
  }

  override async down(): Promise<void> {
    for (const table of ['candidate', 'mandate', 'candidacy', 'requirement', 'scorecard']) {
      this.addSql(`drop trigger if exists "${table}_sync_change" on "${table}";`);
    }
    this.addSql(
      `drop function if exists "sync_change_on_row"(), "sync_change_on_requirement"(), "sync_change_on_scorecard"(), "sync_change_record"(text, uuid, uuid);`,
    );
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_subscription_id_foreign";`);

    this.addSql(`alter table "webhook_delivery_attempt" drop constraint "webhook_delivery_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "sync_change" cascade;`);

    this.addSql(`drop table if exists "webhook_event" cascade;`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery_attempt" cascade;`);
  }
}
