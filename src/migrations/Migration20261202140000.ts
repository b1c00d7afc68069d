import { Migration } from '@mikro-orm/migrations';

// A firm's ratings version (issue 15): bumped in the same transaction by every change that can
// move a counted rating (§3) or a viewer's draft set — scorecards written, submitted, amended or
// deleted (erasure and cascades included), ratings changed, interviews moved or cancelled. The
// calibrated ranking keeps the firm's leniencies per version and checks the version in its own
// statement. Written by these triggers only; no foreign key, so a firm's deletion cascading to its
// scorecards can still bump it.
export class Migration20261202140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "firm_ratings_version" ("firm_id" uuid not null, "version" bigint not null, primary key ("firm_id"));`);
    this.addSql(`create function "firm_ratings_version_bump"() returns trigger language plpgsql as $$
    begin
      insert into "firm_ratings_version" ("firm_id", "version")
      values (case when tg_op = 'DELETE' then old."firm_id" else new."firm_id" end, 1)
      on conflict ("firm_id") do update set "version" = "firm_ratings_version"."version" + 1;
      return null;
    end $$;`);
    this.addSql(
      `create trigger "scorecard_ratings_version" after insert or delete or update of "status", "latest_revision_id", "interviewer_id", "interview_id" on "scorecard" for each row execute function "firm_ratings_version_bump"();`,
    );
    this.addSql(
      `create trigger "rating_ratings_version" after insert or delete or update of "score", "competency_key", "revision_id" on "rating" for each row execute function "firm_ratings_version_bump"();`,
    );
    this.addSql(
      `create trigger "interview_ratings_version" after update of "status", "candidacy_id" on "interview" for each row execute function "firm_ratings_version_bump"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "interview_ratings_version" on "interview";`);
    this.addSql(`drop trigger if exists "rating_ratings_version" on "rating";`);
    this.addSql(`drop trigger if exists "scorecard_ratings_version" on "scorecard";`);
    this.addSql(`drop function if exists "firm_ratings_version_bump"();`);
    this.addSql(`drop table if exists "firm_ratings_version";`);
  }
}
