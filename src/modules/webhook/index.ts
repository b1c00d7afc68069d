import type { Feature } from '../../common/feature';
import { webhookDeliveryNode, webhookSubscriptionNode } from './webhook.node';
import { WebhookDeliveryResolver, WebhookEventResolver, WebhookSubscriptionResolver } from './webhook.resolver';

export { emitEvent, webhookPayloads } from './webhook-outbox';

export const webhookFeature: Feature = {
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver, WebhookEventResolver],
  nodeSources: [webhookSubscriptionNode, webhookDeliveryNode],
};
