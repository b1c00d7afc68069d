import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { webhookQueueDepth } from '../../modules/webhook';
import type { Metrics } from './metrics';

// webhook_queue_depth, read at each scrape (two small statements, outside any request).
export function registerWebhookQueueMetrics(metrics: Metrics, orm: MikroORM): void {
  metrics.addQueueSource(() => webhookQueueDepth(orm.em.fork() as EntityManager));
}
