import 'reflect-metadata';
import { ConfigError, readConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { openDatabase, type Database } from '../config/database';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sealClearWebhookSecrets, startWebhookWorker, type WebhookWorker } from '../modules/webhook';
import { startMatchOrderWorker, type MatchOrderWorker } from '../modules/competency-profile';
import { SecretBox } from '../common/secret-box';
import { dataEncryptionKeyOf } from '../config/data-encryption';
import { entities } from '../server/features';
import { serveWorkerMetrics, type WorkerMetrics } from '../server/metrics';

// npm run worker: delivers webhooks in a process of its own. Start the API with
// WEBHOOK_DELIVERY=off to leave all of it to workers; running both is safe too (they share the work).
async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl) {
    throw new ConfigError('npm run worker needs DATABASE_URL. With the embedded database, npm start delivers webhooks itself.');
  }
  const logger = createLogger(config.logLevel);
  let database: Database | null = null;
  let worker: WebhookWorker | null = null;
  let matchOrders: MatchOrderWorker | null = null;
  let metrics: WorkerMetrics | null = null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'webhook worker stopping: finishing running attempts');
    await worker?.stop().catch((error) => logger.error({ err: error }, 'webhook worker did not stop cleanly'));
    await matchOrders?.stop().catch((error) => logger.error({ err: error }, 'match-order builds did not stop cleanly'));
    await metrics?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  database = await openDatabase(config, entities);
  const secrets = SecretBox.fromKey(dataEncryptionKeyOf(config));
  await sealClearWebhookSecrets(database.orm.em.fork() as EntityManager, secrets);
  // Its own /metrics when WORKER_METRICS_PORT is set (same token rule as the API's).
  if (config.workerMetricsPort !== null) {
    metrics = await serveWorkerMetrics({
      orm: database.orm,
      port: config.workerMetricsPort,
      production: config.production,
      token: config.metricsToken,
    });
  }
  const observe = metrics?.metrics;
  worker = await startWebhookWorker({
    ...config.webhooks,
    connectionString: config.databaseUrl,
    logger,
    secrets,
    onOutcome: observe ? (outcome, seconds) => observe.observeWebhookOutcome(outcome, seconds) : undefined,
  });
  // The talent pool's match orders built ahead, shared with the API processes.
  const orm = database.orm;
  matchOrders = await startMatchOrderWorker({
    connectionString: config.databaseUrl,
    logger: logger.child({ component: 'match-orders' }),
    em: () => orm.em.fork() as EntityManager,
    pollIntervalMs: config.webhooks.pollIntervalMs,
  });
  logger.info({ metricsPort: metrics?.port ?? null }, 'webhook worker running');
  console.log('Outside-In webhook worker is running. Ctrl-C stops it.');
}

main().catch((error) => {
  console.error(
    `outside-in worker: ${error instanceof ConfigError || !(error instanceof Error) ? String(error.message ?? error) : error.stack}`,
  );
  process.exit(1);
});
