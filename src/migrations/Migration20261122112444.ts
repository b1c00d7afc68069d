import { Migration } from '@mikro-orm/migrations';

export class Migration20261122112444 extends Migration {
  override async up(): Promise<void> {
    // Trigram indexes make candidate search by any part of a name fast.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "client" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "name" varchar(200) not null, "organisation_number" varchar(40) null, "industry" varchar(100) null, "employee_count" int null, "country" varchar(2) not null, constraint "client_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "client_firm_id_index" on "client" ("firm_id");`);
    this.addSql(
      `alter table "client" add constraint "client_firm_id_country_organisation_number_unique" unique ("firm_id", "country", "organisation_number");`,
    );

    this.addSql(
      `create table "candidate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "first_name" varchar(100) not null, "last_name" varchar(100) not null, "email" varchar(254) null, "phone" varchar(40) null, "headline" varchar(200) null, "location" varchar(200) null, "languages" text[] not null, "linkedin_url" varchar(300) null, "tags" text[] not null, "consent_status" text check ("consent_status" in ('PENDING', 'GIVEN', 'WITHDRAWN')) not null default 'PENDING', "consent_given_at" timestamptz null, "consent_withdrawn_at" timestamptz null, "retain_until" date null, "search_text" text not null default '', constraint "candidate_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "candidate_firm_id_index" on "candidate" ("firm_id");`);
    this.addSql(`create index "candidate_tags_index" on "candidate" using gin ("tags");`);
    this.addSql(`create index "candidate_search_text_trgm_index" on "candidate" using gin ("search_text" gin_trgm_ops);`);
    this.addSql(`create index "candidate_firm_id_updated_at_id_index" on "candidate" ("firm_id", "updated_at", "id");`);

    this.addSql(
      `create table "candidate_external_ref" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "candidate_id" uuid not null, "system" varchar(50) not null, "external_id" varchar(200) not null, constraint "candidate_external_ref_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "candidate_external_ref_firm_id_index" on "candidate_external_ref" ("firm_id");`);
    this.addSql(`create index "candidate_external_ref_candidate_id_index" on "candidate_external_ref" ("candidate_id");`);
    this.addSql(
      `alter table "candidate_external_ref" add constraint "candidate_external_ref_candidate_id_system_unique" unique ("candidate_id", "system");`,
    );
    this.addSql(
      `alter table "candidate_external_ref" add constraint "candidate_external_ref_firm_id_system_external_id_unique" unique ("firm_id", "system", "external_id");`,
    );

    this.addSql(
      `create table "rubric" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "key" varchar(100) not null, "version" int not null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'RETIRED')) not null default 'DRAFT', "name" jsonb not null, "description" jsonb not null, "published_at" timestamptz null, constraint "rubric_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rubric_firm_id_index" on "rubric" ("firm_id");`);
    this.addSql(`alter table "rubric" add constraint "rubric_firm_id_key_version_unique" unique ("firm_id", "key", "version");`);

    this.addSql(
      `create table "competency" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "rubric_id" uuid not null, "key" varchar(60) not null, "position" int not null, "name" jsonb not null, "description" jsonb not null, "indicators" jsonb not null, "questions" jsonb not null, "anchors" jsonb not null, constraint "competency_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "competency_firm_id_index" on "competency" ("firm_id");`);
    this.addSql(`create index "competency_rubric_id_index" on "competency" ("rubric_id");`);
    this.addSql(`alter table "competency" add constraint "competency_rubric_id_key_unique" unique ("rubric_id", "key");`);

    this.addSql(
      `create table "mandate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "title" varchar(200) not null, "client_id" uuid not null, "leadership_level" text check ("leadership_level" in ('EXECUTIVE', 'SENIOR', 'FRONTLINE')) not null, "location" varchar(200) null, "lead_recruiter_id" uuid not null, "status" text check ("status" in ('DRAFT', 'OPEN', 'PRESENTED', 'FILLED', 'CANCELLED')) not null default 'DRAFT', "rubric_id" uuid not null, "version" int not null default 1, constraint "mandate_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "mandate_firm_id_index" on "mandate" ("firm_id");`);
    this.addSql(`create index "mandate_client_id_index" on "mandate" ("client_id");`);
    this.addSql(`create index "mandate_lead_recruiter_id_index" on "mandate" ("lead_recruiter_id");`);
    this.addSql(`create index "mandate_rubric_id_index" on "mandate" ("rubric_id");`);

    this.addSql(
      `create table "requirement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "mandate_id" uuid not null, "competency_key" varchar(60) not null, "weight" smallint not null, "target" smallint not null, "minimum" smallint null, constraint "requirement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "requirement_firm_id_index" on "requirement" ("firm_id");`);
    this.addSql(`create index "requirement_mandate_id_index" on "requirement" ("mandate_id");`);
    this.addSql(
      `alter table "requirement" add constraint "requirement_mandate_id_competency_key_unique" unique ("mandate_id", "competency_key");`,
    );

    this.addSql(
      `create table "candidacy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "mandate_id" uuid not null, "candidate_id" uuid not null, "stage" text check ("stage" in ('SOURCED', 'SCREENING', 'INTERVIEWING', 'SHORTLISTED', 'PRESENTED', 'OFFER', 'PLACED', 'REJECTED', 'WITHDRAWN')) not null default 'SOURCED', constraint "candidacy_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "candidacy_firm_id_index" on "candidacy" ("firm_id");`);
    this.addSql(`create index "candidacy_mandate_id_index" on "candidacy" ("mandate_id");`);
    this.addSql(`create index "candidacy_candidate_id_index" on "candidacy" ("candidate_id");`);
    this.addSql(`alter table "candidacy" add constraint "candidacy_mandate_id_candidate_id_unique" unique ("mandate_id", "candidate_id");`);

    this.addSql(
      `create table "interview" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "candidacy_id" uuid not null, "kind" text check ("kind" in ('SCREENING', 'COMPETENCY', 'CLIENT')) not null, "scheduled_at" timestamptz not null, constraint "interview_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "interview_firm_id_index" on "interview" ("firm_id");`);
    this.addSql(`create index "interview_candidacy_id_index" on "interview" ("candidacy_id");`);

    this.addSql(
      `create table "scorecard" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "interview_id" uuid not null, "interviewer_id" uuid not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED')) not null default 'DRAFT', "submitted_at" timestamptz null, "latest_revision_id" uuid null, "version" int not null default 1, constraint "scorecard_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "scorecard_firm_id_index" on "scorecard" ("firm_id");`);
    this.addSql(`create index "scorecard_interview_id_index" on "scorecard" ("interview_id");`);
    this.addSql(`create index "scorecard_interviewer_id_index" on "scorecard" ("interviewer_id");`);
    this.addSql(`alter table "scorecard" add constraint "scorecard_latest_revision_id_unique" unique ("latest_revision_id");`);
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interview_id_interviewer_id_unique" unique ("interview_id", "interviewer_id");`,
    );

