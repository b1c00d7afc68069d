import { Migration } from '@mikro-orm/migrations';

// Scorecard drafts: what an interviewer saves before submitting (their own only; counts nowhere).
export class Migration20261202081200 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "scorecard_draft" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "scorecard_id" uuid not null, "recommendation" text check ("recommendation" in ('STRONG_NO', 'NO', 'YES', 'STRONG_YES')) null, "summary" text null, constraint "scorecard_draft_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "scorecard_draft_firm_id_index" on "scorecard_draft" ("firm_id");`);
    this.addSql(`alter table "scorecard_draft" add constraint "scorecard_draft_scorecard_id_unique" unique ("scorecard_id");`);

    this.addSql(
      `create table "draft_rating" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "draft_id" uuid not null, "competency_key" varchar(60) not null, "score" smallint null, "evidence" text null, constraint "draft_rating_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "draft_rating_firm_id_index" on "draft_rating" ("firm_id");`);
    this.addSql(`create index "draft_rating_draft_id_index" on "draft_rating" ("draft_id");`);
    this.addSql(
      `alter table "draft_rating" add constraint "draft_rating_draft_id_competency_key_unique" unique ("draft_id", "competency_key");`,
    );

    this.addSql(
      `alter table "scorecard_draft" add constraint "scorecard_draft_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scorecard_draft" add constraint "scorecard_draft_scorecard_id_foreign" foreign key ("scorecard_id") references "scorecard" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "draft_rating" add constraint "draft_rating_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "draft_rating" add constraint "draft_rating_draft_id_foreign" foreign key ("draft_id") references "scorecard_draft" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "draft_rating" cascade;`);
    this.addSql(`drop table if exists "scorecard_draft" cascade;`);
  }
}
