import pg from 'pg';
import PgBoss from 'pg-boss';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../config/logger';
import { buildWantedOrder, takeUnqueuedBuilds, type WantedBuild } from './match-order.repository';

export const MATCH_ORDER_QUEUE = 'talent-pool-match-order';
// How many wanted builds the relay queues per round.
const RELAY_BATCH = 50;

export interface MatchOrderWorkerOptions {
  connectionString: string;
  logger: Logger;
  // A fresh entity manager for each job.
  em: () => EntityManager;
  // How often the relay looks for new requests (and pg-boss for jobs).
  pollIntervalMs: number;
}

export interface MatchOrderWorker {
  // Runs one round of the relay now (tests use it).
  relay(): Promise<number>;
  stop(): Promise<void>;
}

// The talent pool's match orders built ahead (issue 17), on pg-boss as the webhook deliveries are:
// setRequirementProfile asks for a build in its own transaction (talent_pool_match_wanted, an
// outbox); the relay puts each request on the queue in the transaction that marks it queued, so
// it is queued once per request; a job builds the order (ensureMatchOrder) and settles the request.
// A read that comes first still gets an exact answer: it finds the order stale and builds it itself
// (the job then finds it built). One build at a time per process: a build holds its firm's lock.
// Several processes may run it (the API and `npm run worker`): SKIP LOCKED and pg-boss share the work.
export async function startMatchOrderWorker(options: MatchOrderWorkerOptions): Promise<MatchOrderWorker> {
  const { logger } = options;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 1, application_name: 'outside-in-match-order' });
  pool.on('error', (error) => logger.warn({ err: error }, 'match-order relay: a pooled connection failed'));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    application_name: 'outside-in-job-queue',
    max: 2,
    schedule: false,
    supervise: true,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'match-order job queue error'));
  let relayTimer: NodeJS.Timeout | null = null;
  let relaying: Promise<number> | null = null;
  let stopped = false;

  try {
    await boss.start();
    // A build of 100,000 candidates takes seconds; an active job older than this died with its worker.
    const queue = { name: MATCH_ORDER_QUEUE, retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 };
    if (await boss.getQueue(MATCH_ORDER_QUEUE)) await boss.updateQueue(MATCH_ORDER_QUEUE, queue);
    else await boss.createQueue(MATCH_ORDER_QUEUE, queue);
    await boss.work<WantedBuild>(
      MATCH_ORDER_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: Math.max(0.5, options.pollIntervalMs / 1000) },
      async ([job]) => {
        const started = Date.now();
        const built = await buildWantedOrder(options.em(), job.data);
        if (built) logger.info({ ...job.data, ms: Date.now() - started }, 'talent pool match order built ahead');
      },
    );
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }

  async function relayOnce(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const wanted = await takeUnqueuedBuilds(async (sql, params) => (await client.query(sql, params)).rows, RELAY_BATCH);
      if (wanted.length > 0) {
        await boss.insert(
          wanted.map((data) => ({ name: MATCH_ORDER_QUEUE, data })),
          { db: { executeSql: (text, values) => client.query(text, values) } },
        );
      }
      await client.query('commit');
      return wanted.length;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
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
        await relay();
      } catch (error) {
        logger.error({ err: error }, 'match-order relay failed; trying again');
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
      await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
      await pool.end();
    },
  };
}
