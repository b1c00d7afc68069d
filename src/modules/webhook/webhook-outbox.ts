import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { WebhookEventType } from './webhook-event-type';
import { WebhookSubscriptionStatus } from './webhook-subscription.entity';

// The transactional outbox. Call it with the entity manager of the transaction that makes the
// change: the event and one delivery per active subscription to its type are written in that
// transaction (one statement), so they exist exactly when the change commits. The relay of the
// delivery worker then puts the deliveries on the job queue. Nothing is written when no
// subscription wants the event. `data` carries ids (global ids, as the API shows them) and
// minimal facts, never personal data. Returns the event id.
export async function emitEvent(em: EntityManager, firmId: string, type: WebhookEventType, data: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await em.execute(
    `with "subscription" as (
       select "id" from "webhook_subscription" where "firm_id" = ? and "status" = ? and ? = any("events")
     ), "event" as (
       insert into "webhook_event" ("id", "created_at", "updated_at", "firm_id", "type", "data")
       select ?, ?::timestamptz, ?::timestamptz, ?, ?, ?::jsonb where exists (select 1 from "subscription")
       returning "id"
     )
     insert into "webhook_delivery" ("id", "created_at", "updated_at", "firm_id", "subscription_id", "event_id", "status", "attempt_count")
     select gen_random_uuid(), ?::timestamptz, ?::timestamptz, ?, s."id", e."id", 'PENDING', 0 from "subscription" s cross join "event" e`,
    [firmId, WebhookSubscriptionStatus.ACTIVE, type, id, now, now, firmId, type, JSON.stringify(data), now, now, firmId],
  );
  return id;
}
