import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WEBHOOK_MANAGERS } from '../../common/access';

export const webhookSubscriptionNode = defineNodeSource({
  typeName: 'WebhookSubscription',
  entity: WebhookSubscription,
  visibleTo: wholeFirmFor(WEBHOOK_MANAGERS),
});

export const webhookDeliveryNode = defineNodeSource({
  typeName: 'WebhookDelivery',
  entity: WebhookDelivery,
  visibleTo: wholeFirmFor(WEBHOOK_MANAGERS),
});
