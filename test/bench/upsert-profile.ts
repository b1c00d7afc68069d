import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { benchmarkUpsert, formatUpsertResult, withUpsertDatabase } from './upsert-bench';

// `node dist/bench/test/bench/upsert-profile.js [--candidates N] [--similar-names] [--explain BATCH]`: the upsert
// bench's measured round under the CPU profiler (the set-up of the firms and the warm-up round are
// not in it), then where the time went: every statement's wall time by its first words, and Node's
// CPU by package and by function (self time). For deciding what to cut; upsert-bench.js measures.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  await withUpsertDatabase('upsert-profile', async (orm, { candidates, similarNames, pgCpuMs }) => {
    const flag = process.argv.indexOf('--explain');
    const statements = timeStatements(orm, flag > 0 ? { batch: Number(process.argv[flag + 1] ?? 10) } : null);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    let profile: Profile | null = null;
    const result = await benchmarkUpsert(orm, candidates, similarNames, {
      pgCpuMs,
      started: async () => {
        statements.clear();
        await session.post('Profiler.start');
      },
      batch: (index) => statements.batch(index),
      finished: async () => {
        profile = (await session.post('Profiler.stop')).profile as unknown as Profile;
        statements.stop();
      },
    });
    session.disconnect();
    console.log(formatUpsertResult(result));
    console.log(`\nstatements of the upsert (wall ms, count):\n${statements.report()}`);
    summarise(profile!);
    if (flag > 0) console.log(`\nplans of batch ${process.argv[flag + 1]}:\n${statements.plans()}`);
  });
}

// Wall time of each statement, keyed by its first words: those of em.execute (the connection's
// execute) and those straight on pg (the driver's readArrays and writeArrays, common/rows.ts).
// With `explain`, the statements of batch `explain.batch` are first run under EXPLAIN (ANALYZE,
// BUFFERS) in a savepoint that is rolled back, then for real: PostgreSQL's side of the time, node
// by node (that batch's figures then include the explained runs; the plans are what it is for).
function timeStatements(orm: MikroORM, explain: { batch: number } | null) {
  type Run = (...args: unknown[]) => Promise<unknown>;
  const connection = orm.em.getConnection() as unknown as { execute: Run };
  const driver = orm.em.getDriver() as unknown as { readArrays: Run; writeArrays: Run };
  const originals = { execute: connection.execute, readArrays: driver.readArrays, writeArrays: driver.writeArrays };
  const totals = new Map<string, { ms: number; count: number }>();
  const plans: string[] = [];
  let explaining = false;
  const sqlOf = (args: unknown[]) => (typeof args[0] === 'string' ? args[0] : String((args[0] as { sql?: string })?.sql ?? args[0]));
  // The plan of one statement, its writes undone: em.execute's (sql, params, method, ctx) or the
  // direct statements' (statement, values, transaction).
  const explainWith = async (original: Run, self: unknown, direct: boolean, args: unknown[]) => {
    const plain = (sql: string) => (direct ? { text: sql, sql } : sql);
    const run = (sql: unknown, values: unknown[]) =>
      direct ? original.call(self, sql, values, args[2]) : original.call(self, sql, values, 'all', args[3]);
    await run(plain('savepoint upsert_explain'), []);
    const statement = args[0] as { text: string; sql: string } | string;
    const explained =
      typeof statement === 'string'
        ? `explain (analyze, buffers) ${statement}`
        : { text: `explain (analyze, buffers) ${statement.text}`, sql: `explain (analyze, buffers) ${statement.sql}` };
    const rows = (await run(explained, args[1] as unknown[])) as unknown[];
    await run(plain('rollback to savepoint upsert_explain'), []);
    const lines = rows.map((row) => (Array.isArray(row) ? row[0] : (row as Record<string, unknown>)['QUERY PLAN']));
    plans.push(`--- ${sqlOf(args).replace(/\s+/g, ' ').trim().slice(0, 100)}\n${lines.join('\n')}`);
  };
  const timed = (original: Run, direct: boolean): Run =>
    async function (this: unknown, ...args: unknown[]) {
      if (explaining && (direct ? args[2] : args[3])) await explainWith(original, this, direct, args);
      const started = process.hrtime.bigint();
      try {
        return await original.apply(this, args);
      } finally {
        const key = sqlOf(args).replace(/\s+/g, ' ').trim().slice(0, 70);
        const entry = totals.get(key) ?? { ms: 0, count: 0 };
        entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
        entry.count += 1;
        totals.set(key, entry);
      }
    };
  connection.execute = timed(originals.execute, false);
  driver.readArrays = timed(originals.readArrays, true);
  driver.writeArrays = timed(originals.writeArrays, true);
  return {
    clear: () => totals.clear(),
    batch: (index: number) => {
      explaining = explain !== null && index === explain.batch;
    },
    stop: () => {
      explaining = false;
      connection.execute = originals.execute;
      driver.readArrays = originals.readArrays;
      driver.writeArrays = originals.writeArrays;
    },
    report: () =>
      [...totals]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([key, { ms, count }]) => `${ms.toFixed(0).padStart(7)} ${String(count).padStart(4)}  ${key}`)
        .join('\n'),
    plans: () => plans.join('\n\n'),
  };
}

function summarise(profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    total += micros;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|dist)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const owner = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node' : url ? 'app' : functionName);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + micros);
  }
  const busy = total - idle;
  // Inclusive time of the app's own functions (each counted once per sample, however deep it recurses).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, micros] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at)!.callFrame;
      if (!/\/(src|test)\//.test(url) || url.includes('node_modules')) continue;
      const name = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(src|test)\//, '$1/')}:${lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
    }
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n');
  console.log(
    `\nprofiled ${(total / 1e6).toFixed(2)} s, Node busy ${(busy / 1e6).toFixed(2)} s, idle (waiting for PostgreSQL) ${(idle / 1e6).toFixed(2)} s` +
      `\n\nby package:\n${top(byPackage, 12)}\n\nby function (self):\n${top(byFunction, 30)}` +
      `\n\napp functions (inclusive):\n${top(inclusive, 25)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
