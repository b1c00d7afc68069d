import { Migration } from '@mikro-orm/migrations';

// The talent pool's match order built ahead (issue 17): a change of a pooled mandate's requirement
// profile drops its order (setRequirementProfile) and asks, in the same transaction, for it to be
// built again in the background. A row here is that request (an outbox, as webhook_delivery's
// queued_at): the match-order relay puts it on the pg-boss queue (queued_at), the job builds the
// order and deletes the row if no newer change asked again meanwhile (requested_at).
export class Migration20261202194500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "talent_pool_match_wanted" (
         "firm_id" uuid not null,
         "mandate_id" uuid not null references "mandate" ("id") on delete cascade,
         "requested_at" timestamptz not null,
         "queued_at" timestamptz null,
         constraint "talent_pool_match_wanted_pkey" primary key ("mandate_id"));`,
    );
    this.addSql(`create index "talent_pool_match_wanted_firm_id_index" on "talent_pool_match_wanted" ("firm_id");`);
    // The relay's work: requests not on the queue yet.
    this.addSql(
      `create index "talent_pool_match_wanted_unqueued_index" on "talent_pool_match_wanted" ("requested_at") where "queued_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "talent_pool_match_wanted";`);
  }
}
