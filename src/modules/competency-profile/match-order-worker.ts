import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../config/logger';
import { type OutboxQueue, startOutboxQueue } from '../../common/outbox-queue';
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

export type MatchOrderWorker = OutboxQueue;

// The talent pool's match orders built ahead (issue 17), on pg-boss as the webhook deliveries are:
// setRequirementProfile asks for a build in its own transaction (talent_pool_match_wanted, an
// outbox); the relay puts each request on the queue in the transaction that marks it queued, so
// it is queued once per request; a job builds the order (ensureMatchOrder) and settles the request.
// A read that comes first still gets an exact answer: it finds the order stale and builds it itself
// (the job then finds it built). One build at a time per process: a build holds its firm's lock.
// Several processes may run it (the API and `npm run worker`): SKIP LOCKED and pg-boss share the work.
export async function startMatchOrderWorker(options: MatchOrderWorkerOptions): Promise<MatchOrderWorker> {
  const { logger } = options;
  return startOutboxQueue<WantedBuild>({
    queue: MATCH_ORDER_QUEUE,
    label: 'match-order builds',
    // A build of 100,000 candidates takes seconds; an active job older than this died with its worker.
    queueOptions: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
    connectionString: options.connectionString,
    pool: { applicationName: 'outside-in-match-order', max: 1 },
    // One build at a time per process: a build holds its firm's lock for its catch-up.
    concurrency: 1,
    relayBatch: RELAY_BATCH,
    pollIntervalMs: options.pollIntervalMs,
    stopTimeoutMs: 60_000,
    logger,
    take: (query, limit) => takeUnqueuedBuilds(query, limit),
    handle: async (job) => {
      const started = Date.now();
      const built = await buildWantedOrder(options.em(), job.data);
      if (built) logger.info({ ...job.data, ms: Date.now() - started }, 'talent pool match order built ahead');
    },
  });
}
