import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/config/orm.config';
import { createLogger } from '../../src/config/logger';
import { buildAppSchema } from '../../src/server/schema';
import { createAppServer } from '../../src/server/app';
import { reportFailure, serveChildProtocol } from './child';
import { entities } from '../../src/server/features';
import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../src/common/secret-box';

// The real server, as `npm start` builds it in production mode (no introspection, no
// explorer), on the benchmark database. Request logs (info) are off: the benchmark measures
// the API, not the log sink.
async function main(): Promise<void> {
  const orm = await MikroORM.init(ormOptions(process.env.BENCH_DATABASE_URL!, entities));
  const server = await createAppServer({
    orm,
    schema: await buildAppSchema(),
    logger: createLogger(process.env.BENCH_LOG_LEVEL ?? 'warn'),
    production: true,
    secrets: SecretBox.fromKey(randomBytes(32)),
    // The benchmark measures the API's throughput, not the rate limiter (which would stop it at 50 points/s per key).
    rateLimit: { capacity: 1e12, refillPerSecond: 1e12 },
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  serveChildProtocol((server.httpServer.address() as AddressInfo).port, async () => {
    await server.stop();
    await orm.close(true);
  });
}

main().catch(reportFailure);
