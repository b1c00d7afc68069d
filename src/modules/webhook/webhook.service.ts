import { randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import type { SecretBox } from '../../common/secret-box';
import { ROTATION_OVERLAP_MS, signingSecrets } from './webhook-secrets';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { refusedHost, type AddressPolicy } from './webhook-address';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from './webhook-event-type';
import { newWebhookSecret, signWebhook, webhookBody, webhookHeaders } from './webhook-signature';
import { WebhookEvent } from './webhook-event.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { postWebhook, type WebhookResponse } from './delivery/webhook-http';
import { WebhookSubscription, WebhookSubscriptionStatus } from './webhook-subscription.entity';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WEBHOOK_LIMITS } from './webhook.limits';

export interface CreateWebhookSubscriptionData {
  url: string;
  events: string[];
  description?: string | null;
}

export async function createWebhookSubscription(
  em: EntityManager,
  firmId: string,
  data: CreateWebhookSubscriptionData,
  policy: AddressPolicy,
  box: SecretBox,
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const check = new InputCheck();
  const url = checkUrl(check, data.url, policy);
  const description = check.text(['input', 'description'], data.description, { max: WEBHOOK_LIMITS.description });
  const events = checkEvents(check, data.events);
  check.done();
  // Locked, so two requests at once cannot both take the last free place.
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`webhook-subscriptions:${firmId}`]);
  if ((await em.count(WebhookSubscription, { firm: firmId })) >= WEBHOOK_LIMITS.subscriptions) {
    throw UserInputError.of(
      UserErrorCode.OUT_OF_RANGE,
      `A firm can have at most ${WEBHOOK_LIMITS.subscriptions} webhook subscriptions; delete one first.`,
      ['input'],
    );
  }
  const secret = newWebhookSecret();
  const id = randomUUID();
  const sealed = box.seal(secret, id);
  const subscription = em.create(WebhookSubscription, {
    id,
    firm: em.getReference(Firm, firmId),
    url: url!,
    events,
    description,
    secret: sealed,
  });
  em.persist(subscription);
  return { subscription, secret };
}

// A new signing secret, returned this once. The one it replaces still signs deliveries, next to
// the new one, for 24 hours (ROTATION_OVERLAP_MS), so a receiver can switch over without losing
// an event; a second rotation within that time ends the older secret's overlap at once.
export async function rotateWebhookSecret(
  em: EntityManager,
  firmId: string,
  subscriptionId: string | null,
  box: SecretBox,
  now = new Date(),
): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const subscription = await findSubscription(em, firmId, subscriptionId, LockMode.PESSIMISTIC_WRITE);
  const secret = newWebhookSecret();
  subscription.previousSecret = subscription.secret;
  subscription.previousSecretExpiresAt = new Date(now.getTime() + ROTATION_OVERLAP_MS);
  subscription.secret = box.seal(secret, subscription.id);
  return { subscription, secret };
}

export async function setWebhookSubscriptionStatus(
  em: EntityManager,
  firmId: string,
  subscriptionId: string | null,
  status: WebhookSubscriptionStatus,
): Promise<{ subscription: WebhookSubscription }> {
  const subscription = await findSubscription(em, firmId, subscriptionId);
  subscription.status = status;
  if (status === WebhookSubscriptionStatus.DISABLED) {
    await em.nativeUpdate(
      WebhookDelivery,
      { subscription: subscription.id, firm: firmId, status: WebhookDeliveryStatus.PENDING },
      { status: WebhookDeliveryStatus.CANCELLED },
    );
  }
  return { subscription };
}

// The subscription goes, with its delivery log; queued jobs of it find nothing and end.
export async function deleteWebhookSubscription(em: EntityManager, firmId: string, subscriptionId: string | null) {
  const subscription = await findSubscription(em, firmId, subscriptionId);
  const deletedSubscriptionId = subscription.nodeId;
  em.remove(subscription);
  return { deletedSubscriptionId };
}

// Sends a delivery again, whatever became of it: back to PENDING, and the relay queues it anew
// (with a fresh round of retries). Its attempts so far stay in the log; the event id is the same.
export async function redeliverWebhook(em: EntityManager, firmId: string, deliveryId: string | null) {
  const field = ['input', 'deliveryId'];
  const delivery = deliveryId ? await em.findOne(WebhookDelivery, { id: deliveryId, firm: firmId }, { populate: ['subscription'] }) : null;
  if (!delivery) throw notFound(field, 'webhook delivery');
  if (delivery.subscription.getEntity().status !== WebhookSubscriptionStatus.ACTIVE) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, 'The subscription is disabled: enable it first.', field);
  }
  if (delivery.status === WebhookDeliveryStatus.PENDING && delivery.queuedAt === null) return { delivery };
  delivery.status = WebhookDeliveryStatus.PENDING;
  delivery.queuedAt = null;
  return { delivery };
}

async function findSubscription(
  em: EntityManager,
  firmId: string,
  subscriptionId: string | null,
  lockMode?: LockMode,
): Promise<WebhookSubscription> {
  const subscription = subscriptionId
    ? await em.findOne(WebhookSubscription, { id: subscriptionId, firm: firmId }, lockMode ? { lockMode } : {})
    : null;
  if (!subscription) throw notFound(['input', 'subscriptionId'], 'webhook subscription');
  return subscription;
}

