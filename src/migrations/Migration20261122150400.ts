import { Migration } from '@mikro-orm/migrations';

// GDPR: when a candidate's personal data was erased, and the hashed external refs of erased
// candidates that an ATS sync must not bring back.
export class Migration20261122150400 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "candidate" add column "erased_at" timestamptz null, add column "erasure_reason" varchar(500) null;`);
    this.addSql(
      `create table "erased_external_ref" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "system" varchar(50) not null, "external_id_hash" varchar(64) not null, constraint "erased_external_ref_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "erased_external_ref_firm_id_index" on "erased_external_ref" ("firm_id");`);
    this.addSql(
      `alter table "erased_external_ref" add constraint "erased_external_ref_firm_id_system_external_id_hash_unique" unique ("firm_id", "system", "external_id_hash");`,
    );
    this.addSql(
      `alter table "erased_external_ref" add constraint "erased_external_ref_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "erased_external_ref" cascade;`);
    this.addSql(`alter table "candidate" drop column "erased_at", drop column "erasure_reason";`);
  }
}
