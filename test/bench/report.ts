import type { StatementRow } from './database-stats';
import type { LoadResult } from './load';
import type { OperationName } from './operations';

export interface ServerRun extends LoadResult {
  sqlStatementsPerRequest: number;
  serverCpuMsPerRequest: number;
  // The whole PostgreSQL cluster's CPU per request (null where /proc is not readable).
  postgresCpuMsPerRequest: number | null;
  peakRssMb: number;
  otherProcessesCores: number | null;
  // The most frequent statements of the timed run.
  statements: StatementRow[];
}

export interface OperationReport {
  name: OperationName;
  title: string;
  // What the server is compared with: one hand-written SQL statement, unless said here (the
  // calibrated ranking is compared with the server's own uncalibrated one).
  limitLabel?: string;
  app: ServerRun;
  limit: ServerRun;
  // app req/s ÷ limit req/s.
  ratio: number;
  // limit CPU per request ÷ app CPU per request (Node + PostgreSQL): what the throughput ratio
  // would be on a machine where CPU is all that counts; steadier than req/s on a busy machine.
  cpuRatio: number | null;
  sameAnswer: boolean;
  answerDifference: string | null;
  responseBytes: { app: number; limit: number };
  // Objects in one answer (every JSON object of its data), and Node CPU per object in µs.
  objectsPerResponse: number;
  serverCpuUsPerObject: number;
  // For a latency target: both servers again with one connection, one request at a time (the
  // latency one caller sees; with 10 connections it is mostly queueing).
  singleConnection?: { app: ServerRun; limit: ServerRun };
  // Not a target: a third server in the same slices, e.g. the limit statement that also writes
  // the read audit row (the floor of any server that audits the page), with its req/s ratio to the
  // limit and ours to it.
  reference?: { label: string; run: ServerRun; ratioToLimit: number; oursToReference: number };
}

// The same read on the big firm and on a small one in the same database (issue 16).
export interface FirmComparison {
  operation: OperationName;
  candidates: { big: number; small: number };
  postgresCpuMsPerRequest: { big: number; small: number };
  ratio: number;
}

export interface TargetCheck {
  target: string;
  value: string;
  pass: boolean;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  options: {
    seed: number;
    candidates: number;
    seconds: number;
    warmupSeconds: number;
    connections: number;
    slices: number;
    serverFlags: string[];
    smallFirm: number;
    only: string[] | null;
    latencyRequests: number;
  };
  data: Record<string, number>;
  operations: OperationReport[];
  firmComparison: FirmComparison[];
  rankingStatements: Record<string, { perRequest: number; statements: StatementRow[] }>;
  server: { peakRssMb: number; rssMbAtEnd: number };
  limitServer: { peakRssMb: number };
  targets: TargetCheck[];
  upsert?: unknown;
  // Some run shared the machine with more than DISTURBED_CORES of other work.
  disturbed: boolean;
  totalSeconds: number;
}

export function isDisturbed(operations: OperationReport[]): boolean {
  return operations.some((operation) =>
    [operation.app, operation.limit, operation.singleConnection?.app, operation.singleConnection?.limit].some(
      (run) => (run?.otherProcessesCores ?? 0) > DISTURBED_CORES,
    ),
  );
}

// More CPU than this taken by other processes during a run makes its figures unreliable.
export const DISTURBED_CORES = 0.25;

const fixed = (value: number | null, digits = 1) => (value === null ? 'n/a' : value.toFixed(digits));

