import { Migration } from '@mikro-orm/migrations';

// The talent pool's filters on indexes (issue 17, performance). A page walks
// talent_pool_match_order_index and checks each row, which stops early while a filter is common;
// for a selective one the walk would read most of the order before the page is full, so each
// filter also gets an index the planner can start from instead (read the few matching rows, sort
// them): `assessedSince` and `minCoverage` on the match row, `locations` (the same expression as
// the pool's check, which also gives the planner statistics on it) and `languages` on the
// candidate (`tags` has candidate_tags_index already).
export class Migration20261202193000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "talent_pool_match_assessed_index" on "talent_pool_match" ("firm_id", "mandate_id", "last_assessed_at");`);
    this.addSql(`create index "talent_pool_match_coverage_index" on "talent_pool_match" ("firm_id", "mandate_id", "coverage");`);
    this.addSql(`create index "candidate_location_key_index" on "candidate" ("firm_id", lower(trim("location")));`);
    this.addSql(`create index "candidate_languages_index" on "candidate" using gin ("languages");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidate_languages_index";`);
    this.addSql(`drop index "candidate_location_key_index";`);
    this.addSql(`drop index "talent_pool_match_coverage_index";`);
    this.addSql(`drop index "talent_pool_match_assessed_index";`);
  }
}
