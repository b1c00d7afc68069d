import type { MikroORM } from '@mikro-orm/postgresql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { Router } from 'express';
import { registerWebhookQueueMetrics } from './webhook-queue';
import { Metrics, type MetricsOptions } from './metrics';
import { RequestMetrics, type RequestStep } from './request-metrics';
import { metricsHandler } from './endpoint';
import { ormConnections, registerPoolMetrics, registerReplicaMetrics } from './database';
import { replicaStatus } from '../../config/replicas';

// Prometheus metrics (prom-client): GET /metrics of the API and, with WORKER_METRICS_PORT, of the
// webhook worker. Series and labels: README "Scaling out" → "Metrics".
export { Metrics, PREFIX, type PoolUse, type ReplicaStatus, type WebhookOutcome } from './metrics';
export { ANONYMOUS, DEFAULT_OPERATION_NAME_CAPACITY, OTHER, OperationLabels } from './operation-labels';
export { outcomeOf } from './outcome';
export { knexPoolUse, ormConnections, registerPoolMetrics, registerReplicaMetrics, type NamedConnection } from './database';
export { metricsHandler } from './endpoint';
export { registerWebhookQueueMetrics } from './webhook-queue';
export { serveWorkerMetrics, type WorkerMetrics } from './worker-metrics';

export interface ApiMetricsOptions extends MetricsOptions {
  orm: MikroORM;
  production: boolean;
  token: string | null;
  rateLimitRefusalOf?: (error: GraphQLError) => string | null;
}

export interface ApiMetrics {
  metrics: Metrics;
  // GET /metrics.
  router: Router;
  // First on /graphql, and just before Apollo (see RequestMetrics).
  track: RequestStep;
  scoped: RequestStep;
  plugin: ApolloServerPlugin;
  // Stops counting statements (the server is stopping).
  close(): void;
}

// The API process's metrics: requests, statements on every ORM connection, pool use, the
// webhook queue, process metrics, and the /metrics route.
export function createApiMetrics({ orm, production, token, rateLimitRefusalOf, ...options }: ApiMetricsOptions): ApiMetrics {
  const metrics = new Metrics(options);
  const requests = new RequestMetrics(metrics, rateLimitRefusalOf);
  const connections = ormConnections(orm);
  const detach = connections.map(({ knex }) => requests.countStatementsOf(knex));
  registerPoolMetrics(metrics, connections);
  // Read replicas (DATABASE_REPLICA_URLS): the status their health checks keep, no statement per scrape.
  registerReplicaMetrics(metrics, () => replicaStatus(orm).map(({ name, healthy, lagSeconds }) => ({ name, up: healthy, lagSeconds })));
  registerWebhookQueueMetrics(metrics, orm);
  const router = Router();
  router.get('/metrics', metricsHandler(metrics, { production, token }));
  return {
    metrics,
    router,
    track: requests.track(),
    scoped: requests.scoped(),
    plugin: requests.plugin(),
    close: () => detach.forEach((stop) => stop()),
  };
}
