import { Migration } from '@mikro-orm/migrations';

// Idempotency keys: what each stored response is about (the ids of the rows it was read from), so
// erasing a candidate deletes every response about them. Rows stored before have none (null).
export class Migration20261202061637 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idempotency_key" add column "subject_ids" uuid[] null;`);
    this.addSql(`create index "idempotency_key_subject_ids_index" on "idempotency_key" using gin ("subject_ids");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "idempotency_key_subject_ids_index";`);
    this.addSql(`alter table "idempotency_key" drop column "subject_ids";`);
  }
}