export function printReport(report: BenchReport): void {
  const header = [
    'operation',
    'server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'SQL/req',
    'node CPU ms/req',
    'objects',
    'node µs/object',
    'PG CPU ms/req',
    'peak RSS MB',
    'our/limit',
    'CPU ratio',
    'other load',
  ];
  const rows: string[][] = [];
  for (const operation of report.operations) {
    for (const [label, run] of [
      ['Outside-In', operation.app],
      [operation.limitLabel ?? 'limit (1 SQL)', operation.limit],
      ...(operation.reference ? [[operation.reference.label, operation.reference.run] as const] : []),
    ] as const) {
      rows.push([
        label === 'Outside-In' ? operation.name : '',
        label,
        fixed(run.requestsPerSecond),
        fixed(run.latencyMs.p50, 0),
        fixed(run.latencyMs.p99, 0),
        fixed(run.sqlStatementsPerRequest, 2),
        fixed(run.serverCpuMsPerRequest, 2),
        label === 'Outside-In' ? String(operation.objectsPerResponse) : '',
        fixed((1000 * run.serverCpuMsPerRequest) / Math.max(1, operation.objectsPerResponse), 1),
        fixed(run.postgresCpuMsPerRequest, 2),
        fixed(run.peakRssMb, 0),
        label === 'Outside-In'
          ? fixed(operation.ratio, 2)
          : label === operation.reference?.label
            ? fixed(operation.reference.ratioToLimit, 2)
            : '',
        label === 'Outside-In' ? fixed(operation.cpuRatio, 2) : '',
        fixed(run.otherProcessesCores, 2),
      ]);
    }
  }
  console.log('');
  console.log(
    `Outside-In benchmark — ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}; ` +
      `${report.options.connections} connections, ${report.options.warmupSeconds} s warm-up + ` +
      `${report.options.seconds} s per server (${report.options.slices} alternating slices)` +
      (report.options.serverFlags.length > 0 ? `; server flags: ${report.options.serverFlags.join(' ')}` : ''),
  );
  console.log(
    `Data (seed ${report.options.seed}): ${['candidate', 'mandate', 'candidacy', 'interview', 'scorecard', 'rating']
      .map((table) => `${report.data[table]?.toLocaleString('en-US')} ${table}s`)
      .join(', ')}`,
  );
  console.log('');
  console.log(table(header, rows));
  console.log('');
  const single = report.operations.filter((operation) => operation.singleConnection);
  if (single.length > 0) {
    console.log(`One connection, one request at a time (${report.options.latencyRequests} requests per server, alternating slices):`);
    console.log(
      table(
        ['operation', 'server', 'requests', 'p50 ms', 'p99 ms', 'mean ms', 'node CPU ms/req', 'PG CPU ms/req', 'other load'],
        single.flatMap((operation) =>
          (
            [
              ['Outside-In', operation.singleConnection!.app],
              [operation.limitLabel ?? 'limit (1 SQL)', operation.singleConnection!.limit],
            ] as const
          ).map(([label, run]) => [
            label === 'Outside-In' ? operation.name : '',
            label,
            String(run.requests),
            fixed(run.latencyMs.p50, 1),
            fixed(run.latencyMs.p99, 1),
            fixed(run.latencyMs.mean, 1),
            fixed(run.serverCpuMsPerRequest, 2),
            fixed(run.postgresCpuMsPerRequest, 2),
            fixed(run.otherProcessesCores, 2),
          ]),
        ),
      ),
    );
    console.log('');
  }
  if (Object.keys(report.rankingStatements).length > 0)
    console.log(
      `SQL statements per ranking request: ${Object.entries(report.rankingStatements)
        .map(([first, { perRequest }]) => `first ${first} → ${perRequest}`)
        .join(', ')}`,
    );
  console.log('');
  console.log(
    table(
      ['target', 'measured', 'result'],
      report.targets.map((check) => [check.target, check.value, check.pass ? 'PASS' : 'MISS']),
      false,
    ),
  );
  console.log('');
  console.log('our/limit: req/s ratio. CPU ratio: limit ÷ our CPU per request (Node + PostgreSQL).');
  for (const operation of report.operations.filter((each) => each.reference)) {
    const { label, ratioToLimit, oursToReference } = operation.reference!;
    console.log(
      `${operation.name}: "${label}" (not a target) is ${fixed(ratioToLimit, 2)} × the limit; ours is ${fixed(oursToReference, 2)} × it.`,
    );
  }
  console.log('"other load": cores busy with processes outside the benchmark during the run (0 = a quiet machine).');
  if (report.disturbed) {
    console.log(
      `WARNING: other processes used more than ${DISTURBED_CORES} cores during some runs; the figures are disturbed. Run again on a quiet machine.`,
    );
  }
  console.log(`Total ${report.totalSeconds.toFixed(0)} s.`);
}

function table(header: string[], rows: string[][], alignNumbers = true): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const numeric = (text: string) => alignNumbers && /^[\d.,\sn/a-]+$/.test(text) && text !== '';
  const line = (cells: string[]) =>
    cells.map((cell, column) => (numeric(cell) && column > 0 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
