import { Migration } from '@mikro-orm/migrations';

// The talent pool's maintained match order (issue 17, performance): per mandate and pooled
// candidate, §3c's figures (fit, coverage, mustHavesMet, last assessed) and the pool's sort keys,
// with an index in exactly the pool's order, so a page is an index walk that stops after the page.
// Built lazily by the first talentPool read of a mandate (talent_pool_match_built records the
// requirement profile it was built for); from then on kept by refreshCandidateProfiles in every
// transaction that moves the rollup. A changed profile makes the marker stale: the next read
// rebuilds. Both go with their mandate (and a match with its candidate).
export class Migration20261202151000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "talent_pool_match_built" (
         "firm_id" uuid not null,
         "mandate_id" uuid not null references "mandate" ("id") on delete cascade,
         "profile_digest" text not null,
         "built_at" timestamptz not null,
         constraint "talent_pool_match_built_pkey" primary key ("firm_id", "mandate_id"));`,
    );
    this.addSql(
      `create table "talent_pool_match" (
         "firm_id" uuid not null,
         "mandate_id" uuid not null references "mandate" ("id") on delete cascade,
         "candidate_id" uuid not null references "candidate" ("id") on delete cascade,
         "fit" float8 null,
         "coverage" float8 not null,
         "must_haves_met" boolean null,
         "last_assessed_at" timestamptz not null,
         "missed_rank" int not null,
         "unknown_fit_rank" int not null,
         "fit_key" float8 not null,
         "coverage_key" float8 not null,
         "assessed_key" bigint not null,
         constraint "talent_pool_match_pkey" primary key ("firm_id", "candidate_id", "mandate_id"));`,
    );
    // The pool's order (mustHavesMet false last, fit desc nulls last, coverage desc, last assessed
    // desc, candidate id) as ascending keys, so the keyset's row comparison is an index condition.
    this.addSql(
      `create index "talent_pool_match_order_index" on "talent_pool_match"
         ("firm_id", "mandate_id", "missed_rank", "unknown_fit_rank", "fit_key", "coverage_key", "assessed_key", "candidate_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "talent_pool_match";`);
    this.addSql(`drop table "talent_pool_match_built";`);
  }
}
