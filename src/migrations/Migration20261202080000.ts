import { Migration } from '@mikro-orm/migrations';

// The client report: short-lived links (only the token's hash is stored) and the PDFs printed
// once per publication and language.
export class Migration20261202080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "report_link" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "token_hash" varchar(64) not null, "user_id" uuid null, "api_key_id" uuid null, "publication_id" uuid not null, "locale" text check ("locale" in ('EN', 'NB', 'DA', 'SV')) not null, "format" text check ("format" in ('HTML', 'PDF')) not null, "expires_at" timestamptz not null, constraint "report_link_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "report_link_firm_id_index" on "report_link" ("firm_id");`);
    this.addSql(`alter table "report_link" add constraint "report_link_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "report_link_user_id_index" on "report_link" ("user_id");`);
    this.addSql(`create index "report_link_api_key_id_index" on "report_link" ("api_key_id");`);
    this.addSql(`create index "report_link_publication_id_index" on "report_link" ("publication_id");`);
    this.addSql(
      `alter table "report_link" add constraint "report_link_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "report_link" add constraint "report_link_user_id_foreign" foreign key ("user_id") references "user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "report_link" add constraint "report_link_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "report_link" add constraint "report_link_publication_id_foreign" foreign key ("publication_id") references "shortlist_publication" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "report_document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "publication_id" uuid not null, "locale" text check ("locale" in ('EN', 'NB', 'DA', 'SV')) not null, "model_hash" varchar(64) not null, "pdf" bytea not null, constraint "report_document_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "report_document_firm_id_index" on "report_document" ("firm_id");`);
    this.addSql(
      `alter table "report_document" add constraint "report_document_publication_id_locale_unique" unique ("publication_id", "locale");`,
    );
    this.addSql(
      `alter table "report_document" add constraint "report_document_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "report_document" add constraint "report_document_publication_id_foreign" foreign key ("publication_id") references "shortlist_publication" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "report_document" cascade;`);
    this.addSql(`drop table if exists "report_link" cascade;`);
  }
}
