import { Migration } from '@mikro-orm/migrations';

// Panel focus: the competency keys each panelist is to probe.
export class Migration20261202083418 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "scorecard" add column "focus_competency_keys" text[] not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "scorecard" drop column "focus_competency_keys";`);
  }
}
