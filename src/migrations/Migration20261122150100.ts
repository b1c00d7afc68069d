import { Migration } from '@mikro-orm/migrations';

// The shared rate-limit buckets (RATE_LIMIT_STORE=postgres): one row per credential, the time its
// bucket is full again (epoch seconds). Its own schema: no entity maps it, and the schema diff of
// the entities leaves it alone (like pg-boss's schema).
export class Migration20261122150100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "rate_limit";`);
    this.addSql(`create table "rate_limit"."bucket" ("key" text not null primary key, "tat" double precision not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop schema "rate_limit" cascade;`);
  }
}
