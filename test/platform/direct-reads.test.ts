import type { EntityManager } from '@mikro-orm/postgresql';
import { readArrays } from '../../src/common/rows';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The read path's statements run on pg with their rows as the protocol's own arrays, parsed in
// place (ArrayRowsQuery, src/config/direct-reads.ts, which relies on pg's Query internals): the
// values must be those of pg's own parsers for each column type, nulls kept, rows in order, and a
// failed statement must reject and leave the connection usable.

let app: TestApp;
let em: EntityManager;

beforeAll(async () => {
  app = await startTestApp();
  em = app.em() as EntityManager;
});
afterAll(() => app.close());

it('should hand back each column as pg parses its type, nulls kept, rows in order', async () => {
  const rows = await readArrays(
    em,
    `select v.n::int4 as i, v.t as t, v.b as b, v.n::int8 as big, (v.n * 0.25)::numeric(4, 2) as num,
            '2026-01-02 03:04:05+00'::timestamptz as ts, v.a as a, v.j as j
       from (values (1, 'one', true, array['x', 'y,z'], '{"k": [1]}'::jsonb),
                    (2, null, false, null::text[], null::jsonb),
                    (?::int4, ?::text, null::boolean, array[]::text[], '"s"'::jsonb)) v(n, t, b, a, j)
      order by v.n`,
    [3, 'three'],
  );
  const ts = rows[0][5];
  expect(rows).toEqual([
    [1, 'one', true, '1', '0.25', ts, ['x', 'y,z'], { k: [1] }],
    [2, null, false, '2', '0.50', ts, null, null],
    [3, 'three', null, '3', '0.75', ts, [], 's'],
  ]);
  // Timestamps stay as PostgreSQL wrote them: MikroORM's parser (and the plain rows') reads them.
  expect(typeof ts).toBe('string');
  expect(new Date(ts as string).toISOString()).toBe('2026-01-02T03:04:05.000Z');
});

it('should reject a failed statement with its text, and read again on the same pool afterwards', async () => {
  await expect(readArrays(em, 'select 1 / (? - 1) as x', [1])).rejects.toThrow(/select 1 \/ \(\? - 1\) as x - division by zero/);
  expect(await readArrays(em, 'select ?::int4 + 1 as x', [41])).toEqual([[42]]);
  expect(await readArrays(em, 'select x from generate_series(1, 0) x', [])).toEqual([]);
});