    this.addSql(
      `create table "scorecard_revision" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "scorecard_id" uuid not null, "number" int not null, "recommendation" text check ("recommendation" in ('STRONG_NO', 'NO', 'YES', 'STRONG_YES')) not null, "summary" text null, "reason" text null, "author_id" uuid not null, constraint "scorecard_revision_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "scorecard_revision_firm_id_index" on "scorecard_revision" ("firm_id");`);
    this.addSql(`create index "scorecard_revision_scorecard_id_index" on "scorecard_revision" ("scorecard_id");`);
    this.addSql(
      `alter table "scorecard_revision" add constraint "scorecard_revision_scorecard_id_number_unique" unique ("scorecard_id", "number");`,
    );

    this.addSql(
      `create table "rating" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "revision_id" uuid not null, "competency_key" varchar(60) not null, "score" smallint null, "evidence" text null, constraint "rating_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "rating_firm_id_index" on "rating" ("firm_id");`);
    this.addSql(`create index "rating_revision_id_index" on "rating" ("revision_id");`);
    this.addSql(`alter table "rating" add constraint "rating_revision_id_competency_key_unique" unique ("revision_id", "competency_key");`);

    this.addSql(
      `create table "candidacy_stage_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "firm_id" uuid not null, "candidacy_id" uuid not null, "from_stage" text check ("from_stage" in ('SOURCED', 'SCREENING', 'INTERVIEWING', 'SHORTLISTED', 'PRESENTED', 'OFFER', 'PLACED', 'REJECTED', 'WITHDRAWN')) null, "to_stage" text check ("to_stage" in ('SOURCED', 'SCREENING', 'INTERVIEWING', 'SHORTLISTED', 'PRESENTED', 'OFFER', 'PLACED', 'REJECTED', 'WITHDRAWN')) not null, "reason" text null, "moved_by_id" uuid null, constraint "candidacy_stage_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "candidacy_stage_change_firm_id_index" on "candidacy_stage_change" ("firm_id");`);
    this.addSql(`create index "candidacy_stage_change_candidacy_id_index" on "candidacy_stage_change" ("candidacy_id");`);

