import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

// The built app (`node dist/src/index.js`) as a person starts it from a terminal, with what it
// prints, and the PostgreSQL processes it leaves behind.

export const ENTRY = 'dist/src/index.js';

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  // The explorer's address from the banner (null when start-up failed).
  url: string | null;
  exited: Promise<number | null>;
}

export interface StartOptions {
  env: Record<string, string>;
  // As a terminal runs a command: in a process group of its own, which Ctrl-C signals as a whole.
  ownProcessGroup?: boolean;
  cwd?: string;
}

// Resolves once the banner is printed, or once the process exited (url null).
export function startBuiltApp(options: StartOptions): Promise<AppProcess> {
  const child = spawn(process.execPath, [ENTRY], {
    cwd: options.cwd,
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.ownProcessGroup ?? false,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const match = /Outside-In is running: (http:\/\/localhost:\d+)\/graphql/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({ child, output: () => output, url: match[1], exited });
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      resolve({ child, output: () => output, url: null, exited });
    });
  });
}

// Every process whose command line names the data folder: the postmaster (`postgres -D dir`) and
// anything that supervises it.
export function processesUsing(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (commandLine.split('\0').includes(dataDir)) pids.push(Number(entry));
  }
  return pids;
}

// A stack trace, printed as text or inside a JSON log line.
export const STACK_TRACE = /(\n|\\n)\s+at \S/;
