import { Migration } from '@mikro-orm/migrations';

// Colleagues: a user can be deactivated (kept, with their work, but unable to sign in), and
// updateUser locks optimistically on a version.
export class Migration20261202093500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "user" add column "deactivated_at" timestamptz null, add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "user" drop column "deactivated_at", drop column "version";`);
  }
}
