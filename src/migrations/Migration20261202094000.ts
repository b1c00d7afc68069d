import { Migration } from '@mikro-orm/migrations';

// Duplicate detection: the normalised keys a duplicate is found by (one SQL function each, used by
// both the index and the query, so they cannot drift apart), the pairs found and the pairs dismissed.
export class Migration20261202094000 extends Migration {
  override async up(): Promise<void> {
    // "+47 912 34 567", "0047 91234567" and "47-912-34-567" are one number: digits only, without a
    // leading international 00.
    this.addSql(
      `create function "candidate_phone_key"("phone" text) returns text language sql immutable parallel safe returns null on null input as $$ select nullif(regexp_replace(regexp_replace("phone", '[^0-9]', '', 'g'), '^00', ''), '') $$;`,
    );
    // The profile's path in lower case: www., query, fragment and trailing slashes do not count.
    this.addSql(
      `create function "candidate_linkedin_key"("url" text) returns text language sql immutable parallel safe returns null on null input as $$ select nullif(rtrim(lower(regexp_replace(regexp_replace("url", '[?#].*$', ''), '^https://([^/]*\\.)?linkedin\\.com', '', 'i')), '/'), '') $$;`,
    );
    this.addSql(`create index "candidate_firm_id_email_index" on "candidate" ("firm_id", "email");`);
    this.addSql(`create index "candidate_phone_key_index" on "candidate" ("firm_id", "candidate_phone_key"("phone"));`);
    this.addSql(`create index "candidate_linkedin_key_index" on "candidate" ("firm_id", "candidate_linkedin_key"("linkedin_url"));`);
    this.addSql(`create index "candidate_external_ref_firm_id_external_id_index" on "candidate_external_ref" ("firm_id", "external_id");`);

    this.addSql(
      `create table "candidate_duplicate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "candidate_id" uuid not null, "other_candidate_id" uuid not null, "reasons" text[] not null, "score" double precision not null, constraint "candidate_duplicate_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "candidate_duplicate" add constraint "candidate_duplicate_candidate_id_other_candidate_id_unique" unique ("candidate_id", "other_candidate_id");`,
    );
    this.addSql(`create index "candidate_duplicate_firm_id_index" on "candidate_duplicate" ("firm_id");`);
    this.addSql(`create index "candidate_duplicate_other_candidate_id_index" on "candidate_duplicate" ("other_candidate_id");`);
    this.addSql(`create index "candidate_duplicate_firm_id_score_id_index" on "candidate_duplicate" ("firm_id", "score", "id");`);
    this.addSql(
      `alter table "candidate_duplicate" add constraint "candidate_duplicate_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidate_duplicate" add constraint "candidate_duplicate_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidate_duplicate" add constraint "candidate_duplicate_other_candidate_id_foreign" foreign key ("other_candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `create table "candidate_duplicate_dismissal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "candidate_id" uuid not null, "other_candidate_id" uuid not null, constraint "candidate_duplicate_dismissal_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "candidate_duplicate_dismissal_firm_id_index" on "candidate_duplicate_dismissal" ("firm_id");`);
    this.addSql(
      `alter table "candidate_duplicate_dismissal" add constraint "candidate_duplicate_dismissal_pair_unique" unique ("candidate_id", "other_candidate_id");`,
    );
    this.addSql(
      `create index "candidate_duplicate_dismissal_other_candidate_id_index" on "candidate_duplicate_dismissal" ("other_candidate_id");`,
    );
    this.addSql(
      `alter table "candidate_duplicate_dismissal" add constraint "candidate_duplicate_dismissal_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidate_duplicate_dismissal" add constraint "candidate_duplicate_dismissal_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidate_duplicate_dismissal" add constraint "candidate_duplicate_dismissal_other_candidate_id_foreign" foreign key ("other_candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "candidate_duplicate_dismissal" cascade;`);
    this.addSql(`drop table if exists "candidate_duplicate" cascade;`);
    this.addSql(`drop index if exists "candidate_external_ref_firm_id_external_id_index";`);
    this.addSql(`drop index if exists "candidate_linkedin_key_index";`);
    this.addSql(`drop index if exists "candidate_phone_key_index";`);
    this.addSql(`drop index if exists "candidate_firm_id_email_index";`);
    this.addSql(`drop function if exists "candidate_linkedin_key"(text);`);
    this.addSql(`drop function if exists "candidate_phone_key"(text);`);
  }
}
