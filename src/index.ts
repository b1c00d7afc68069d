import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, readConfig } from './config/env';
import { createLogger } from './config/logger';
import { openDatabase, type Database } from './config/database';
import { buildAppSchema } from './server/schema';
import { createAppServer, type AppServer } from './server/app';
import { seedDemo } from '../seeds/demo.seeder';
import { demoLogins } from '../seeds/demo-logins';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sealClearWebhookSecrets, startWebhookWorker, type WebhookWorker } from './modules/webhook';
import { startMatchOrderWorker, type MatchOrderWorker } from './modules/competency-profile';
import { SecretBox } from './common/secret-box';
import { dataEncryptionKeyOf } from './config/data-encryption';
import { entities } from './server/features';

// Start-up only: configuration → database → server → listen.
async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  let database: Database | null = null;
  let server: AppServer | null = null;
  let webhooks: WebhookWorker | null = null;
  let matchOrders: MatchOrderWorker | null = null;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    await server?.stop().catch((error) => logger.error({ err: error }, 'HTTP server did not stop cleanly'));
    await webhooks?.stop().catch((error) => logger.error({ err: error }, 'webhook delivery did not stop cleanly'));
    await matchOrders?.stop().catch((error) => logger.error({ err: error }, 'match-order builds did not stop cleanly'));
    await database?.close().catch((error) => logger.error({ err: error }, 'database did not close cleanly'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (!config.databaseUrl) console.log(`Starting the embedded PostgreSQL (data in ${config.embeddedDataDir}) …`);
    database = await openDatabase(
      config,
      entities,
      (line) => logger.debug({ postgres: line }, 'embedded postgres'),
      undefined,
      (message, details) => logger.warn(details, message),
    );
    const secrets = SecretBox.fromKey(dataEncryptionKeyOf(config));
    // Secrets written in clear before encryption at rest are sealed now (a migration has no key).
    await sealClearWebhookSecrets(database.orm.em.fork() as EntityManager, secrets);
    const seeded = config.production ? false : await seedDemo(database.orm.em.fork() as EntityManager);
    server = await createAppServer({
      orm: database.orm,
      schema: await buildAppSchema(),
      logger,
      production: config.production,
      secrets,
      rateLimit: config.rateLimit,
      metrics: { token: config.metricsToken },
    });
    await listen(server, config.port);
    // Webhooks go out from this process unless a separate `npm run worker` does it.
    if (config.webhooks.deliverInProcess) {
      webhooks = await startWebhookWorker({
        ...config.webhooks,
        connectionString: database.orm.config.get('clientUrl')!,
        logger: logger.child({ component: 'webhooks' }),
        secrets,
        onOutcome: (outcome, seconds) => server?.metrics.observeWebhookOutcome(outcome, seconds),
      });
    }
    // The talent pool's match orders built ahead of the first read after a profile change; a
    // `npm run worker` shares the work.
    const orm = database.orm;
    matchOrders = await startMatchOrderWorker({
      connectionString: orm.config.get('clientUrl')!,
      logger: logger.child({ component: 'match-orders' }),
      em: () => orm.em.fork() as EntityManager,
      pollIntervalMs: config.webhooks.pollIntervalMs,
    });
    const { port } = server.httpServer.address() as AddressInfo;
    printBanner(port, config.production, seeded, !config.databaseUrl);
  } catch (error) {
    await server?.stop().catch(() => undefined);
    await webhooks?.stop().catch(() => undefined);
    await matchOrders?.stop().catch(() => undefined);
    await database?.close().catch(() => undefined);
    if (error instanceof ConfigError) {
      console.error(`outside-in: ${error.message}`);
    } else {
      // One sentence for the person starting it; the stack only for whoever asks for it.
      logger.debug({ err: error }, 'could not start');
      console.error(`outside-in: Could not start: ${firstLine(error)}. Start with LOG_LEVEL=debug to see where it failed.`);
    }
    process.exit(1);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  return message.split('\n')[0].replace(/\.$/, '');
}

function listen(server: AppServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.httpServer.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(`Port ${port} is in use. Stop what uses it, or start with another port: PORT=4001 npm start`)
          : error,
      ),
    );
    server.httpServer.listen(port, () => resolve());
  });
}

function printBanner(port: number, production: boolean, seeded: boolean, embedded: boolean): void {
  const lines = [
    '',
    `Outside-In is running: http://localhost:${port}/graphql`,
    production ? '' : `  Open it in a browser for the GraphQL explorer. Health: /healthz, readiness: /readyz`,
    embedded ? `  Database: embedded PostgreSQL${seeded ? ' (demo data loaded just now)' : ''}` : '  Database: DATABASE_URL',
  ];
  if (!production) {
    lines.push('', '  Demo logins (development only):');
    for (const login of demoLogins()) {
      lines.push(`    ${login.firm.padEnd(26)} ${login.email.padEnd(34)} ${login.password.padEnd(20)} ${login.role}`);
    }
  }
  lines.push('', '  Ctrl-C stops the server and the embedded database.', '');
  console.log(lines.join('\n'));
}

// What escapes main (a configuration mistake read before anything started) is one line too.
main().catch((error: unknown) => {
  console.error(`outside-in: ${error instanceof ConfigError ? error.message : `Could not start: ${firstLine(error)}.`}`);
  process.exit(1);
});
