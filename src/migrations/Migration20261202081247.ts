import { Migration } from '@mikro-orm/migrations';

// The interview's life: status, length, place, video link, version, held/due/cancelled times; and the
// firm's setting for when scorecards fall due after an interview is held.
export class Migration20261202081247 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "firm" add column "scorecard_due_hours" int not null default 24;`);

    this.addSql(
      `alter table "interview" add column "status" text check ("status" in ('SCHEDULED', 'HELD', 'CANCELLED', 'NO_SHOW')) not null default 'SCHEDULED', add column "duration_minutes" smallint not null default 60, add column "location" varchar(200) null, add column "video_link" varchar(500) null, add column "version" int not null default 1, add column "held_at" timestamptz null, add column "scorecards_due_at" timestamptz null, add column "cancelled_at" timestamptz null, add column "cancellation_reason" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "firm" drop column "scorecard_due_hours";`);

    this.addSql(
      `alter table "interview" drop column "status", drop column "duration_minutes", drop column "location", drop column "video_link", drop column "version", drop column "held_at", drop column "scorecards_due_at", drop column "cancelled_at", drop column "cancellation_reason";`,
    );
  }
}
