import type { MikroORM } from '@mikro-orm/postgresql';
import { startOutboxQueue, type OutboxQueue } from '../../src/common/outbox-queue';
import { createLogger } from '../../src/config/logger';
import { createTestDatabase } from '../helpers/database';

// A relay round holds a connection checked out of its pool, and pg-pool takes its own 'error'
// listener off a checked-out client: a server that ends the connection during a round (a restart,
// a failover, an administrator) was an unhandled 'error' event that ended the API process (the
// crash test met it once). Now the round fails, and the next round runs on a new connection.

let orm: MikroORM;
let queue: OutboxQueue | null = null;

beforeAll(async () => {
  orm = await createTestDatabase();
});

afterAll(async () => {
  await queue?.stop();
  await orm.close(true);
});

it('should fail only the round when the server ends its connection during it, and relay on a new connection next', async () => {
  const backends: number[] = [];
  let rounds = 0;
  queue = await startOutboxQueue<{ n: number }>({
    queue: 'relay-connection-test',
    label: 'relay test',
    queueOptions: {},
    connectionString: orm.config.get('clientUrl')!,
    pool: { applicationName: 'relay-connection-test', max: 1 },
    concurrency: 0,
    relayBatch: 10,
    // Rounds run only when the test asks.
    pollIntervalMs: 3_600_000,
    stopTimeoutMs: 1000,
    logger: createLogger('silent'),
    take: async (query) => {
      rounds += 1;
      const [{ pid }] = await query('select pg_backend_pid() as pid', []);
      backends.push(Number(pid));
      // The server ends this round's connection, as a restart would.
      if (rounds === 1) await query('select pg_terminate_backend(pg_backend_pid())', []);
      return [{ n: rounds }];
    },
    // No worker runs (concurrency 0): the test is about the relay.
    handle: async () => undefined,
  });

  await expect(queue.relay()).rejects.toThrow('terminating connection due to administrator command');
  // The connection's end reaches the client after the statement's error: give it time to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  await expect(queue.relay()).resolves.toBe(1);
  expect(rounds).toBe(2);
  expect(backends[1]).not.toBe(backends[0]);
});