function checkUrl(check: InputCheck, text: string, policy: AddressPolicy): string | null {
  const field = ['input', 'url'];
  const value = check.text(field, text, { max: WEBHOOK_LIMITS.url, required: true });
  if (!value || value.length > WEBHOOK_LIMITS.url) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    check.add(UserErrorCode.INVALID, 'url is not a URL.', field);
    return value;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    check.add(UserErrorCode.INVALID, 'url must start with https:// or http://.', field);
  } else if (url.username || url.password) {
    check.add(UserErrorCode.INVALID, 'url must not hold a user name or password; verify the signature instead.', field);
  } else {
    const refused = refusedHost(url.hostname, policy);
    if (refused) check.add(UserErrorCode.INVALID, `url points to ${refused}, which a webhook may not reach.`, field);
  }
  return url.toString();
}

function checkEvents(check: InputCheck, events: string[]): string[] {
  if (events.length === 0) {
    check.add(UserErrorCode.REQUIRED, `Subscribe to at least one event: ${WEBHOOK_EVENT_TYPES.join(', ')}.`, ['input', 'events']);
  }
  const unique: string[] = [];
  events.forEach((event, index) => {
    const name = event.trim();
    if (!isWebhookEventType(name)) {
      check.add(UserErrorCode.INVALID, `"${name.slice(0, 60)}" is not an event; the events are ${WEBHOOK_EVENT_TYPES.join(', ')}.`, [
        'input',
        'events',
        String(index),
      ]);
    } else if (!unique.includes(name)) {
      unique.push(name);
    }
  });
  return unique;
}

// The event type of a ping: not one to subscribe to, every subscription can be pinged.
export const PING_EVENT_TYPE = 'ping';

// What a ping sent, to be logged by recordPing.
export interface SentPing {
  eventId: string;
  deliveryId: string;
  createdAt: Date;
  data: Record<string, unknown>;
  startedAt: Date;
  durationMs: number;
  response: WebhookResponse;
}

// Sends a signed `ping` to the subscription now, past the queue: step one of pingWebhookSubscription,
// run before its transaction opens, so a receiver that takes its 10 s holds no database
// connection. Null when the firm has no such subscription. The address rules are those of every
// delivery (postWebhook checks every resolved address).
export async function sendPing(
  em: EntityManager,
  firmId: string,
  subscriptionId: string | null,
  policy: AddressPolicy,
  box: SecretBox,
): Promise<SentPing | null> {
  const subscription = subscriptionId ? await em.findOne(WebhookSubscription, { id: subscriptionId, firm: firmId }) : null;
  if (!subscription) return null;
  const ping = { eventId: randomUUID(), deliveryId: randomUUID(), createdAt: new Date(), data: { subscriptionId: subscription.nodeId } };
  const body = webhookBody({ id: ping.eventId, type: PING_EVENT_TYPE, createdAt: ping.createdAt, data: ping.data });
  const startedAt = new Date();
  const response = await postWebhook(
    subscription.url,
    body,
    webhookHeaders({
      eventId: ping.eventId,
      type: PING_EVENT_TYPE,
      deliveryId: ping.deliveryId,
      signature: signWebhook(signingSecrets(box, subscription, startedAt), body, Math.floor(startedAt.getTime() / 1000)),
    }),
    { timeoutMs: WEBHOOK_LIMITS.pingTimeoutMs, policy },
  );
  return { ...ping, startedAt, durationMs: Date.now() - startedAt.getTime(), response };
}

// Step two, in the mutation's transaction: logs the ping as a delivery of one attempt (DELIVERED or
// FAILED, never retried), so it shows in the delivery log like any other.
export async function recordPing(
  em: EntityManager,
  firmId: string,
  subscriptionId: string | null,
  sent: SentPing | null,
): Promise<{ delivery: WebhookDelivery; attempt: WebhookDeliveryAttempt }> {
  if (!sent) throw notFound(['input', 'subscriptionId'], 'webhook subscription');
  // Deleted while the ping was out: NOT_FOUND too.
  const subscription = await findSubscription(em, firmId, subscriptionId);
  const firm = em.getReference(Firm, firmId);
  const succeeded = sent.response.error === null;
  const event = em.create(WebhookEvent, { id: sent.eventId, createdAt: sent.createdAt, firm, type: PING_EVENT_TYPE, data: sent.data });
  const delivery = em.create(WebhookDelivery, {
    id: sent.deliveryId,
    firm,
    subscription,
    event,
    queuedAt: sent.startedAt,
    status: succeeded ? WebhookDeliveryStatus.DELIVERED : WebhookDeliveryStatus.FAILED,
    attemptCount: 1,
    lastAttemptAt: sent.startedAt,
    deliveredAt: succeeded ? new Date(sent.startedAt.getTime() + sent.durationMs) : null,
  });
  const attempt = em.create(WebhookDeliveryAttempt, {
    firm,
    delivery,
    number: 1,
    durationMs: sent.durationMs,
    responseStatus: sent.response.status,
    error: sent.response.error?.slice(0, 1000) ?? null,
    succeeded,
  });
  return { delivery, attempt };
}
