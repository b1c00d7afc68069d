import { Migration } from '@mikro-orm/migrations';

// The talent pool's per-candidate rollup (issue 17, performance): per candidate and competency
// key, the sums of the per-candidacy profile (Migration20261202090000) — score sum, ratings count,
// mandates count (one candidacy per mandate and candidate) and last assessed. The pool reads this
// instead of grouping the candidacy rows on every request; only candidates with one of the
// viewer's blind candidacies are pooled from the per-candidacy rows. Kept by
// refreshCandidateProfiles in the same statements as the per-candidacy rows.
export class Migration20261202142000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "candidate_competency_rollup" (
         "firm_id" uuid not null,
         "candidate_id" uuid not null references "candidate" ("id") on delete cascade,
         "competency_key" varchar(60) not null,
         "score_sum" int not null,
         "ratings_count" int not null check ("ratings_count" > 0),
         "mandates_count" int not null check ("mandates_count" > 0),
         "last_assessed_at" timestamptz not null,
         constraint "candidate_competency_rollup_pkey" primary key ("firm_id", "candidate_id", "competency_key"));`,
    );
    // The pool reads the weighted keys of one firm, index-only: every figure it needs is included.
    this.addSql(
      `create index "candidate_competency_rollup_pool_index" on "candidate_competency_rollup"
         ("firm_id", "competency_key", "candidate_id") include ("score_sum", "ratings_count", "last_assessed_at");`,
    );
    this.addSql(
      `insert into "candidate_competency_rollup"
         ("firm_id", "candidate_id", "competency_key", "score_sum", "ratings_count", "mandates_count", "last_assessed_at")
       select firm_id, candidate_id, competency_key, sum(score_sum), sum(ratings_count), count(*), max(last_assessed_at)
         from "candidate_competency_profile"
        group by firm_id, candidate_id, competency_key;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "candidate_competency_rollup";`);
  }
}
