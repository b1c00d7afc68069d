import { Migration } from '@mikro-orm/migrations';

// Mandate.candidacies pages in (created_at, id) order: an index instead of reading and sorting all
// of the mandate's candidacies on every page (2,000 for the benchmark's big mandate).
export class Migration20261202075000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "candidacy_mandate_id_created_at_id_index" on "candidacy" ("mandate_id", "created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidacy_mandate_id_created_at_id_index";`);
  }
}
