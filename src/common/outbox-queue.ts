import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';

// An outbox relayed onto a pg-boss queue (a job queue in PostgreSQL), for work that must follow a
// write but not inside it (webhook deliveries, the talent pool's match orders built ahead). The
// writer records the work in a table of its own, in its own transaction; the relay moves what is
// not queued yet onto the queue in the transaction that marks it queued, so each piece is queued
// exactly once; pg-boss runs the handler and retries it when it throws. Several processes may run
// the same queue (the API and `npm run worker`): SKIP LOCKED in `take` and pg-boss share the work.

export type OutboxQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface OutboxQueueOptions<Job extends object> {
  // The queue's name, and what the logs call it.
  queue: string;
  label: string;
  queueOptions: Omit<PgBoss.Queue, 'name'>;
  connectionString: string;
  // The relay's connections, which the handler may use too.
  pool: { applicationName: string; max: number };
  // How many jobs this process runs at the same time.
  concurrency: number;
  // How many outbox rows one relay round queues, and how often it runs (and pg-boss polls).
  relayBatch: number;
  pollIntervalMs: number;
  // How long stop() lets running jobs finish.
  stopTimeoutMs: number;
  logger: Logger;
  // Up to `limit` outbox rows not queued yet, locked FOR UPDATE SKIP LOCKED and marked queued, as
  // the jobs' data; runs in the relay's transaction.
  take: (query: OutboxQuery, limit: number) => Promise<Job[]>;
  handle: (job: PgBoss.JobWithMetadata<Job>, pool: pg.Pool) => Promise<void>;
}

export interface OutboxQueue {
  // Runs one round of the relay now (tests and shutdown use it).
  relay(): Promise<number>;
  // Stops taking work, lets running jobs finish, closes its connections.
  stop(): Promise<void>;
}

export async function startOutboxQueue<Job extends object>(options: OutboxQueueOptions<Job>): Promise<OutboxQueue> {
  const { logger, label } = options;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.pool.max,
    application_name: options.pool.applicationName,
  });
  // An idle connection the server closes (a restart, a shutdown) is an event, not a crash: pg
  // opens a new one on the next query.
  pool.on('error', (error) => logger.warn({ err: error }, `${label} relay: a pooled connection failed`));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    application_name: 'outside-in-job-queue',
    max: options.concurrency + 2,
    schedule: false,
    supervise: true,
  });
  boss.on('error', (error) => logger.error({ err: error }, `${label} job queue error`));
  let relayTimer: NodeJS.Timeout | null = null;
  let relaying: Promise<number> | null = null;
  let stopped = false;

  try {
    await boss.start();
    const queue = { name: options.queue, ...options.queueOptions };
    if (await boss.getQueue(options.queue)) await boss.updateQueue(options.queue, queue);
    else await boss.createQueue(options.queue, queue);
    for (let worker = 0; worker < options.concurrency; worker++) {
      await boss.work<Job>(
        options.queue,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.max(0.5, options.pollIntervalMs / 1000) },
        async ([job]) => options.handle(job, pool),
      );
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    // pg-pool takes its 'error' listener off a checked-out client: without one of ours, a server
    // that ends the connection during a round (a restart) is an unhandled event that ends the process.
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    try {
      await client.query('begin');
      const jobs = await options.take(async (sql, params) => (await client.query(sql, params)).rows, options.relayBatch);
      if (jobs.length > 0) {
        await boss.insert(
          jobs.map((data) => ({ name: options.queue, data })),
          { db: { executeSql: (text, values) => client.query(text, values) } },
        );
      }
      await client.query('commit');
      return jobs.length;
    } catch (error) {
      await client.query('rollback').catch((rollbackError: Error) => (broken ??= rollbackError));
      throw error;
    } finally {
      client.removeListener('error', onError);
      // A broken connection is closed, not pooled.
      client.release(broken);
    }
  }

  function relay(): Promise<number> {
    relaying ??= relayOnce().finally(() => (relaying = null));
    return relaying;
  }

  const scheduleRelay = () => {
    if (stopped) return;
    relayTimer = setTimeout(async () => {
      try {
        const queued = await relay();
        if (queued > 0) logger.debug({ queued }, `${label}: queued`);
      } catch (error) {
        logger.error({ err: error }, `${label} relay failed; trying again`);
      }
      scheduleRelay();
    }, options.pollIntervalMs);
  };
  scheduleRelay();

  return {
    relay,
    async stop() {
      stopped = true;
      if (relayTimer) clearTimeout(relayTimer);
      await relaying?.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, timeout: options.stopTimeoutMs });
      await pool.end();
    },
  };
}
