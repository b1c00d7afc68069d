import { Migration } from '@mikro-orm/migrations';

// The reads of a request as one audit row per type of object and set of fields (issue 16): a
// page of 50 candidates with their email wrote 50 rows through five indexes, about two thirds
// of the page's PostgreSQL time. `object_ids` names the objects of a row of several; the filter
// by object reads `object_id` or `object_ids`. Nothing is rewritten: adding a column with a
// constant default is instant, and older rows (and rows an older build writes during a deploy)
// keep their one object in `object_id`, which keeps its index. The GIN index is built with one
// scan of the log (writes wait for it; on a very large log, build it beforehand with
// `create index concurrently … ` under the same name).
export class Migration20261203071000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" add column "object_ids" uuid[] not null default '{}';`);
    this.addSql(`create index if not exists "audit_event_object_ids_index" on "audit_event" using gin ("object_ids");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_event_object_ids_index";`);
    this.addSql(`alter table "audit_event" drop column "object_ids";`);
  }
}
