import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { WebhookEvent } from './webhook-event.entity';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';

export const webhookEventByIdLoader = (context: Context) =>
  new DataLoader<string, WebhookEvent | null>(async (ids) => {
    const rows = await context.em.find(WebhookEvent, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

export const webhookSubscriptionByIdLoader = (context: Context) =>
  new DataLoader<string, WebhookSubscription | null>(async (ids) => {
    const rows = await context.em.find(WebhookSubscription, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Each delivery's attempts, first first.
export const attemptsByDeliveryLoader = (context: Context) =>
  new DataLoader<string, WebhookDeliveryAttempt[]>(async (deliveryIds) => {
    const rows = await context.em.find(WebhookDeliveryAttempt, { delivery: { $in: [...deliveryIds] } }, { orderBy: { number: 'asc' } });
    return groupedInKeyOrder(deliveryIds, rows, (row) => row.delivery.id);
  });
