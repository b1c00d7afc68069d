import { createLogger } from '../../src/config/logger';
import { startWebhookWorker } from '../../src/modules/webhook';
import { createTestDatabase, testSecretBox } from '../helpers/test-app';

describe('the job queue in the database', () => {
  it('should keep its own schema out of the way of the migrations', async () => {
    const orm = await createTestDatabase();
    try {
      const worker = await startWebhookWorker({
        connectionString: orm.config.get('clientUrl')!,
        secrets: testSecretBox(),
        logger: createLogger('silent'),
        allowLoopback: true,
        pollIntervalMs: 1000,
        retryDelaySeconds: 1,
        retryLimit: 1,
        maxAgeSeconds: 60,
        timeoutMs: 1000,
      });
      await worker.stop();
      const [{ count }] = await orm.em
        .getConnection()
        .execute(`select count(*)::int as count from information_schema.tables where table_schema = 'pgboss'`);
      expect(count).toBeGreaterThan(0);
      // `npm run migration:create` on a database the worker ran in must not drop the queue's tables.
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
    } finally {
      await orm.close(true);
    }
  });
});
