import { Migration } from '@mikro-orm/migrations';

// Merging duplicate candidates: a version to lock both records optimistically, and where a merged
// record went (merged_into_id, merged_at; the survivor's mergedFrom is read through the index).
// The version is raised by a trigger on every update that changes the row, so the raw-SQL write
// paths (the bulk upsert) count as the ORM's do; the ORM raises it itself (onUpdate) so that its
// entity knows the new value, and the trigger then leaves it alone.
export class Migration20261202133000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "candidate" add column "version" int not null default 1, add column "merged_into_id" uuid null, add column "merged_at" timestamptz null;`,
    );
    this.addSql(`create index "candidate_firm_id_merged_into_id_index" on "candidate" ("firm_id", "merged_into_id");`);
    this.addSql(`create function "candidate_raise_version"() returns trigger language plpgsql as $$
    begin
      if new."version" = old."version" then
        new."version" := old."version" + 1;
      end if;
      return new;
    end $$;`);
    this.addSql(
      `create trigger "candidate_raise_version" before update on "candidate" for each row when (old.* is distinct from new.*) execute function "candidate_raise_version"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "candidate_raise_version" on "candidate";`);
    this.addSql(`drop function "candidate_raise_version"();`);
    this.addSql(`drop index "candidate_firm_id_merged_into_id_index";`);
    this.addSql(`alter table "candidate" drop column "version", drop column "merged_into_id", drop column "merged_at";`);
  }
}
