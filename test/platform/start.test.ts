import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/config/embedded-postgres';
import { GraphQLClient } from '../helpers/graphql-client';
import { LoginDocument, PresentedMandatesDocument, PresentedReportLinkDocument, ViewerDocument } from '../generated/graphql';

// The front door: the built app as `npm start` runs it, on its own embedded PostgreSQL.
const ENTRY = path.resolve('dist/src/index.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-in-start-'));
let postgresPort: number;

interface Started {
  child: ChildProcess;
  output: () => string;
  url: string;
}

function start(env: Record<string, string>, ownProcessGroup = false): Promise<Started> {
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // As a terminal runs a command: a process group of its own, which Ctrl-C signals as a whole.
    detached: ownProcessGroup,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Outside-In is running: (http:\/\/localhost:\d+)\/graphql/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({ child, output: () => output, url: match[1] });
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(Object.assign(new Error(`exited with ${code}: ${output}`), { code, output }));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function postgresPid(): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The resident memory of a process, from /proc (MB).
function residentMegabytes(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'))!;
  return Math.round(Number(/(\d+)/.exec(line)![1]) / 1024);
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

// Every process below `root`, from /proc.
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parents) {
      if (ppid !== parent) continue;
      found.push(pid);
      queue.push(pid);
    }
  }
  return found;
}

beforeAll(async () => {
  postgresPort = await findFreePort();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm start', () => {
  // Without DATA_ENCRYPTION_KEY (as on a laptop) in the first two starts: the first generates the
  // key next to the data, the second reuses it.
  const keyFile = `${dataDir}.encryption-key`;
  afterAll(() => fs.rmSync(keyFile, { force: true }));

  it('should serve the demo logins on an embedded database, generate a data encryption key next to the data, and leave no postgres behind on SIGINT', async () => {
    fs.rmSync(keyFile, { force: true });
    const app = await start({ PORT: '0', DATA_ENCRYPTION_KEY: '' });
    expect(app.output()).toContain('demo data loaded just now');
    for (const login of ['admin@nordlys.example', 'recruiter@nordlys.example', 'client@fjordnett.example', 'admin@fjellvik.example']) {
      expect(app.output()).toContain(login);
    }
    const { login } = await new GraphQLClient(app.url, null).data(LoginDocument, {
      input: { email: 'admin@nordlys.example', password: 'nordlys-admin' },
    });
    const { viewer } = await new GraphQLClient(app.url, login.token).data(ViewerDocument);
    expect([viewer.kind, viewer.role, viewer.firm.name, viewer.user?.email]).toEqual([
      'USER',
      'ADMIN',
      'Nordlys Executive Search',
      'admin@nordlys.example',
    ]);
    const pid = postgresPid();
    expect(isAlive(pid)).toBe(true);
    app.child.kill('SIGINT');
    expect(await exited(app.child)).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  }, 120_000);

  it('should reuse the data and the data encryption key on a second start, and stop cleanly on Ctrl-C after printing a PDF, its report printer (Chromium) too', async () => {
    const key = fs.readFileSync(keyFile, 'utf8');
    const app = await start({ PORT: '0', DATA_ENCRYPTION_KEY: '' }, true);
    expect(app.output()).not.toContain('demo data loaded just now');
    const { login } = await new GraphQLClient(app.url, null).data(LoginDocument, {
      input: { email: 'admin@fjellvik.example', password: 'fjellvik-admin' },
    });
    expect(login.userErrors).toEqual([]);

    // Fjordnett's contact downloads the demo shortlist's PDF: the app starts its Chromium.
    const client = new GraphQLClient(
      app.url,
      (
        await new GraphQLClient(app.url, null).data(LoginDocument, {
          input: { email: 'client@fjordnett.example', password: 'fjordnett-client' },
        })
      ).login.token,
    );
    const { presentedMandates } = await client.data(PresentedMandatesDocument, {});
    const mandate = presentedMandates.edges.find((edge) => (edge.node.shortlist?.entries.length ?? 0) > 0)!.node;
    const { node } = await client.data(PresentedReportLinkDocument, { id: mandate.id, format: 'PDF', locale: 'NB' });
    const rssBefore = residentMegabytes(app.child.pid!);
    const pdf = await fetch((node as { reportLink: { url: string } }).reportLink.url);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const rssAfter = residentMegabytes(app.child.pid!);
    const browsers = descendants(app.child.pid!).filter((pid) => commandOf(pid).includes('chromium'));
    expect(browsers.length).toBeGreaterThan(0);
    // The API process itself: the browser's memory is its own processes'.
    console.log(`API process RSS ${rssBefore} MB before the PDF, ${rssAfter} MB after; Chromium: ${browsers.length} processes`);
    expect(rssAfter - rssBefore).toBeLessThan(100);

    // Ctrl-C as a terminal sends it: SIGINT to the whole process group. Puppeteer's own SIGINT
    // handler once ended the app with exit code 130 here, before it drained and stopped PostgreSQL.
    const pid = postgresPid();
    process.kill(-app.child.pid!, 'SIGINT');
    expect(await exited(app.child)).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(browsers.filter(isAlive)).toEqual([]);
    expect(fs.readFileSync(keyFile, 'utf8')).toBe(key);
  }, 120_000);

  it('should say in one line what to do when the port is busy, and stop its database', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const failure = await start({ PORT: String(busyPort) }).then(
        () => null,
        (error: { code: number; output: string }) => error,
      );
      expect(failure?.code).toBe(1);
      const lines = failure!.output
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('outside-in:'));
      expect(lines).toEqual([`outside-in: Port ${busyPort} is in use. Stop what uses it, or start with another port: PORT=4001 npm start`]);
      expect(failure!.output).not.toMatch(/\n\s+at /);
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('should refuse to start in production without DATA_ENCRYPTION_KEY, in one sentence, before starting anything', async () => {
    const failure = await start({ PORT: '0', NODE_ENV: 'production', DATA_ENCRYPTION_KEY: '' }).then(
      () => null,
      (error: { code: number; output: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure!.output.trim().split('\n')).toEqual([
      'outside-in: NODE_ENV=production needs DATA_ENCRYPTION_KEY (it encrypts webhook secrets at rest): 32 random bytes as 64 hex digits or as base64 (e.g. `openssl rand -base64 32`).',
    ]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });
});
