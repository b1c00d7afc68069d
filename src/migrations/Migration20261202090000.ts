import { Migration } from '@mikro-orm/migrations';

// The maintained competency profile behind Mandate.talentPool (issue 17): per candidacy and
// competency key, the sum and count of its counted ratings and when it was last assessed.
// One row per candidacy (not per candidate) so that a viewer's blind candidacies can be left out
// at read time; a candidate's profile is the sum of their rows. Filled from the ratings already
// there; from now on kept by refreshCandidateProfiles in every transaction that changes it.
export class Migration20261202090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "candidate_competency_profile" (
         "firm_id" uuid not null,
         "candidate_id" uuid not null references "candidate" ("id") on delete cascade,
         "candidacy_id" uuid not null references "candidacy" ("id") on delete cascade,
         "mandate_id" uuid not null,
         "competency_key" varchar(60) not null,
         "score_sum" int not null,
         "ratings_count" int not null check ("ratings_count" > 0),
         "last_assessed_at" timestamptz not null,
         constraint "candidate_competency_profile_pkey" primary key ("candidacy_id", "competency_key"));`,
    );
    // The pool reads by firm and competency key (the profile's weighted keys), then per candidate.
    this.addSql(
      `create index "candidate_competency_profile_pool_index" on "candidate_competency_profile"
         ("firm_id", "competency_key", "candidate_id") include ("candidacy_id", "score_sum", "ratings_count", "last_assessed_at");`,
    );
    this.addSql(`create index "candidate_competency_profile_candidate_index" on "candidate_competency_profile" ("candidate_id");`);
    this.addSql(
      `insert into "candidate_competency_profile"
         ("firm_id", "candidate_id", "candidacy_id", "mandate_id", "competency_key", "score_sum", "ratings_count", "last_assessed_at")
       select c.firm_id, c.candidate_id, c.id, c.mandate_id, r.competency_key, sum(r.score), count(*), max(s.submitted_at)
         from candidacy c
         join candidate p on p.id = c.candidate_id and p.erased_at is null and p.consent_status <> 'WITHDRAWN'
         join interview i on i.candidacy_id = c.id
         join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
         join rating r on r.revision_id = s.latest_revision_id and r.score is not null
        group by c.firm_id, c.candidate_id, c.id, c.mandate_id, r.competency_key;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "candidate_competency_profile";`);
  }
}
