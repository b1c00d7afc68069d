import { Migration } from '@mikro-orm/migrations';

// The reads of a request as one audit row per type of object and set of fields (issue 16): a
// page of 50 candidates with their email wrote 50 rows through five indexes, about two thirds
// of the page's PostgreSQL time. `object_ids` names every object of a row; old rows get their one
// object, so the filter by object reads one column. Its GIN index replaces the btree on object_id,
// which no query uses any more.
export class Migration20261203071000 extends Migration {
  override async up(): Promise<void> {
    // The default is for a build that does not know the column yet (during a deploy: the rows it
    // writes then name no object here, so the filter by object misses them); this build's writers
    // always name it.
    this.addSql(`alter table "audit_event" add column "object_ids" uuid[] not null default '{}';`);
    this.addSql(`update "audit_event" set "object_ids" = array["object_id"] where "object_id" is not null;`);
    this.addSql(`create index "audit_event_object_ids_index" on "audit_event" using gin ("object_ids");`);
    this.addSql(`drop index "audit_event_firm_id_object_id_occurred_at_index";`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index "audit_event_firm_id_object_id_occurred_at_index" on "audit_event" ("firm_id", "object_id", "occurred_at");`);
    this.addSql(`drop index "audit_event_object_ids_index";`);
    this.addSql(`alter table "audit_event" drop column "object_ids";`);
  }
}
