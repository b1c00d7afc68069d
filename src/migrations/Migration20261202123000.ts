import { Migration } from '@mikro-orm/migrations';

// Where a candidate put into a mandate came from (issue 17: a match of the talent pool), on the
// first entry of the candidacy's history; the first entries written before it were direct.
export class Migration20261202123000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "candidacy_stage_change" add column "source" text check ("source" in ('DIRECT', 'TALENT_POOL')) null;`);
    this.addSql(`update "candidacy_stage_change" set "source" = 'DIRECT' where "from_stage" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "candidacy_stage_change" drop column "source";`);
  }
}
