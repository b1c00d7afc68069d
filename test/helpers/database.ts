import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/config/orm.config';
import { entities } from '../../src/server/features';

// A new database of its own, brought up to date by the real migrations.
export async function createTestDatabase(): Promise<MikroORM> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
  const database = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const orm = await MikroORM.init(ormOptions(url.toString(), entities));
  await orm.getMigrator().up();
  return orm;
}
