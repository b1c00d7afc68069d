import { Migration } from '@mikro-orm/migrations';

export class Migration20261122111646 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "user_role" as enum ('ADMIN', 'RECRUITER', 'CLIENT');`);
    this.addSql(
      `create table "firm" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "slug" varchar(60) not null, constraint "firm_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "firm" add constraint "firm_slug_unique" unique ("slug");`);

    this.addSql(
      `create table "user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "email" varchar(254) not null, "name" varchar(200) not null, "role" "user_role" not null, "password_hash" varchar(300) not null, "client_id" uuid null, constraint "user_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "user_firm_id_index" on "user" ("firm_id");`);
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);
    this.addSql(`create index "user_client_id_index" on "user" ("client_id");`);

    this.addSql(
      `create table "session" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "session_firm_id_index" on "session" ("firm_id");`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "name" varchar(100) not null, "scopes" text[] not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "created_by_id" uuid null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_key_firm_id_index" on "api_key" ("firm_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);

    this.addSql(
      `alter table "user" add constraint "user_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "session" add constraint "session_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "api_key" add constraint "api_key_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user" drop constraint "user_firm_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_firm_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_firm_id_foreign";`);

    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_created_by_id_foreign";`);

    this.addSql(`drop table if exists "firm" cascade;`);

    this.addSql(`drop table if exists "user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop type "user_role";`);
  }
}
