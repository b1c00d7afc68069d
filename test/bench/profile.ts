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
  AGREEMENT,
  ASSESSMENT,
  CANDIDATES_WITH_REFS,
  CANDIDATES_WITH_REFS_NO_EMAIL,
  NESTED,
  TALENT_POOL,
  TYPENAME,
  body,
} from './operations';
import { signInBenchAdmin } from './bench-admin';
import { prepareTalentPool } from './talent-pool-bench';

// `node dist/bench/test/bench/profile.js [nested|candidatesWithRefs|candidatesWithRefsNoEmail|agreement|talentPool|assessment|typename] [candidates] [seconds] [warm-up seconds] [cpu|heap]`:
// the real server under one read with --cpu-prof, then the functions that used the most CPU (self
// time), by function and by package. With `heap`: V8's sampling heap profiler instead (with the
// objects GC collected, see heap-sampler.ts), the bytes each function allocated per request. For
// deciding where a read's Node time goes; the benchmark measures.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  const [operation = 'nested', candidates = '20000', seconds = '15', warmupSeconds = '3', mode = 'cpu'] = process.argv.slice(2);
  const dataDir = path.join(os.tmpdir(), `outside-in-profile-${process.pid}`);
  const profileDir = path.join(os.tmpdir(), `outside-in-cpu-profile-${process.pid}`);
  const heapFile = path.join(os.tmpdir(), `outside-in-heap-profile-${process.pid}.json`);
  let database: EmbeddedDatabase | null = null;
  let app: ChildServer | null = null;
  try {
    database = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), databaseName: 'bench', persistent: false });
    const orm = await MikroORM.init(ormOptions(database.url, entities, { pool: { min: 0, max: 2 } }));
    let adminToken: string | null = null;
    let poolMandateId: string | null = null;
    const firm = await (async () => {
      try {
        await orm.getMigrator().up();
        const generated = await generateFirm(orm.em.fork() as EntityManager, database!.url, defaultPlan(20261122, Number(candidates)));
        // Agreement is for people: signed in as an admin of the firm, as the benchmark does.
        if (operation === 'agreement') adminToken = await signInBenchAdmin(orm.em.fork() as EntityManager, generated.firmId);
        // The pool as the benchmark prepares it: every candidate assessed, the match order built.
        if (operation === 'talentPool') {
          const prepared = await prepareTalentPool(orm.em.fork() as EntityManager, generated.firmId, generated.mandateIds[0], {
            assessAll: true,
          });
          poolMandateId = prepared.mandateId;
        }
        return generated;
      } finally {
        await orm.close(true);
      }
    })();
    const heap = mode === 'heap';
    const env = { BENCH_DATABASE_URL: database.url, NODE_ENV: 'production', ...(heap ? { HEAP_SAMPLER_FILE: heapFile } : {}) };
    // PROFILE_APP_SERVER: another build's app-server.js (a baseline), profiled the same way.
    app = await startChildServer(process.env.PROFILE_APP_SERVER ?? path.join(__dirname, 'app-server.js'), env, [
      '--max-old-space-size=160',
      '--max-semi-space-size=32',
      ...(heap ? ['--require', path.join(__dirname, 'heap-sampler.js')] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
    ]);
    const requests: Record<string, () => string> = {
      nested: () => body(NESTED, { id: toGlobalId('Mandate', firm.mandateIds[0]), first: 50 }),
      agreement: () => body(AGREEMENT, { id: toGlobalId('Mandate', firm.mandateIds[0]) }),
      talentPool: () => body(TALENT_POOL, { id: toGlobalId('Mandate', poolMandateId!), first: 50 }),
      candidatesWithRefs: () => body(CANDIDATES_WITH_REFS, { first: 50 }),
      candidatesWithRefsNoEmail: () => body(CANDIDATES_WITH_REFS_NO_EMAIL, { first: 50 }),
      typename: () => body(TYPENAME, {}),
      assessment: () => body(ASSESSMENT, { id: toGlobalId('Candidacy', firm.interviewedCandidacyIds[0]) }),
    };
    if (!requests[operation]) throw new Error(`profile.js takes one of ${Object.keys(requests).join(', ')}; got ${operation}`);
    const request = requests[operation]();
    const token = adminToken ?? firm.apiKeySecret;
    const url = `http://127.0.0.1:${app.port}/graphql`;
    // A short warm-up first; only the samples of the timed load count (V8 and hrtime share the monotonic clock).
    await loadSlice({ url, token, bodies: [request], connections: 10, seconds: Number(warmupSeconds) });
    if (heap) process.kill(app.pid, 'SIGUSR2');
    const from = Number(process.hrtime.bigint() / 1000n);
    const slice = await loadSlice({ url, token, bodies: [request], connections: 10, seconds: Number(seconds) });
    const to = Number(process.hrtime.bigint() / 1000n);
    console.log(`${operation}: ${slice.requests} answers in ${seconds} s, ${slice.non2xx} non-2xx, ${slice.errors} errors`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await app.stop();
    app = null;
    if (heap) {
      summariseHeap(JSON.parse(await fs.readFile(heapFile, 'utf8')), slice.requests);
      console.log(`profile: ${heapFile}`);
      return;
    }
    const [file] = await fs.readdir(profileDir);
    summarise(JSON.parse(await fs.readFile(path.join(profileDir, file), 'utf8')), from, to, slice.requests);
    console.log(`profile: ${path.join(profileDir, file)}`);
  } finally {
    await app?.stop().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

// Bytes allocated per request (the samples of the timed load and the 2 s after it), by function
// (self) and by package.
function summariseHeap(profile: { head: HeapNode }, requests: number): void {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  const visit = (node: HeapNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    if (node.selfSize > 0) {
      total += node.selfSize;
      const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|dist)\//, '$1/');
      const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      const owner = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node' : url ? 'app' : functionName);
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + node.selfSize);
    }
    node.children.forEach(visit);
  };
  visit(profile.head);
  const perRequest = (bytes: number) => `${(bytes / 1024 / Math.max(1, requests)).toFixed(1).padStart(7)} KB`;
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, bytes]) => `${perRequest(bytes)} ${((100 * bytes) / total).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(
    `allocated ${(total / 2 ** 20).toFixed(0)} MB, ${perRequest(total)} per request\n\nby package:\n${top(byPackage, 12)}\n\nby function (self):\n${top(byFunction, 30)}`,
  );
}

function summarise(
  profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number },
  from: number,
  to: number,
  requests: number,
): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const idle = new Set(['(idle)', '(program)']);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (idle.has(functionName)) continue;
    busy += micros;
    const where = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(src|dist)\//, '$1/');
    const name = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    const owner = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('node:') ? 'node' : url ? 'app' : functionName);
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + micros);
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${((100 * micros) / busy).toFixed(1).padStart(5)} %  ${name}`)
      .join('\n');
  console.log(
    `busy CPU ${(busy / 1e6).toFixed(1)} s, ${(busy / 1000 / Math.max(1, requests)).toFixed(1)} ms per request\n\nby package:\n${top(byPackage, 12)}\n\nby function (self):\n${top(byFunction, 25)}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
