import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { embeddedDatabase?: { stop(): Promise<void> } }).embeddedDatabase;
  if (embedded) {
    await embedded.stop();
    return;
  }
  // A server DATABASE_URL names outlives the run: the run's template goes (the embedded one is thrown away whole).
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!template || !process.env.TEST_ADMIN_DATABASE_URL) return;
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${template}`);
  } finally {
    await admin.end();
  }
}
