import { fork, type ChildProcess } from 'node:child_process';
import { PerformanceObserver, constants } from 'node:perf_hooks';

// The servers under load run in child processes of their own, so that their CPU time and
// peak memory are theirs alone. They report both over the IPC channel when asked.

export interface Usage {
  // CPU time of the process so far (user + system), in milliseconds.
  cpuMs: number;
  // Resident set size now, and the peak over the process's life (getrusage), in MB.
  rssMb: number;
  maxRssMb: number;
  // V8 heap now (total reserved and used) and memory outside it (buffers), in MB.
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
  // Garbage collections so far: young-generation scavenges, full (mark-compact) collections, and their time.
  gc?: { scavenges: number; markCompacts: number; ms: number };
}

type Message = { type: 'ready'; port: number } | { type: 'usage'; id: number; usage: Usage } | { type: 'failed'; message: string };

export interface ChildServer {
  port: number;
  pid: number;
  usage(): Promise<Usage>;
  stop(): Promise<void>;
}

export async function startChildServer(script: string, env: Record<string, string>, execArgv: string[] = []): Promise<ChildServer> {
  const child = fork(script, [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message.type === 'ready') resolve(message.port);
      if (message.type === 'failed') reject(new Error(`${script}: ${message.message}`));
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  let nextId = 1;
  return {
    port,
    pid: child.pid!,
    usage: () => askUsage(child, nextId++),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function askUsage(child: ChildProcess, id: number): Promise<Usage> {
  return new Promise((resolve) => {
    const onMessage = (message: Message) => {
      if (message.type === 'usage' && message.id === id) {
        child.off('message', onMessage);
        resolve(message.usage);
      }
    };
    child.on('message', onMessage);
    child.send({ type: 'usage', id });
  });
}

// The child's side: announce the port, answer usage questions, stop when told.
export function serveChildProtocol(port: number, stop: () => Promise<void>): void {
  const gc = { scavenges: 0, markCompacts: 0, ms: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.scavenges++;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.markCompacts++;
      gc.ms += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message: { type: string; id?: number }) => {
    if (message.type === 'usage') {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      const usage: Usage = {
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssMb: memory.rss / 2 ** 20,
        // Linux reports ru_maxrss in kilobytes.
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        heapTotalMb: memory.heapTotal / 2 ** 20,
        heapUsedMb: memory.heapUsed / 2 ** 20,
        externalMb: memory.external / 2 ** 20,
        gc: { ...gc },
      };
      process.send!({ type: 'usage', id: message.id, usage });
    }
    if (message.type === 'stop') {
      void stop().finally(() => process.exit(0));
    }
  });
  // The parent went away: do not linger.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  process.send!({ type: 'ready', port });
}

export function reportFailure(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.send?.({ type: 'failed', message });
  process.exit(1);
}
