import { Migration } from '@mikro-orm/migrations';

// Duplicate detection that stays fast while a firm is being loaded, and similar names by name key.
//
// Every lookup key now carries the firm inside one indexed expression ("candidate_firm_key"), so no
// index that merely starts with firm_id can serve it. Before, the planner, without statistics for
// a firm that has just pushed thousands of candidates (or a table never analysed), took any index
// on firm_id and filtered: a 500-item upsert walked the whole firm once per item (16 s for the
// external-ref lookup alone at 500 candidates).
//
// Similar names are looked for by the first and the last word of the folded full name (given and
// family name), each indexed with the other, instead of one trigram probe per candidate.
export class Migration20261202130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(
      `create function "candidate_firm_key"("firm_id" uuid, "key" text) returns text language sql immutable parallel safe returns null on null input as $$ select "firm_id"::text || '/' || "key" $$;`,
    );
    // Index builds run with search_path pg_catalog, hence public. before every function of ours.
    // The full name folded as the search folds it (lower case, Nordic letters spelled out, accents
    // removed), punctuation as a space. unaccent() is only stable (its dictionary could change);
    // naming the dictionary pins it, which makes the wrapper safe to declare immutable for an index.
    this.addSql(
      `create function "candidate_name_fold"("first_name" text, "last_name" text) returns text language sql immutable parallel safe returns null on null input as $$ select btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, "first_name" || ' ' || "last_name")), '[[:space:][:punct:]]+', ' ', 'g')) $$;`,
    );
    this.addSql(
      `create function "candidate_first_name_key"("first_name" text, "last_name" text) returns text language sql immutable parallel safe returns null on null input as $$ select split_part(public."candidate_name_fold"("first_name", "last_name"), ' ', 1) $$;`,
    );
    this.addSql(
      `create function "candidate_last_name_key"("first_name" text, "last_name" text) returns text language sql immutable parallel safe returns null on null input as $$ select regexp_replace(public."candidate_name_fold"("first_name", "last_name"), '^.* ', '') $$;`,
    );

    this.addSql(`drop index if exists "candidate_firm_id_email_index";`);
    this.addSql(`drop index if exists "candidate_phone_key_index";`);
    this.addSql(`drop index if exists "candidate_linkedin_key_index";`);
    this.addSql(`drop index if exists "candidate_external_ref_firm_id_external_id_index";`);
    this.addSql(`create index "candidate_email_key_index" on "candidate" ("candidate_firm_key"("firm_id", "email"));`);
    this.addSql(
      `create index "candidate_phone_key_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_phone_key"("phone")));`,
    );
    this.addSql(
      `create index "candidate_linkedin_key_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_linkedin_key"("linkedin_url")));`,
    );
    this.addSql(
      `create index "candidate_external_ref_external_id_key_index" on "candidate_external_ref" ("candidate_firm_key"("firm_id", "external_id"));`,
    );
    this.addSql(
      `create index "candidate_name_key_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_first_name_key"("first_name", "last_name")), "candidate_last_name_key"("first_name", "last_name"), "id");`,
    );
    this.addSql(
      `create index "candidate_name_key_reversed_index" on "candidate" ("candidate_firm_key"("firm_id", "candidate_last_name_key"("first_name", "last_name")), "candidate_first_name_key"("first_name", "last_name"), "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "candidate_name_key_reversed_index";`);
    this.addSql(`drop index if exists "candidate_name_key_index";`);
    this.addSql(`drop index if exists "candidate_external_ref_external_id_key_index";`);
    this.addSql(`drop index if exists "candidate_linkedin_key_index";`);
    this.addSql(`drop index if exists "candidate_phone_key_index";`);
    this.addSql(`drop index if exists "candidate_email_key_index";`);
    this.addSql(`create index "candidate_firm_id_email_index" on "candidate" ("firm_id", "email");`);
    this.addSql(`create index "candidate_phone_key_index" on "candidate" ("firm_id", "candidate_phone_key"("phone"));`);
    this.addSql(`create index "candidate_linkedin_key_index" on "candidate" ("firm_id", "candidate_linkedin_key"("linkedin_url"));`);
    this.addSql(`create index "candidate_external_ref_firm_id_external_id_index" on "candidate_external_ref" ("firm_id", "external_id");`);
    this.addSql(`drop function if exists "candidate_last_name_key"(text, text);`);
    this.addSql(`drop function if exists "candidate_first_name_key"(text, text);`);
    this.addSql(`drop function if exists "candidate_name_fold"(text, text);`);
    this.addSql(`drop function if exists "candidate_firm_key"(uuid, text);`);
  }
}
