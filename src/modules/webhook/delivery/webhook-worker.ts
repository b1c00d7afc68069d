import pg from 'pg';
import type PgBoss from 'pg-boss';
import type { Logger } from '../../../config/logger';
import type { WebhookConfig } from '../../../config/env';
import { signWebhook, webhookBody, webhookHeaders } from '../webhook-signature';
import { WebhookDeliveryStatus } from '../webhook-delivery.entity';
import { WebhookSubscriptionStatus } from '../webhook-subscription.entity';
import { postWebhook } from './webhook-http';
import { signingSecrets } from '../webhook-secrets';
import type { SecretBox } from '../../../common/secret-box';
import { type OutboxQueue, startOutboxQueue } from '../../../common/outbox-queue';

export const DELIVERY_QUEUE = 'webhook-delivery';
// How many deliveries one process attempts at the same time.
const CONCURRENCY = 4;
// How many new deliveries the relay queues per round.
const RELAY_BATCH = 200;

export type WebhookWorkerOptions = Pick<
  WebhookConfig,
  'allowLoopback' | 'pollIntervalMs' | 'retryDelaySeconds' | 'retryLimit' | 'maxAgeSeconds' | 'timeoutMs'
> & {
  connectionString: string;
  logger: Logger;
  // Opens the signing secrets, kept encrypted at rest.
  secrets: SecretBox;
  // Told how each job ended (the metrics of the process running the worker), with the POST's duration.
  onOutcome?: (outcome: WebhookJobOutcome, attemptSeconds: number | null) => void;
};

// delivered: a 2xx; retrying: the attempt failed, pg-boss tries again later; failed: given up;
// cancelled: the subscription is no longer active, nothing was sent.
export type WebhookJobOutcome = 'delivered' | 'retrying' | 'failed' | 'cancelled';

export type WebhookWorker = OutboxQueue;

interface DeliveryJob {
  deliveryId: string;
}

