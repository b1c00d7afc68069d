import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookEvent } from './webhook-event.entity';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: on its way or waiting for a retry; FAILED: retries gave up; CANCELLED: the subscription was disabled.',
});

// One event for one subscription: made in the transaction of the event, queued by the relay,
// attempted until the receiver answers 2xx or the retries give up.
@Entity()
@Unique({ properties: ['subscription', 'event'] })
@Index({
  name: 'webhook_delivery_unqueued_index',
  expression: 'create index "webhook_delivery_unqueued_index" on "webhook_delivery" ("created_at") where "queued_at" is null',
})
@ObjectType({ implements: Node, description: 'One event sent to one webhook subscription, with every attempt.' })
export class WebhookDelivery extends TenantEntity<'status' | 'attemptCount' | 'lastAttemptAt' | 'deliveredAt' | 'queuedAt'> {
  @ManyToOne(() => WebhookSubscription, { ref: true, deleteRule: 'cascade', index: true })
  subscription!: Ref<WebhookSubscription>;

  @ManyToOne(() => WebhookEvent, { ref: true, deleteRule: 'cascade', index: true })
  event!: Ref<WebhookEvent>;

  @Enum(() => WebhookDeliveryStatus)
  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property({ default: 0 })
  @Field(() => Int)
  attemptCount: number = 0;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null = null;

  // Null until the relay has put it on the job queue; set back to null to deliver it again.
  @Property({ type: 'timestamptz', nullable: true, hidden: true })
  queuedAt: Date | null = null;
}
