import 'reflect-metadata';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/config/orm.config';
import { findFreePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/config/embedded-postgres';
import { toGlobalId } from '../../src/common/global-id';
import { entities } from '../../src/server/features';
import { startChildServer, type ChildServer } from './child';
import { defaultPlan, generateFirm } from './generate-firm';
import { loadSlice } from './load';
import {
  ASSESSMENT,
  CANDIDATES_WITH_REFS,
  CANDIDATES_WITH_REFS_NO_EMAIL,
  NESTED,
  RANKING,
  TALENT_POOL,
  TYPENAME,
  body,
} from './operations';
import { prepareTalentPool } from './talent-pool-bench';
import { DatabaseStats } from './database-stats';

// `node dist/bench/test/bench/compare.js [--candidates N] [--seconds N] [--rounds N] [--connections N] [--only a,b] [--interleave]
//   --variant "NAME|FLAGS" [--variant "NAME|FLAGS|path/to/app-server.js"] [--variant "NAME||path/to/limit-server.js|/route"] …` (--only from nested,
//   candidatesWithRefs, candidatesWithRefsNoEmail, assessment, typename, ranking, talentPool; talentPool first prepares
//   the benchmark's pool; candidatesWithRefsNoEmail is the same page without `email`, so without the
//   audit write of personal-data reads)
// Several builds or Node flags of the real server side by side on one database, in alternating
// slices, so that other load on a busy machine hits them alike: Node CPU per request and peak RSS
// of each, and PostgreSQL CPU per request (the whole cluster, from /proc: also the other variants'
// idle connections, so compare it between operations rather than read it alone). For deciding
// whether a change to the read path pays (the benchmark measures the ratios).

interface Variant {
  name: string;
  flags: string[];
  script: string;
  // Where it takes the reads: /graphql, or a route of limit-server.js (the same body and token).
  path: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : fallback;
  };
  const variants: Variant[] = args
    .flatMap((arg, index) => (arg === '--variant' ? [args[index + 1]] : []))
    .map((spec) => {
      const [name, flags = '', script = '', route = '/graphql'] = spec.split('|');
      const server = path.resolve(script || path.join(__dirname, 'app-server.js'));
      return { name, flags: flags.split(/\s+/).filter(Boolean), script: server, path: route };
    });
  if (variants.length === 0) throw new Error('Give at least one --variant "NAME|FLAGS[|app-server.js]".');
  const candidates = Number(option('--candidates', '20000'));
  const seconds = Number(option('--seconds', '4'));
  const rounds = Number(option('--rounds', '3'));
  const only = option('--only', 'nested,candidatesWithRefs,assessment').split(',');
  const connections = Number(option('--connections', '10'));
  const dataDir = path.join(os.tmpdir(), `outside-in-compare-${process.pid}`);
  let database: EmbeddedDatabase | null = null;
  let stats: DatabaseStats | null = null;
  const servers: ChildServer[] = [];
  try {
    database = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), databaseName: 'bench', persistent: false });
    const adminUrl = new URL(database.url);
    adminUrl.pathname = '/postgres';
    stats = await DatabaseStats.connect(adminUrl.toString(), 'bench', dataDir);
    const orm = await MikroORM.init(ormOptions(database.url, entities, { pool: { min: 0, max: 2 } }));
    let poolMandateId: string | null = null;
    const firm = await (async () => {
      try {
        await orm.getMigrator().up();
        const generated = await generateFirm(orm.em.fork() as EntityManager, database!.url, defaultPlan(20261122, candidates));
        if (only.includes('talentPool')) {
          const pool = await prepareTalentPool(orm.em.fork() as EntityManager, generated.firmId, generated.mandateIds[0], {
            assessAll: true,
          });
          poolMandateId = pool.mandateId;
        }
        return generated;
      } finally {
        await orm.close(true);
      }
    })();
    const env = { BENCH_DATABASE_URL: database.url, NODE_ENV: 'production' };
    for (const variant of variants) servers.push(await startChildServer(variant.script, env, variant.flags));
    const requests: Record<string, string[]> = {
      nested: [body(NESTED, { id: toGlobalId('Mandate', firm.mandateIds[0]), first: 50 })],
      candidatesWithRefs: [body(CANDIDATES_WITH_REFS, { first: 50 })],
      candidatesWithRefsNoEmail: [body(CANDIDATES_WITH_REFS_NO_EMAIL, { first: 50 })],
      assessment: firm.interviewedCandidacyIds.slice(0, 500).map((id) => body(ASSESSMENT, { id: toGlobalId('Candidacy', id) })),
      typename: [body(TYPENAME, {})],
      ranking: [body(RANKING, { id: toGlobalId('Mandate', firm.mandateIds[0]), first: 50 })],
      talentPool: poolMandateId ? [body(TALENT_POOL, { id: toGlobalId('Mandate', poolMandateId), first: 50 })] : [],
    };
    // --interleave: every round loads each read in turn (read × variant), so reads are compared in
    // the same stretch of time too (e.g. a page with and without `email`); otherwise one read's
    // rounds after another's, as before.
    const interleave = args.includes('--interleave');
    const newTotals = () =>
      variants.map(() => ({ cpuMs: 0, systemMs: 0, switches: 0, pgCpuMs: 0, requests: 0, scavenges: 0, markCompacts: 0, gcMs: 0 }));
    const urlOf = (index: number) => `http://127.0.0.1:${servers[index].port}${variants[index].path}`;
    const warmUp = async (operation: string) => {
      for (const index of servers.keys()) {
        await loadSlice({
          url: urlOf(index),
          token: firm.apiKeySecret,
          bodies: requests[operation],
          connections,
          seconds: 2,
        });
      }
    };
    const measure = async (operation: string, totals: ReturnType<typeof newTotals>) => {
      for (const [index, server] of servers.entries()) {
        const before = await server.usage();
        const procBefore = await procUsage(server.pid);
        const pgBefore = stats!.cpuMs() ?? 0;
        const slice = await loadSlice({
          url: urlOf(index),
          token: firm.apiKeySecret,
          bodies: requests[operation],
          connections,
          seconds,
        });
        const after = await server.usage();
        const procAfter = await procUsage(server.pid);
        totals[index].pgCpuMs += (stats!.cpuMs() ?? 0) - pgBefore;
        if (slice.non2xx > 0 || slice.errors > 0)
          throw new Error(`${variants[index].name} ${operation}: ${slice.non2xx} non-2xx, ${slice.errors} errors`);
        totals[index].cpuMs += after.cpuMs - before.cpuMs;
        totals[index].systemMs += procAfter.systemMs - procBefore.systemMs;
        totals[index].switches += procAfter.switches - procBefore.switches;
        totals[index].requests += slice.requests;
        totals[index].scavenges += after.gc!.scavenges - before.gc!.scavenges;
        totals[index].markCompacts += after.gc!.markCompacts - before.gc!.markCompacts;
        totals[index].gcMs += after.gc!.ms - before.gc!.ms;
      }
    };
    const report = async (operation: string, totals: ReturnType<typeof newTotals>) => {
      for (const [index, variant] of variants.entries()) {
        const usage = await servers[index].usage();
        const { cpuMs, systemMs, switches, pgCpuMs, requests: count, scavenges, markCompacts, gcMs } = totals[index];
        console.log(
          `${operation.padEnd(20)} ${variant.name.padEnd(16)} ${(cpuMs / count).toFixed(2).padStart(8)} Node CPU ms/req` +
            ` (system ${(systemMs / count).toFixed(2)}, ${(switches / count).toFixed(1)} context switches)` +
            `  PG ${(pgCpuMs / count).toFixed(2)} ms/req` +
            `  GC ${(gcMs / count).toFixed(2)} ms/req (${(scavenges / count).toFixed(2)} scavenges, ${(markCompacts / count).toFixed(3)} full)` +
            `  ${String(count).padStart(6)} req  peak RSS ${usage.maxRssMb.toFixed(0)} MB`,
        );
      }
    };
    if (interleave) {
      const totals = new Map(only.map((operation) => [operation, newTotals()]));
      for (const operation of only) await warmUp(operation);
      for (let round = 0; round < rounds; round++) {
        for (const operation of only) await measure(operation, totals.get(operation)!);
      }
      for (const operation of only) await report(operation, totals.get(operation)!);
    } else {
      for (const operation of only) {
        const totals = newTotals();
        await warmUp(operation);
        for (let round = 0; round < rounds; round++) await measure(operation, totals);
        await report(operation, totals);
      }
    }
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
    await stats?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

// The system part of a process's CPU (socket writes, and on a virtual machine the wake-ups of
// the processes they reach) and its context switches, from /proc: for any build's server.
async function procUsage(pid: number): Promise<{ systemMs: number; switches: number }> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const switches = [...status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  // stime is field 15 of stat (the 13th after the command), in clock ticks of 10 ms.
  return { systemMs: Number(fields[12]) * 10, switches };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
