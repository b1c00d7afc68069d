import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/config/orm.config';
import { entities } from '../../src/server/features';

function urlOf(database: string): string {
  const url = new URL(process.env.TEST_ADMIN_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

// The real migrations run once per test run, into a template database (its name comes from
// test/setup/global-setup.ts); each test file's database is a copy of it. A copy takes a tenth of
// what the migrations take, and ~100 files each paid for them. The first file to get here makes
// the template, the others wait for it on an advisory lock.
async function ensureTemplate(admin: pg.Client, template: string): Promise<void> {
  await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (rowCount) return;
    await admin.query(`create database ${template}`);
    // No connection may stay open to a template: close the ORM before others copy it.
    const orm = await MikroORM.init(ormOptions(urlOf(template), entities, { pool: { min: 0, max: 2 } }));
    try {
      await orm.getMigrator().up();
    } catch (error) {
      await orm.close(true);
      await admin.query(`drop database ${template}`);
      throw error;
    }
    await orm.close(true);
  } finally {
    await admin.query('select pg_advisory_unlock(hashtext($1))', [template]);
  }
}

// A new database of its own, brought up to date by the real migrations.
export async function createTestDatabase(): Promise<MikroORM> {
  const template = process.env.TEST_TEMPLATE_DATABASE;
  const database = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL! });
  await admin.connect();
  try {
    if (template) {
      await ensureTemplate(admin, template);
      await admin.query(`create database ${database} template ${template}`);
    } else {
      await admin.query(`create database ${database}`);
    }
  } finally {
    await admin.end();
  }
  const orm = await MikroORM.init(ormOptions(urlOf(database), entities));
  if (!template) await orm.getMigrator().up();
  return orm;
}
