import { Migration } from '@mikro-orm/migrations';

// The GIN index on audit_event.object_ids takes new rows into a pending list that is merged into
// the index when it passes its limit (4 MB by default), by whichever insert passes it, or by
// autovacuum. The planner counts that list's pages into the cost of every read through the index,
// so with a few MB pending the filter by object turned into a scan of the whole log on a firm of a
// few thousand rows (CI, stop 26), and the insert that merged paid for 4 MB at once. 256 kB keeps
// the estimate close to the index's real cost and each merge small (about 170 page reads' rows).
export class Migration20261203130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter index "audit_event_object_ids_index" set (gin_pending_list_limit = 256);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter index "audit_event_object_ids_index" reset (gin_pending_list_limit);`);
  }
}
