import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-type';
import { WEBHOOK_LIMITS } from './webhook.limits';

@InputType()
export class CreateWebhookSubscriptionInput {
  @Field({
    description:
      `An http or https URL of at most ${WEBHOOK_LIMITS.url} characters; not a link-local or cloud metadata address, ` +
      'and not loopback in production.',
  })
  url!: string;

  @Field(() => [String], { description: `One or more of: ${WEBHOOK_EVENT_TYPES.join(', ')}.` })
  events!: string[];

  @Field(() => String, { nullable: true, description: `What it is for; at most ${WEBHOOK_LIMITS.description} characters.` })
  description?: string | null;
}

@ObjectType()
export class CreateWebhookSubscriptionPayload extends Payload {
  @Field(() => WebhookSubscription, { nullable: true })
  subscription: WebhookSubscription | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret: verify Outside-In-Signature with it. Shown only this once.',
  })
  secret: string | null = null;
}

@InputType()
export class WebhookSubscriptionIdInput {
  @Field(() => ID)
  subscriptionId!: string;
}

@ObjectType()
export class WebhookSubscriptionPayload extends Payload {
  @Field(() => WebhookSubscription, { nullable: true })
  subscription: WebhookSubscription | null = null;
}

@ObjectType()
export class DeleteWebhookSubscriptionPayload extends Payload {
  @Field(() => ID, { nullable: true, description: 'The id of the subscription that is gone, with its delivery log.' })
  deletedSubscriptionId: string | null = null;
}

@InputType()
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'A delivery of an active subscription.' })
  deliveryId!: string;
}

@ObjectType()
export class RedeliverWebhookPayload extends Payload {
  @Field(() => WebhookDelivery, { nullable: true })
  delivery: WebhookDelivery | null = null;
}

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true })
  status?: WebhookDeliveryStatus | null;
}

@ObjectType()
export class WebhookSubscriptionConnection extends ConnectionType('WebhookSubscription', WebhookSubscription) {}

@ObjectType()
export class WebhookDeliveryConnection extends ConnectionType('WebhookDelivery', WebhookDelivery) {}

@ObjectType()
export class PingWebhookSubscriptionPayload extends Payload {
  @Field(() => WebhookDelivery, { nullable: true, description: 'The ping, in the delivery log: DELIVERED or FAILED, never retried.' })
  delivery: WebhookDelivery | null = null;

  @Field(() => WebhookDeliveryAttempt, {
    nullable: true,
    description: "The request made: the receiver's status, how long it took, why it failed.",
  })
  attempt: WebhookDeliveryAttempt | null = null;
}

@ObjectType()
export class RotateWebhookSecretPayload extends Payload {
  @Field(() => WebhookSubscription, { nullable: true })
  subscription: WebhookSubscription | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The new signing secret, shown only this once. The previous one still signs deliveries for 24 hours.',
  })
  secret: string | null = null;
}
