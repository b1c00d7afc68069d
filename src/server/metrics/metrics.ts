import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OperationLabels } from './operation-labels';

// Every series name starts with this (the process series of prom-client keep their standard names).
export const PREFIX = 'outside_in_';

export interface MetricsOptions {
  // The error codes that may reach a client (server/errors.ts): the values of `outcome` besides
  // ok, user_error and internal_server_error.
  publicErrorCodes?: ReadonlySet<string>;
  // How many distinct operation names get a series of their own (the rest count as "other").
  operationNameCapacity?: number;
}

// How a connection pool is used right now.
export interface PoolUse {
  used: number;
  free: number;
  // Requests waiting for a connection.
  pending: number;
  max: number;
}

// One read replica as its status function sees it (see registerReplicaMetrics).
export interface ReplicaStatus {
  // A short name such as "replica-1", never the URL (it carries a password).
  name: string;
  up: boolean;
  // Replay lag behind the primary; null when unknown (down, or not measured yet).
  lagSeconds: number | null;
}

export type WebhookOutcome = 'delivered' | 'retrying' | 'failed' | 'cancelled';

// One registry per process (the API, or the webhook worker), never prom-client's global one:
// tests run several servers in one process, each with its own series.
export class Metrics {
  readonly registry = new Registry();
  readonly operations: OperationLabels;
  readonly publicErrorCodes: ReadonlySet<string>;

  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestDuration: Histogram<'operation'>;
  readonly requestStatements: Histogram<'operation'>;
  readonly rateLimitRefusals: Counter<'reason'>;
  readonly webhookOutcomes: Counter<'outcome'>;
  readonly webhookAttemptDuration: Histogram;

  private readonly pools = new Map<string, () => PoolUse | null>();
  private readonly replicaSources: (() => ReplicaStatus[] | Promise<ReplicaStatus[]>)[] = [];
  private readonly queueSources: (() => Promise<Record<string, number>>)[] = [];

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.operations = new OperationLabels(options.operationNameCapacity);
    this.publicErrorCodes = options.publicErrorCodes ?? new Set();
    collectDefaultMetrics({ register: this.registry });

    this.requests = new Counter({
      name: `${PREFIX}graphql_requests_total`,
      help: 'GraphQL requests by operation name and outcome (ok, user_error, or the error code in lower case).',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: `${PREFIX}graphql_request_duration_seconds`,
      help: 'Time from the request reaching /graphql to the last byte of its answer, by operation.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.requestStatements = new Histogram({
      name: `${PREFIX}graphql_request_sql_statements`,
      help: 'SQL statements one GraphQL request ran through the ORM (primary and replicas), by operation.',
      labelNames: ['operation'],
      buckets: [0, 1, 2, 4, 8, 16, 32, 64, 128, 256],
      registers,
    });
    this.rateLimitRefusals = new Counter({
      name: `${PREFIX}rate_limit_refusals_total`,
      help: 'Operations refused with 429: bucket (the credential spent its points) or invalid_tokens (its address sent too many bad tokens).',
      labelNames: ['reason'],
      registers,
    });
    this.webhookOutcomes = new Counter({
      name: `${PREFIX}webhook_deliveries_total`,
      help: 'Webhook delivery jobs handled by this process: delivered, retrying (attempt failed, retried later), failed (gave up), cancelled (subscription no longer active).',
      labelNames: ['outcome'],
      registers,
    });
    this.webhookAttemptDuration = new Histogram({
      name: `${PREFIX}webhook_attempt_duration_seconds`,
      help: 'Duration of webhook POSTs made by this process.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });

    const pools = this.pools;
    new Gauge({
      name: `${PREFIX}db_pool_connections`,
      help: 'Connections of each database pool (primary, replica-N) by state: used, free, pending (requests waiting for one).',
      labelNames: ['pool', 'state'],
      registers,
      collect() {
        this.reset();
        for (const [pool, use] of pools) {
          const now = use();
          if (!now) continue;
          for (const state of ['used', 'free', 'pending'] as const) this.set({ pool, state }, now[state]);
        }
      },
    });
    new Gauge({
      name: `${PREFIX}db_pool_max_connections`,
      help: 'The most connections each database pool opens.',
      labelNames: ['pool'],
      registers,
      collect() {
        this.reset();
        for (const [pool, use] of pools) {
          const now = use();
          if (now) this.set({ pool }, now.max);
        }
      },
    });

    const replicaSources = this.replicaSources;
    // A source that fails (a replica that cannot be asked) leaves its series out of this scrape.
    const replicaStatuses = async () => (await Promise.all(replicaSources.map(async (source) => readOrNothing(source, [])))).flat();
    new Gauge({
      name: `${PREFIX}db_replica_up`,
      help: '1 when a read replica is used for reads, 0 when it is skipped (down or lagging beyond the limit).',
      labelNames: ['replica'],
      registers,
      async collect() {
        this.reset();
        for (const replica of await replicaStatuses()) this.set({ replica: replica.name }, replica.up ? 1 : 0);
      },
    });
    new Gauge({
      name: `${PREFIX}db_replica_lag_seconds`,
      help: 'How far each read replica replays behind the primary.',
      labelNames: ['replica'],
      registers,
      async collect() {
        this.reset();
        for (const replica of await replicaStatuses()) {
          if (replica.lagSeconds !== null) this.set({ replica: replica.name }, replica.lagSeconds);
        }
      },
    });

    const queueSources = this.queueSources;
    new Gauge({
      name: `${PREFIX}webhook_queue_depth`,
      help: 'Webhook deliveries waiting, by stage: outbox (written, not yet on the job queue), created and retry (on the queue), active (being attempted).',
      labelNames: ['stage'],
      registers,
      async collect() {
        this.reset();
        for (const source of queueSources) {
          for (const [stage, count] of Object.entries(await readOrNothing(source, {}))) this.set({ stage }, count);
        }
      },
    });
  }

  // A pool whose use is read at every scrape.
  addPool(name: string, use: () => PoolUse | null): void {
    this.pools.set(name, use);
  }

  addReplicaSource(source: () => ReplicaStatus[] | Promise<ReplicaStatus[]>): void {
    this.replicaSources.push(source);
  }

  addQueueSource(source: () => Promise<Record<string, number>>): void {
    this.queueSources.push(source);
  }

  // The text a scrape gets (Prometheus text format 0.0.4).
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  observeWebhookOutcome(outcome: WebhookOutcome, attemptSeconds: number | null): void {
    this.webhookOutcomes.inc({ outcome });
    if (attemptSeconds !== null) this.webhookAttemptDuration.observe(attemptSeconds);
  }
}

// A scrape answers even while the database does not: the series that need it are left out.
async function readOrNothing<T>(source: () => T | Promise<T>, nothing: T): Promise<T> {
  try {
    return await source();
  } catch {
    return nothing;
  }
}
