import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { benchmarkUpsert, formatUpsertResult, withUpsertDatabase } from './upsert-bench';

// `node dist/bench/test/bench/upsert-profile.js [--candidates N] [--similar-names]`: the upsert
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
  await withUpsertDatabase('upsert-profile', async (orm, { candidates, similarNames }) => {
    const statements = timeStatements(orm);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    let profile: Profile | null = null;
    const result = await benchmarkUpsert(orm, candidates, similarNames, {
      started: async () => {
        statements.clear();
        await session.post('Profiler.start');
      },
      finished: async () => {
        profile = (await session.post('Profiler.stop')).profile as unknown as Profile;
        statements.stop();
      },
    });
    session.disconnect();
    console.log(formatUpsertResult(result));
    console.log(`\nstatements of the upsert (wall ms, count):\n${statements.report()}`);
    summarise(profile!);
  });
}

// Wall time of each statement, keyed by its first words: those of em.execute (the connection's
// execute) and those straight on pg (the driver's readArrays, common/rows.ts).
function timeStatements(orm: MikroORM) {
  type Run = (...args: unknown[]) => Promise<unknown>;
  const connection = orm.em.getConnection() as unknown as { execute: Run };
  const driver = orm.em.getDriver() as unknown as { readArrays: Run };
  const originals = { execute: connection.execute, readArrays: driver.readArrays };
  const totals = new Map<string, { ms: number; count: number }>();
  const timed = (original: Run): Run =>
    async function (this: unknown, ...args: unknown[]) {
      const started = process.hrtime.bigint();
      try {
        return await original.apply(this, args);
      } finally {
        const sql = typeof args[0] === 'string' ? args[0] : String((args[0] as { sql?: string })?.sql ?? args[0]);
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 70);
        const entry = totals.get(key) ?? { ms: 0, count: 0 };
        entry.ms += Number(process.hrtime.bigint() - started) / 1e6;
        entry.count += 1;
        totals.set(key, entry);
      }
    };
  connection.execute = timed(originals.execute);
  driver.readArrays = timed(originals.readArrays);
  return {
    clear: () => totals.clear(),
    stop: () => {
      connection.execute = originals.execute;
      driver.readArrays = originals.readArrays;
    },
    report: () =>
      [...totals]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(([key, { ms, count }]) => `${ms.toFixed(0).padStart(7)} ${String(count).padStart(4)}  ${key}`)
        .join('\n'),
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
