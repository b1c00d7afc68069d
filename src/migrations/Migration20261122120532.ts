import { Migration } from '@mikro-orm/migrations';

export class Migration20261122120532 extends Migration {
  // Shortlists: entries, immutable publication snapshots (what the client sees) and client feedback.
  override async up(): Promise<void> {
    this.addSql(
      `create table "shortlist" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "mandate_id" uuid not null, "version" int not null default 0, "published_version" int null, "published_at" timestamptz null, "publication_count" int not null default 0, constraint "shortlist_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shortlist_firm_id_index" on "shortlist" ("firm_id");`);
    this.addSql(`alter table "shortlist" add constraint "shortlist_mandate_id_unique" unique ("mandate_id");`);

    this.addSql(
      `create table "shortlist_publication" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "shortlist_id" uuid not null, "number" int not null, "shortlist_version" int not null, "published_by_id" uuid null, constraint "shortlist_publication_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shortlist_publication_firm_id_index" on "shortlist_publication" ("firm_id");`);
    this.addSql(
      `alter table "shortlist_publication" add constraint "shortlist_publication_shortlist_id_number_unique" unique ("shortlist_id", "number");`,
    );

    this.addSql(
      `create table "shortlist_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "shortlist_id" uuid not null, "candidacy_id" uuid not null, "note" text not null, "position" int null, "added_by_id" uuid null, "withdrawn_at" timestamptz null, "withdrawal_reason" text null, "withdrawn_by_id" uuid null, "published_id" uuid null, constraint "shortlist_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shortlist_entry_firm_id_index" on "shortlist_entry" ("firm_id");`);
    this.addSql(`create index "shortlist_entry_shortlist_id_index" on "shortlist_entry" ("shortlist_id");`);
    this.addSql(`create index "shortlist_entry_candidacy_id_index" on "shortlist_entry" ("candidacy_id");`);
    // One active entry per candidacy and shortlist; a withdrawn candidacy can be added again.
    this.addSql(
      `create unique index "shortlist_entry_active_candidacy_unique" on "shortlist_entry" ("shortlist_id", "candidacy_id") where "withdrawn_at" is null;`,
    );

    this.addSql(
      `create table "shortlist_feedback" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "entry_id" uuid not null, "author_id" uuid null, "decision" text check ("decision" in ('INTERESTED', 'MAYBE', 'DECLINED')) not null, "comment" text null, constraint "shortlist_feedback_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shortlist_feedback_firm_id_index" on "shortlist_feedback" ("firm_id");`);
    this.addSql(
      `create index "shortlist_feedback_entry_id_author_id_created_at_index" on "shortlist_feedback" ("entry_id", "author_id", "created_at");`,
    );

    this.addSql(
      `create table "shortlist_entry_snapshot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "publication_id" uuid not null, "entry_id" uuid not null, "position" int not null, "note" text not null, "fit" double precision null, "coverage" double precision not null, "must_haves_met" boolean null, "competencies" jsonb not null, constraint "shortlist_entry_snapshot_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "shortlist_entry_snapshot_firm_id_index" on "shortlist_entry_snapshot" ("firm_id");`);
    this.addSql(`create index "shortlist_entry_snapshot_entry_id_index" on "shortlist_entry_snapshot" ("entry_id");`);
    this.addSql(
      `alter table "shortlist_entry_snapshot" add constraint "shortlist_entry_snapshot_publication_id_entry_id_unique" unique ("publication_id", "entry_id");`,
    );

    this.addSql(
      `alter table "shortlist" add constraint "shortlist_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist" add constraint "shortlist_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "shortlist_publication" add constraint "shortlist_publication_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_publication" add constraint "shortlist_publication_shortlist_id_foreign" foreign key ("shortlist_id") references "shortlist" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_publication" add constraint "shortlist_publication_published_by_id_foreign" foreign key ("published_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "shortlist_entry" add constraint "shortlist_entry_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_entry" add constraint "shortlist_entry_shortlist_id_foreign" foreign key ("shortlist_id") references "shortlist" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_entry" add constraint "shortlist_entry_candidacy_id_foreign" foreign key ("candidacy_id") references "candidacy" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_entry" add constraint "shortlist_entry_added_by_id_foreign" foreign key ("added_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "shortlist_entry" add constraint "shortlist_entry_withdrawn_by_id_foreign" foreign key ("withdrawn_by_id") references "user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "shortlist_entry" add constraint "shortlist_entry_published_id_foreign" foreign key ("published_id") references "shortlist_entry_snapshot" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "shortlist_feedback" add constraint "shortlist_feedback_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_feedback" add constraint "shortlist_feedback_entry_id_foreign" foreign key ("entry_id") references "shortlist_entry" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_feedback" add constraint "shortlist_feedback_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "shortlist_entry_snapshot" add constraint "shortlist_entry_snapshot_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_entry_snapshot" add constraint "shortlist_entry_snapshot_publication_id_foreign" foreign key ("publication_id") references "shortlist_publication" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "shortlist_entry_snapshot" add constraint "shortlist_entry_snapshot_entry_id_foreign" foreign key ("entry_id") references "shortlist_entry" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "shortlist_publication" drop constraint "shortlist_publication_shortlist_id_foreign";`);

    this.addSql(`alter table "shortlist_entry" drop constraint "shortlist_entry_shortlist_id_foreign";`);

    this.addSql(`alter table "shortlist_entry_snapshot" drop constraint "shortlist_entry_snapshot_publication_id_foreign";`);

    this.addSql(`alter table "shortlist_feedback" drop constraint "shortlist_feedback_entry_id_foreign";`);

    this.addSql(`alter table "shortlist_entry_snapshot" drop constraint "shortlist_entry_snapshot_entry_id_foreign";`);

    this.addSql(`alter table "shortlist_entry" drop constraint "shortlist_entry_published_id_foreign";`);

    this.addSql(`drop table if exists "shortlist" cascade;`);

    this.addSql(`drop table if exists "shortlist_publication" cascade;`);

    this.addSql(`drop table if exists "shortlist_entry" cascade;`);

    this.addSql(`drop table if exists "shortlist_feedback" cascade;`);

    this.addSql(`drop table if exists "shortlist_entry_snapshot" cascade;`);
  }
}