    this.addSql(
      `alter table "client" add constraint "client_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "candidate" add constraint "candidate_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "candidate_external_ref" add constraint "candidate_external_ref_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidate_external_ref" add constraint "candidate_external_ref_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "rubric" add constraint "rubric_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "competency" add constraint "competency_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "competency" add constraint "competency_rubric_id_foreign" foreign key ("rubric_id") references "rubric" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "mandate" add constraint "mandate_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "mandate" add constraint "mandate_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "mandate" add constraint "mandate_lead_recruiter_id_foreign" foreign key ("lead_recruiter_id") references "user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "mandate" add constraint "mandate_rubric_id_foreign" foreign key ("rubric_id") references "rubric" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "requirement" add constraint "requirement_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "requirement" add constraint "requirement_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "candidacy" add constraint "candidacy_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidacy" add constraint "candidacy_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "candidacy" add constraint "candidacy_candidate_id_foreign" foreign key ("candidate_id") references "candidate" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "interview" add constraint "interview_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_candidacy_id_foreign" foreign key ("candidacy_id") references "candidacy" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "scorecard" add constraint "scorecard_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_interviewer_id_foreign" foreign key ("interviewer_id") references "user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "scorecard" add constraint "scorecard_latest_revision_id_foreign" foreign key ("latest_revision_id") references "scorecard_revision" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "scorecard_revision" add constraint "scorecard_revision_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scorecard_revision" add constraint "scorecard_revision_scorecard_id_foreign" foreign key ("scorecard_id") references "scorecard" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scorecard_revision" add constraint "scorecard_revision_author_id_foreign" foreign key ("author_id") references "user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "rating" add constraint "rating_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "rating" add constraint "rating_revision_id_foreign" foreign key ("revision_id") references "scorecard_revision" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "candidacy_stage_change" add constraint "candidacy_stage_change_firm_id_foreign" foreign key ("firm_id") references "firm" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidacy_stage_change" add constraint "candidacy_stage_change_candidacy_id_foreign" foreign key ("candidacy_id") references "candidacy" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "candidacy_stage_change" add constraint "candidacy_stage_change_moved_by_id_foreign" foreign key ("moved_by_id") references "user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "user" add constraint "user_client_id_foreign" foreign key ("client_id") references "client" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user" drop constraint "user_client_id_foreign";`);

    this.addSql(`alter table "mandate" drop constraint "mandate_client_id_foreign";`);

    this.addSql(`alter table "candidate_external_ref" drop constraint "candidate_external_ref_candidate_id_foreign";`);

    this.addSql(`alter table "candidacy" drop constraint "candidacy_candidate_id_foreign";`);

    this.addSql(`alter table "competency" drop constraint "competency_rubric_id_foreign";`);

    this.addSql(`alter table "mandate" drop constraint "mandate_rubric_id_foreign";`);

    this.addSql(`alter table "requirement" drop constraint "requirement_mandate_id_foreign";`);

    this.addSql(`alter table "candidacy" drop constraint "candidacy_mandate_id_foreign";`);

    this.addSql(`alter table "interview" drop constraint "interview_candidacy_id_foreign";`);

    this.addSql(`alter table "candidacy_stage_change" drop constraint "candidacy_stage_change_candidacy_id_foreign";`);

    this.addSql(`alter table "scorecard" drop constraint "scorecard_interview_id_foreign";`);

    this.addSql(`alter table "scorecard_revision" drop constraint "scorecard_revision_scorecard_id_foreign";`);

    this.addSql(`alter table "scorecard" drop constraint "scorecard_latest_revision_id_foreign";`);

    this.addSql(`alter table "rating" drop constraint "rating_revision_id_foreign";`);

    this.addSql(`drop table if exists "client" cascade;`);

    this.addSql(`drop table if exists "candidate" cascade;`);

    this.addSql(`drop table if exists "candidate_external_ref" cascade;`);

    this.addSql(`drop table if exists "rubric" cascade;`);

    this.addSql(`drop table if exists "competency" cascade;`);

    this.addSql(`drop table if exists "mandate" cascade;`);

    this.addSql(`drop table if exists "requirement" cascade;`);

    this.addSql(`drop table if exists "candidacy" cascade;`);

    this.addSql(`drop table if exists "interview" cascade;`);

    this.addSql(`drop table if exists "scorecard" cascade;`);

    this.addSql(`drop table if exists "scorecard_revision" cascade;`);

    this.addSql(`drop table if exists "rating" cascade;`);

    this.addSql(`drop table if exists "candidacy_stage_change" cascade;`);
  }
}
