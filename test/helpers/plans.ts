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
// of the firm's rows of that table.
export async function firmWideScans(app: TestApp, statements: RecordedStatement[], sizes: Map<string, number>): Promise<string[]> {
  const offenders: string[] = [];
  const connection = app.em().getConnection();
  for (const { sql, bindings } of readStatements(statements)) {
    const [explained] = await connection.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
      `explain (analyze, format json) ${sql}`,
      bindings,
    );
    for (const scan of scans(explained['QUERY PLAN'][0].Plan, sizes)) {
      if (scan.rows > sizes.get(scan.table)! / 4)
        offenders.push(`${scan.table}: ${scan.rows} of ${sizes.get(scan.table)} rows in ${sql.slice(0, 160)}`);
    }
  }
  return offenders;
}
