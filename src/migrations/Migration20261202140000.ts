import { Migration } from '@mikro-orm/migrations';

// A firm's ratings version (issue 15): bumped in the same transaction by every change that can
// move a counted rating (§3) or a viewer's draft set — scorecards written, submitted, amended or
// deleted (erasure and cascades included), ratings changed, interviews moved or cancelled. The
// calibrated ranking keeps the firm's leniencies per version and checks the version in its own
// statement. Written by these triggers only; no foreign key, so a firm's deletion cascading to its
// scorecards can still bump it. Statement-level triggers over the transition tables: one bump per
// firm and statement, so a set-based insert of 245,000 ratings does not update one row 245,000
// times (each update of the same row in one transaction leaves another dead version to walk).
const WATCHED: { table: string; columns: string[] }[] = [
  { table: 'scorecard', columns: ['status', 'latest_revision_id', 'interviewer_id', 'interview_id'] },
  { table: 'rating', columns: ['score', 'competency_key', 'revision_id'] },
  { table: 'interview', columns: ['status', 'candidacy_id'] },
];

export class Migration20261202140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "firm_ratings_version" ("firm_id" uuid not null, "version" bigint not null, primary key ("firm_id"));`);
    this.addSql(`create function "firm_ratings_version_bump_inserted"() returns trigger language plpgsql as $$
    begin
      insert into "firm_ratings_version" ("firm_id", "version") select distinct "firm_id", 1 from "changed_rows"
      on conflict ("firm_id") do update set "version" = "firm_ratings_version"."version" + 1;
      return null;
    end $$;`);
    this.addSql(`create function "firm_ratings_version_bump_deleted"() returns trigger language plpgsql as $$
    begin
      insert into "firm_ratings_version" ("firm_id", "version") select distinct "firm_id", 1 from "removed_rows"
      on conflict ("firm_id") do update set "version" = "firm_ratings_version"."version" + 1;
      return null;
    end $$;`);
    for (const { table, columns } of WATCHED) {
      const row = (alias: string) => `(${columns.map((column) => `${alias}."${column}"`).join(', ')})`;
      this.addSql(`create function "firm_ratings_version_bump_${table}_updated"() returns trigger language plpgsql as $$
      begin
        insert into "firm_ratings_version" ("firm_id", "version")
        select distinct n."firm_id", 1 from "changed_rows" n join "removed_rows" o on o."id" = n."id"
         where ${row('n')} is distinct from ${row('o')}
        on conflict ("firm_id") do update set "version" = "firm_ratings_version"."version" + 1;
        return null;
      end $$;`);
      if (table !== 'interview') {
        this.addSql(
          `create trigger "${table}_ratings_version_inserted" after insert on "${table}" referencing new table as "changed_rows" for each statement execute function "firm_ratings_version_bump_inserted"();`,
        );
      }
      this.addSql(
        `create trigger "${table}_ratings_version_deleted" after delete on "${table}" referencing old table as "removed_rows" for each statement execute function "firm_ratings_version_bump_deleted"();`,
      );
      this.addSql(
        `create trigger "${table}_ratings_version_updated" after update on "${table}" referencing new table as "changed_rows" old table as "removed_rows" for each statement execute function "firm_ratings_version_bump_${table}_updated"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const { table } of WATCHED) {
      for (const event of ['inserted', 'deleted', 'updated'])
        this.addSql(`drop trigger if exists "${table}_ratings_version_${event}" on "${table}";`);
      this.addSql(`drop function if exists "firm_ratings_version_bump_${table}_updated"();`);
    }
    this.addSql(`drop function if exists "firm_ratings_version_bump_inserted"();`);
    this.addSql(`drop function if exists "firm_ratings_version_bump_deleted"();`);
    this.addSql(`drop table if exists "firm_ratings_version";`);
  }
}
