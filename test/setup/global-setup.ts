import path from 'node:path';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { findFreePort, startEmbeddedPostgres } from '../../src/config/embedded-postgres';

// One real PostgreSQL for the whole run: embedded and thrown away afterwards, or the server
// DATABASE_URL names. Each test file makes its own database in it (see test-app.ts).
// No ORM here: entity metadata loaded in this realm would clash with the test files' realm.
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const database = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), `outside-in-test-${process.pid}-${Date.now()}`),
      port: await findFreePort(),
      databaseName: 'postgres',
      persistent: false,
    });
    (globalThis as { embeddedDatabase?: { stop(): Promise<void> } }).embeddedDatabase = database;
    adminUrl = database.url;
  }
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  // The migrated database every test file's database is copied from (test/helpers/database.ts):
  // one per run, so that a server DATABASE_URL names never serves a template of older migrations.
  process.env.TEST_TEMPLATE_DATABASE = `test_template_${randomBytes(8).toString('hex')}`;
  // The key that seals secrets at rest (DATA_ENCRYPTION_KEY), one per run unless one is given.
  process.env.DATA_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
}
