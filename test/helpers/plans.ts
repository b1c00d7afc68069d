import pg from 'pg';

// pg's own conversion of a bind value to its text (not in its type definitions).
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): string | null } }).utils.prepareValue;
import type { RecordedStatement, TestApp } from './test-app';

// The shape of a page read (issues 16 and 17): its cost must follow the page, not the firm. These
// look at the plans PostgreSQL really ran (EXPLAIN ANALYZE of the reads the server sent) for scans
// of firm-sized tables that read most of the firm's rows.

// How many rows the firm has in each of `tables`.
export async function firmTableSizes(app: TestApp, firmId: string, tables: readonly string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const table of tables) {
    const [row] = await app
      .em()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from "${table}" where firm_id = ?`, [firmId]);
    sizes.set(table, row.n);
  }
  return sizes;
}

// The statements that only read (EXPLAIN ANALYZE runs what it explains).
export function readStatements(statements: RecordedStatement[]): RecordedStatement[] {
  return statements.filter((statement) => /^\s*(select|with)\b/i.test(statement.sql) && !/\b(insert|update|delete)\b/i.test(statement.sql));
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

// Rows each scan of a firm-sized table produced or threw away, over all its loops.
function scans(
  node: PlanNode,
  sizes: Map<string, number>,
  into: { table: string; rows: number }[] = [],
): { table: string; rows: number }[] {
  const table = node['Relation Name'];
  if (table && sizes.has(table)) {
    const rows = node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
    into.push({ table, rows: rows * node['Actual Loops'] });
  }
  for (const child of node.Plans ?? []) scans(child, sizes, into);
  return into;
}

// Every scan, in the reads among `statements`, of a table of `sizes` that read more than a quarter
// of the firm's rows of that table. Each read is explained with its values (the plan of an unnamed
// statement), and one sent prepared also under its generic plan, the plan PostgreSQL may keep for
// a statement prepared once per connection (src/config/direct-reads.ts).
export async function firmWideScans(app: TestApp, statements: RecordedStatement[], sizes: Map<string, number>): Promise<string[]> {
  const offenders: string[] = [];
  const client = new pg.Client({ connectionString: app.orm.config.get('clientUrl')! });
  await client.connect();
  try {
    for (const { sql, bindings, prepared } of readStatements(statements)) {
      let number = 0;
      const text = sql.replace(/\?/g, () => `$${++number}`);
      const plans: [string, PlanNode][] = [['custom', await customPlan(client, text, bindings)]];
      if (prepared) plans.push(['generic', await genericPlan(client, text, bindings)]);
      for (const [kind, plan] of plans) {
        for (const scan of scans(plan, sizes)) {
          if (scan.rows > sizes.get(scan.table)! / 4)
            offenders.push(`${kind} plan, ${scan.table}: ${scan.rows} of ${sizes.get(scan.table)} rows in ${sql.slice(0, 160)}`);
        }
      }
    }
  } finally {
    await client.end();
  }
  return offenders;
}

type Explained = { 'QUERY PLAN': { Plan: PlanNode }[] };

async function customPlan(client: pg.Client, text: string, values: unknown[]): Promise<PlanNode> {
  const { rows } = await client.query<Explained>(`explain (analyze, format json) ${text}`, values);
  return rows[0]['QUERY PLAN'][0].Plan;
}

async function genericPlan(client: pg.Client, text: string, values: unknown[]): Promise<PlanNode> {
  await client.query('set plan_cache_mode = force_generic_plan');
  await client.query(`prepare plan_check as ${text}`);
  try {
    // EXECUTE takes its values as literals, in the text pg would have sent for them.
    const literal = (value: unknown) => {
      const text = prepareValue(value);
      return text === null ? 'null' : pg.escapeLiteral(text);
    };
    const parameters = values.length > 0 ? `(${values.map(literal).join(', ')})` : '';
    const { rows } = await client.query<Explained>(`explain (analyze, format json) execute plan_check${parameters}`);
    return rows[0]['QUERY PLAN'][0].Plan;
  } finally {
    // Prepared statements outlive transactions: taken back explicitly.
    await client.query('deallocate plan_check');
    await client.query('reset plan_cache_mode');
  }
}
