import type { EntityManager } from '@mikro-orm/postgresql';
import { WebhookDeliveryStatus } from '../webhook-delivery.entity';
import { DELIVERY_QUEUE } from './webhook-worker';

// How many deliveries wait, by stage, for the metrics: `outbox` written and not yet relayed (the
// relay's partial index), then pg-boss's own states of the delivery queue: created and retry
// (waiting on the queue), active (being attempted). The job queue's stages are missing until a
// worker has created its schema. All firms together: no firm appears in a metric.
export async function webhookQueueDepth(em: EntityManager): Promise<Record<string, number>> {
  const [{ outbox, queue }] = await em.execute<{ outbox: number; queue: string | null }[]>(
    `select (select count(*)::int from "webhook_delivery" where "queued_at" is null and "status" = ?) as "outbox",
            to_regclass('pgboss.job')::text as "queue"`,
    [WebhookDeliveryStatus.PENDING],
  );
  if (queue === null) return { outbox };
  const depth: Record<string, number> = { outbox, created: 0, retry: 0, active: 0 };
  const states = await em.execute<{ state: string; count: number }[]>(
    `select "state"::text, count(*)::int as "count" from pgboss.job where "name" = ? and "state" < 'completed' group by "state"`,
    [DELIVERY_QUEUE],
  );
  for (const { state, count } of states) depth[state] = count;
  return depth;
}
