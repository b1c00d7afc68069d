import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { writeArrays } from '../../common/rows';
import type { WebhookEventType } from './webhook-event-type';
import { WebhookSubscriptionStatus } from './webhook-subscription.entity';

export interface OutboxEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

// The transactional outbox. Call it with the entity manager of the transaction that makes the
// change: the event and one delivery per active subscription to its type are written in that
// transaction (one statement), so they exist exactly when the change commits. The relay of the
// delivery worker then puts the deliveries on the job queue. Nothing is written when no
// subscription wants the event. `data` carries ids (global ids, as the API shows them) and
// minimal facts, never personal data. Returns the event id.
export async function emitEvent(em: EntityManager, firmId: string, type: WebhookEventType, data: Record<string, unknown>): Promise<string> {
  const [id] = await emitEvents(em, firmId, [{ type, data }]);
  return id;
}

// Many events of one transaction in one statement, whatever their number (a bulk upsert's 500),
// each written only when a subscription wants its type. Returns the event ids in order.
export async function emitEvents(em: EntityManager, firmId: string, events: OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map(({ type, data }) => ({ id: randomUUID(), type, data }));
  const types = [...new Set(events.map((event) => event.type))];
  const now = new Date().toISOString();
  // With bind values straight on pg: through em.execute a batch's 500 events went into the text.
  await writeArrays(
    em,
    `with "subscription" as (
       select "id", "events" from "webhook_subscription" where "firm_id" = ?::uuid and "status" = ? and "events" && ?::text[]
     ), "given" as (
       select * from jsonb_to_recordset(?::jsonb) as g("id" uuid, "type" text, "data" jsonb)
     ), "event" as (
       insert into "webhook_event" ("id", "created_at", "updated_at", "firm_id", "type", "data")
       select g."id", ?::timestamptz, ?::timestamptz, ?::uuid, g."type", g."data" from "given" g
       where exists (select 1 from "subscription" s where g."type" = any(s."events"))
       returning "id", "type"
     )
     insert into "webhook_delivery" ("id", "created_at", "updated_at", "firm_id", "subscription_id", "event_id", "status", "attempt_count")
     select gen_random_uuid(), ?::timestamptz, ?::timestamptz, ?::uuid, s."id", e."id", 'PENDING', 0
     from "subscription" s join "event" e on e."type" = any(s."events")`,
    [firmId, WebhookSubscriptionStatus.ACTIVE, `{${types.join(',')}}`, JSON.stringify(rows), now, now, firmId, now, now, firmId],
  );
  return rows.map((row) => row.id);
}
