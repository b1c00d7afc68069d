import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findFreePort, startEmbeddedPostgres } from '../../src/config/embedded-postgres';
import { processesUsing, startBuiltApp, STACK_TRACE } from '../helpers/app-process';

// The embedded PostgreSQL as a person meets it on a fresh machine. The machines of this project
// (developers' and CI's) run as root, where PostgreSQL runs as the `postgres` system user; a
// clone in root's home folder (mode 700) is a folder that user cannot enter.
const asRoot = process.getuid?.() === 0;
const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
const packageRoot = path.join(path.dirname(createRequire(require.resolve('embedded-postgres')).resolve(platformPackage)), '..');
const version = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;

let checkout: string;
let shared: string;

beforeAll(() => {
  checkout = fs.mkdtempSync(path.join(os.homedir(), 'outside-in-checkout-'));
  fs.chmodSync(checkout, 0o700);
  fs.cpSync(packageRoot, path.join(checkout, 'node_modules', platformPackage), { recursive: true, verbatimSymlinks: true });
  shared = path.join(os.tmpdir(), `outside-in-shared-${process.pid}-${Date.now()}`);
});
afterAll(() => {
  fs.rmSync(checkout, { recursive: true, force: true });
  fs.rmSync(shared, { recursive: true, force: true });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function passwordFiles(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.includes('pg-password')) : [];
}

describe('the embedded PostgreSQL', () => {
  it('should run from a folder the postgres user cannot enter, with binaries and data copied where it can, saying where', async () => {
    const asked = path.join(checkout, '.data', 'postgres');
    const notices: string[] = [];
    const start = async () =>
      startEmbeddedPostgres({
        dataDir: asked,
        port: await findFreePort(),
        databaseName: 'outside_in',
        persistent: true,
        nativeDir: path.join(checkout, 'node_modules', platformPackage, 'native'),
        sharedDir: shared,
        notice: (line) => notices.push(line),
      });

    const first = await start();
    const binaries = asRoot
      ? path.join(shared, `postgres-${version}-${os.platform()}-${os.arch()}`)
      : path.join(checkout, 'node_modules', platformPackage, 'native');
    try {
      if (asRoot) {
        expect(path.dirname(first.dataDir)).toBe(path.join(shared, 'data'));
        expect(notices).toEqual([
          `The "postgres" system user cannot reach ${asked}, so the embedded PostgreSQL keeps its data in ${first.dataDir}.`,
        ]);
      } else {
        expect([first.dataDir, notices]).toEqual([asked, []]);
      }
      const postmaster = Number(fs.readFileSync(path.join(first.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(fs.readlinkSync(`/proc/${postmaster}/exe`)).toBe(path.join(binaries, 'bin', 'postgres'));
      expect(await query(first.url, 'show data_directory')).toEqual([{ data_directory: first.dataDir }]);
      await query(first.url, "create table kept (word text); insert into kept values ('fjord')");
      expect([passwordFiles(path.dirname(first.dataDir)), passwordFiles(checkout)]).toEqual([[], []]);
    } finally {
      await first.stop();
    }
    expect(processesUsing(first.dataDir)).toEqual([]);

    // The next start finds the same data, and reuses the copied binaries.
    const copiedAt = fs.statSync(path.join(binaries, 'bin', 'postgres')).ino;
    const second = await start();
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(await query(second.url, 'select word from kept')).toEqual([{ word: 'fjord' }]);
      expect(fs.statSync(path.join(binaries, 'bin', 'postgres')).ino).toBe(copiedAt);
    } finally {
      await second.stop();
    }
    expect(fs.existsSync(path.join(checkout, '.data'))).toBe(!asRoot);
  }, 120_000);

  it('should say in one sentence what to do when PostgreSQL cannot start, with no stack and no password file left', async () => {
    // A data folder that looks initialised but is not: PostgreSQL refuses to start on it. Inside a
    // folder of its own: the password file would sit beside it, and other tests' clusters
    // initialise beside theirs in the shared temporary folder at the same time.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-in-broken-'));
    const dataDir = path.join(parent, 'data');
    try {
      // Reachable by the postgres user (as root), so the data folder is used where it is.
      fs.chmodSync(parent, 0o755);
      fs.mkdirSync(dataDir);
      fs.writeFileSync(path.join(dataDir, 'PG_VERSION'), '17\n');
      const app = await startBuiltApp({
        env: { PORT: '0', EMBEDDED_POSTGRES_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await findFreePort()) },
      });
      expect(app.url).toBeNull();
      expect(await app.exited).toBe(1);
      const lines = app.output().trim().split('\n');
      expect(lines[0]).toBe(`Starting the embedded PostgreSQL (data in ${dataDir}) …`);
      expect(lines.slice(1)).toEqual([
        `outside-in: The embedded PostgreSQL could not start (postgres exited with code 2: postgres: ` +
          `could not access the server configuration file "${dataDir}/postgresql.conf": No such file or directory). ` +
          `Delete ${dataDir} to start from an empty database, or set DATABASE_URL to use another PostgreSQL.`,
      ]);
      expect(app.output()).not.toMatch(STACK_TRACE);
      expect(passwordFiles(parent)).toEqual([]);
      expect(processesUsing(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);
});
