import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Metrics } from './metrics';
import { metricsHandler } from './endpoint';
import { ormConnections, registerPoolMetrics } from './database';
import { registerWebhookQueueMetrics } from './webhook-queue';

export interface WorkerMetricsOptions {
  orm: MikroORM;
  port: number;
  production: boolean;
  token: string | null;
}

export interface WorkerMetrics {
  metrics: Metrics;
  port: number;
  close(): Promise<void>;
}

// The webhook worker's own /metrics (WORKER_METRICS_PORT): its delivery outcomes and attempt
// durations, the queue depth, its ORM pool and process metrics, with the API's token rule.
// A process of its own answers no GraphQL, so it has no request series.
export async function serveWorkerMetrics({ orm, port, production, token }: WorkerMetricsOptions): Promise<WorkerMetrics> {
  const metrics = new Metrics();
  registerPoolMetrics(metrics, ormConnections(orm));
  registerWebhookQueueMetrics(metrics, orm);
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsHandler(metrics, { production, token }));
  app.use((_request, response) => void response.status(404).json({ error: 'Not found. Metrics are at /metrics.' }));
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    metrics,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