// Webhook delivery on pg-boss, a job queue in PostgreSQL. Two parts:
// - the relay moves deliveries that the outbox wrote (queued_at is null) onto the queue, in the
//   same transaction that marks them queued, so each is queued exactly once;
// - the handler POSTs one delivery, logs the attempt, and on failure throws, so pg-boss retries
//   it with exponential backoff, until a 2xx, the retry limit, or maxAgeSeconds.
// At least once: a crash after the receiver answered but before the log was written sends the
// event again, with the same event id, which receivers use to drop repeats.
// Several processes may run it at once (the API and `npm run worker`): SKIP LOCKED and pg-boss
// share the work out.
export async function startWebhookWorker(options: WebhookWorkerOptions): Promise<WebhookWorker> {
  const { logger } = options;
  const onOutcome = options.onOutcome ?? (() => undefined);
  return startOutboxQueue<DeliveryJob>({
    queue: DELIVERY_QUEUE,
    label: 'webhook deliveries',
    queueOptions: {
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: true,
      // An attempt takes at most timeoutMs; an active job older than this died with its worker.
      expireInSeconds: Math.ceil(options.timeoutMs / 1000) + 60,
      retentionDays: Math.ceil(options.maxAgeSeconds / 86_400) + 1,
    },
    connectionString: options.connectionString,
    pool: { applicationName: 'outside-in-webhooks', max: 2 },
    concurrency: CONCURRENCY,
    relayBatch: RELAY_BATCH,
    pollIntervalMs: options.pollIntervalMs,
    stopTimeoutMs: options.timeoutMs + 5000,
    logger,
    take: async (query, limit) => {
      const rows = await query(
        `select "id" from "webhook_delivery" where "queued_at" is null and "status" = $1
         order by "created_at" limit $2 for update skip locked`,
        [WebhookDeliveryStatus.PENDING, limit],
      );
      if (rows.length > 0)
        await query(`update "webhook_delivery" set "queued_at" = now() where "id" = any($1::uuid[])`, [rows.map((row) => row.id)]);
      return rows.map((row) => ({ deliveryId: row.id as string }));
    },
    handle: deliver,
  });

  async function deliver(job: PgBoss.JobWithMetadata<DeliveryJob>, pool: pg.Pool): Promise<void> {
    const { rows } = await pool.query(
      `select d."status", d."firm_id", s."id" as "subscription_id", s."url", s."secret", s."previous_secret",
              s."previous_secret_expires_at", s."status" as "subscription_status",
              e."id" as "event_id", e."type", e."created_at", e."data"
       from "webhook_delivery" d
       join "webhook_subscription" s on s."id" = d."subscription_id"
       join "webhook_event" e on e."id" = d."event_id"
       where d."id" = $1`,
      [job.data.deliveryId],
    );
    const delivery = rows[0];
    // Deleted with its subscription, or done by an earlier copy of this job.
    if (!delivery || delivery.status !== WebhookDeliveryStatus.PENDING) return;
    if (delivery.subscription_status !== WebhookSubscriptionStatus.ACTIVE) {
      await pool.query(`update "webhook_delivery" set "status" = $2, "updated_at" = now() where "id" = $1 and "status" = $3`, [
        job.data.deliveryId,
        WebhookDeliveryStatus.CANCELLED,
        WebhookDeliveryStatus.PENDING,
      ]);
      onOutcome('cancelled', null);
      return;
    }

    const body = webhookBody({ id: delivery.event_id, type: delivery.type, createdAt: delivery.created_at, data: delivery.data });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = new Date();
    const response = await postWebhook(
      delivery.url,
      body,
      webhookHeaders({
        eventId: delivery.event_id,
        type: delivery.type,
        deliveryId: job.data.deliveryId,
        signature: signWebhook(
          signingSecrets(options.secrets, {
            id: delivery.subscription_id,
            secret: delivery.secret,
            previousSecret: delivery.previous_secret,
            previousSecretExpiresAt: delivery.previous_secret_expires_at,
          }),
          body,
          timestamp,
        ),
      }),
      { timeoutMs: options.timeoutMs, policy: { allowLoopback: options.allowLoopback } },
    );
    const succeeded = response.error === null;
    const age = (Date.now() - new Date(job.createdOn).getTime()) / 1000;
    const givingUp = !succeeded && (job.retryCount >= job.retryLimit || age >= options.maxAgeSeconds);
    const status = succeeded ? WebhookDeliveryStatus.DELIVERED : givingUp ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING;
    // The attempt and the delivery's new state in one statement.
    await pool.query(
      `with "delivery" as (
         update "webhook_delivery" set "attempt_count" = "attempt_count" + 1, "last_attempt_at" = $2, "status" = $3,
           "delivered_at" = case when $4::boolean then now() else "delivered_at" end, "updated_at" = now()
         where "id" = $1
         returning "id", "firm_id", "attempt_count"
       )
       insert into "webhook_delivery_attempt"
         ("id", "created_at", "updated_at", "firm_id", "delivery_id", "number", "duration_ms", "response_status", "error", "succeeded")
       select gen_random_uuid(), $2, now(), "firm_id", "id", "attempt_count", $5, $6, $7, $4 from "delivery"`,
      [
        job.data.deliveryId,
        started,
        status,
        succeeded,
        Date.now() - started.getTime(),
        response.status,
        response.error?.slice(0, 1000) ?? null,
      ],
    );
    logger.info(
      { deliveryId: job.data.deliveryId, eventId: delivery.event_id, status, responseStatus: response.status },
      'webhook attempt',
    );
    onOutcome(succeeded ? 'delivered' : givingUp ? 'failed' : 'retrying', (Date.now() - started.getTime()) / 1000);
    // Thrown, so pg-boss schedules the next attempt with its backoff.
    if (status === WebhookDeliveryStatus.PENDING) throw new Error(response.error ?? 'delivery failed');
  }
}
