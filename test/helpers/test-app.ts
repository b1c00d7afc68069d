import type { AddressInfo } from 'node:net';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/config/orm.config';
import { createLogger } from '../../src/config/logger';
import { buildAppSchema } from '../../src/server/schema';
import { createAppServer, type AppServer } from '../../src/server/app';
import type { RateLimitConfig } from '../../src/config/limits';
import { GraphQLClient } from './graphql-client';
import { createTestDatabase } from './database';
import { entities } from '../../src/server/features';
import { SecretBox } from '../../src/common/secret-box';
import { parseDataEncryptionKey } from '../../src/config/env';

export { createTestDatabase };

// The SecretBox of the test run: DATA_ENCRYPTION_KEY, which test/setup/global-setup.ts sets.
export function testSecretBox(): SecretBox {
  return SecretBox.fromKey(parseDataEncryptionKey(process.env.DATA_ENCRYPTION_KEY!));
}

export interface TestApp {
  url: string;
  server: AppServer;
  orm: MikroORM;
  // A fresh entity manager that sees every firm: for arranging and inspecting data.
  em(): EntityManager;
  anonymous(): GraphQLClient;
  // How many SQL statements the server ran while `work` ran (for N+1 tests).
  countStatements(work: () => Promise<unknown>): Promise<number>;
  // The SQL statements (with their bind values) the server ran while `work` ran.
  recordStatements(work: () => Promise<unknown>): Promise<RecordedStatement[]>;
  client(token: string): GraphQLClient;
  close(): Promise<void>;
}

export interface RecordedStatement {
  sql: string;
  bindings: unknown[];
  // Sent as a prepared statement (src/config/direct-reads.ts): PostgreSQL may run it on a generic plan.
  prepared: boolean;
}

// The same database without the tenant filter: for arranging and inspecting across firms.
function inspector(orm: MikroORM): Promise<MikroORM> {
  return MikroORM.init(ormOptions(orm.config.get('clientUrl')!, entities, { filters: {}, pool: { min: 0, max: 2 } }));
}

// A real server over real HTTP on its own database.
// The refill far above the capacity: an address may send capacity/20 failed tokens per
// capacity/refill seconds, and the authorization matrix sends revoked keys faster than 20 a second.
const UNLIMITED_FOR_TESTS: Partial<RateLimitConfig> = { capacity: 1e12, refillPerSecond: 1e15 };

export interface TestAppOptions {
  production?: boolean;
  // The rate limit; by default a bucket no test empties (tests fire requests far faster than any
  // client): test/security/rate-limit.test.ts tests the bucket, with the product's numbers and small ones.
  rateLimit?: Partial<RateLimitConfig>;
  // GET /metrics: METRICS_TOKEN and the cap on operation names with series of their own.
  metrics?: { token?: string | null; operationNameCapacity?: number };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const orm = await createTestDatabase();
  const unfiltered = await inspector(orm);
  let server: AppServer | null = null;
  try {
    server = await createAppServer({
      orm,
      schema: await buildAppSchema(),
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
      production: options.production ?? false,
      secrets: testSecretBox(),
      rateLimit: options.rateLimit ?? UNLIMITED_FOR_TESTS,
      metrics: options.metrics,
    });
    await new Promise<void>((resolve) => server!.httpServer.listen(0, '127.0.0.1', resolve));
  } catch (error) {
    await orm.close(true);
    await unfiltered.close(true);
    throw error;
  }
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    server,
    orm,
    em: () => unfiltered.em.fork() as EntityManager,
    anonymous: () => new GraphQLClient(url, null),
    async countStatements(work) {
      const knex = orm.em.getConnection().getKnex();
      let count = 0;
      const onQuery = () => count++;
      knex.on('query', onQuery);
      try {
        await work();
      } finally {
        knex.removeListener('query', onQuery);
      }
      return count;
    },
    async recordStatements(work) {
      const knex = orm.em.getConnection().getKnex();
      const statements: RecordedStatement[] = [];
      const onQuery = (query: { sql: string; bindings?: unknown[]; prepared?: boolean }) =>
        statements.push({ sql: query.sql, bindings: query.bindings ?? [], prepared: query.prepared === true });
      knex.on('query', onQuery);
      try {
        await work();
      } finally {
        knex.removeListener('query', onQuery);
      }
      return statements;
    },
    client: (token) => new GraphQLClient(url, token),
    async close() {
      await server?.stop();
      await orm.close(true);
      await unfiltered.close(true);
    },
  };
}
