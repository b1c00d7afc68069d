import fs from 'node:fs';
import { buildAppSchema, printAppSchema } from '../../src/server/schema';
import { createTestDatabase } from '../helpers/test-app';

describe('schema and migrations', () => {
  it('should have schema/schema.graphql equal to the schema the server runs with', async () => {
    const committed = fs.readFileSync('schema/schema.graphql', 'utf8');
    expect(committed).toBe(printAppSchema(await buildAppSchema()));
  });

  it('should leave nothing for the entities to change after all migrations ran', async () => {
    const orm = await createTestDatabase();
    try {
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('should put an indexed firm_id on every table but the firms themselves', async () => {
    const orm = await createTestDatabase();
    try {
      const tables: { table_name: string; scoped: boolean }[] = await orm.em.getConnection().execute(`
        select t.table_name,
               exists (select 1 from information_schema.columns c
                       where c.table_name = t.table_name and c.column_name = 'firm_id')
           and exists (select 1 from pg_indexes i
                       where i.tablename = t.table_name and i.indexdef like '%(firm_id%') as scoped
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and t.table_name not in ('firm', 'mikro_orm_migrations')
        order by t.table_name`);
      expect(tables.length).toBeGreaterThanOrEqual(3);
      const rows = tables.filter((table) => !table.scoped);
      expect(rows).toEqual([]);
    } finally {
      await orm.close(true);
    }
  });
});
