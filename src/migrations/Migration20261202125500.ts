import { Migration } from '@mikro-orm/migrations';

// Read-your-writes with read replicas (src/server/read-routing.ts): the primary's WAL position
// after each principal's last mutation, seen by every API process. A query of that principal
// reads from a replica only once the replica has replayed up to it. Written by SQL only.
export class Migration20261202125500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "principal_write" (` +
        `"firm_id" uuid not null references "firm" ("id") on delete cascade, ` +
        // A user's or an API key's id.
        `"principal_id" uuid not null, ` +
        `"lsn" pg_lsn not null, ` +
        `primary key ("firm_id", "principal_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "principal_write";`);
  }
}
