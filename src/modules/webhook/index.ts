import type { Feature } from '../../common/feature';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookEvent } from './webhook-event.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { webhookDeliveryNode, webhookSubscriptionNode } from './webhook.node';
import { WebhookDeliveryResolver, WebhookEventResolver, WebhookSubscriptionResolver } from './webhook.resolver';

export const webhookFeature: Feature = {
  entities: [WebhookSubscription, WebhookEvent, WebhookDelivery, WebhookDeliveryAttempt],
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver, WebhookEventResolver],
  nodeSources: [webhookSubscriptionNode, webhookDeliveryNode],
};

export { startWebhookWorker, type WebhookJobOutcome, type WebhookWorker } from './delivery/webhook-worker';
export { refusedAddress, refusedHost } from './webhook-address';
export { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
export { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
export { WEBHOOK_EVENT_TYPES } from './webhook-event-type';
export { WebhookEvent } from './webhook-event.entity';
export { emitEvent, emitEvents, type OutboxEvent } from './webhook-outbox';
export { webhookQueueDepth } from './delivery/webhook-queue-depth';
export { WebhookSubscription } from './webhook-subscription.entity';
export { sealClearWebhookSecrets } from './webhook-secrets';
