import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, paginate, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-type';
import { webhookBody } from './webhook-signature';
import { WebhookSubscription, WebhookSubscriptionStatus } from './webhook-subscription.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookEvent } from './webhook-event.entity';
import { attemptsByDeliveryLoader, webhookEventByIdLoader, webhookSubscriptionByIdLoader } from './webhook.loaders';
import {
  CreateWebhookSubscriptionInput,
  CreateWebhookSubscriptionPayload,
  DeleteWebhookSubscriptionPayload,
  PingWebhookSubscriptionPayload,
  RotateWebhookSecretPayload,
  RedeliverWebhookInput,
  RedeliverWebhookPayload,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookSubscriptionConnection,
  WebhookSubscriptionIdInput,
  WebhookSubscriptionPayload,
} from './webhook.inputs';
import {
  createWebhookSubscription,
  deleteWebhookSubscription,
  recordPing,
  redeliverWebhook,
  rotateWebhookSecret,
  sendPing,
  setWebhookSubscriptionStatus,
} from './webhook.service';
import { WEBHOOK_MANAGERS } from '../../common/access';

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Authorized(...WEBHOOK_MANAGERS)
  @Query(() => WebhookSubscriptionConnection, { description: "The firm's webhook subscriptions, oldest first." })
  webhookSubscriptions(@Args() page: ConnectionArgs, @Ctx() context: Context): Promise<Connection<WebhookSubscription>> {
    const { firmId } = principalOf(context);
    return paginate(
      context.em,
      WebhookSubscription,
      { firm: firmId },
      { list: 'webhookSubscriptions', keys: ['createdAt', 'id'], ...page },
    );
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Query(() => [String], { description: 'The events a webhook can subscribe to.' })
  webhookEventTypes(): string[] {
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description: 'Subscribes a URL to events; the answer holds the signing secret, shown only this once.',
  })
  createWebhookSubscription(
    @Arg('input') input: CreateWebhookSubscriptionInput,
    @Ctx() context: Context,
  ): Promise<CreateWebhookSubscriptionPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, CreateWebhookSubscriptionPayload, (em) =>
      createWebhookSubscription(em, firmId, input, { allowLoopback: !context.production }, context.secrets),
    );
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionPayload, {
    description: 'Stops sending events to it; deliveries still waiting are cancelled. enableWebhookSubscription resumes.',
  })
  disableWebhookSubscription(
    @Arg('input') input: WebhookSubscriptionIdInput,
    @Ctx() context: Context,
  ): Promise<WebhookSubscriptionPayload> {
    return this.setStatus(input, context, WebhookSubscriptionStatus.DISABLED);
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => WebhookSubscriptionPayload, { description: 'Sends it the events that happen from now on.' })
  enableWebhookSubscription(@Arg('input') input: WebhookSubscriptionIdInput, @Ctx() context: Context): Promise<WebhookSubscriptionPayload> {
    return this.setStatus(input, context, WebhookSubscriptionStatus.ACTIVE);
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => DeleteWebhookSubscriptionPayload, { description: 'Deletes the subscription and its delivery log.' })
  deleteWebhookSubscription(
    @Arg('input') input: WebhookSubscriptionIdInput,
    @Ctx() context: Context,
  ): Promise<DeleteWebhookSubscriptionPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, DeleteWebhookSubscriptionPayload, (em) =>
      deleteWebhookSubscription(em, firmId, localIdOf(input.subscriptionId, 'WebhookSubscription')),
    );
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => RedeliverWebhookPayload, {
    description: 'Sends a delivery again, with the same event id, and a fresh round of retries.',
  })
  redeliverWebhook(@Arg('input') input: RedeliverWebhookInput, @Ctx() context: Context): Promise<RedeliverWebhookPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, RedeliverWebhookPayload, (em) =>
      redeliverWebhook(em, firmId, localIdOf(input.deliveryId, 'WebhookDelivery')),
    );
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => PingWebhookSubscriptionPayload, {
    description:
      'Sends a signed `ping` event to the subscription now (not through the queue, no retries) and answers with the attempt: ' +
      "the receiver's HTTP status, the duration and why it failed. It shows in the delivery log too.",
  })
  async pingWebhookSubscription(
    @Arg('input') input: WebhookSubscriptionIdInput,
    @Ctx() context: Context,
  ): Promise<PingWebhookSubscriptionPayload> {
    const { firmId } = principalOf(context);
    const subscriptionId = localIdOf(input.subscriptionId, 'WebhookSubscription');
    // The request goes out before the mutation's transaction opens (see sendPing).
    const sent = await sendPing(context.em, firmId, subscriptionId, { allowLoopback: !context.production }, context.secrets);
    return runMutation(context, PingWebhookSubscriptionPayload, (em) => recordPing(em, firmId, subscriptionId, sent));
  }

  @Authorized(...WEBHOOK_MANAGERS)
  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Gives the subscription a new signing secret, shown only in this answer. For 24 hours deliveries carry two ' +
      'signatures, with the new secret and with the one before (t=…,v1=<new>,v1=<old>): switch your receiver over meanwhile.',
  })
  rotateWebhookSecret(@Arg('input') input: WebhookSubscriptionIdInput, @Ctx() context: Context): Promise<RotateWebhookSecretPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, RotateWebhookSecretPayload, (em) =>
      rotateWebhookSecret(em, firmId, localIdOf(input.subscriptionId, 'WebhookSubscription'), context.secrets),
    );
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: 'The delivery log, oldest first.' })
  deliveries(
    @Root() subscription: WebhookSubscription,
    @Args() { status, ...page }: WebhookDeliveriesArgs,
    @Ctx() context: Context,
  ): Promise<Connection<WebhookDelivery>> {
    return paginate(
      context.em,
      WebhookDelivery,
      { subscription: subscription.id, ...(status ? { status } : {}) },
      { list: 'webhookDeliveries', keys: ['createdAt', 'id'], ...page },
    );
  }

  private setStatus(input: WebhookSubscriptionIdInput, context: Context, status: WebhookSubscriptionStatus) {
    const { firmId } = principalOf(context);
    return runMutation(context, WebhookSubscriptionPayload, (em) =>
      setWebhookSubscriptionStatus(em, firmId, localIdOf(input.subscriptionId, 'WebhookSubscription'), status),
    );
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => WebhookEvent)
  async event(@Root() delivery: WebhookDelivery, @Ctx() context: Context): Promise<WebhookEvent> {
    return (await context.loaders.get(webhookEventByIdLoader).load(delivery.event.id))!;
  }

  @FieldResolver(() => WebhookSubscription)
  async subscription(@Root() delivery: WebhookDelivery, @Ctx() context: Context): Promise<WebhookSubscription> {
    return (await context.loaders.get(webhookSubscriptionByIdLoader).load(delivery.subscription.id))!;
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every HTTP request made for it, first first.' })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() context: Context): Promise<WebhookDeliveryAttempt[]> {
    return context.loaders.get(attemptsByDeliveryLoader).load(delivery.id);
  }
}

@Resolver(() => WebhookEvent)
export class WebhookEventResolver {
  @FieldResolver(() => ID, { description: 'The event id: the same on every delivery and retry (Outside-In-Event-Id).' })
  id(@Root() event: WebhookEvent): string {
    return event.id;
  }

  @FieldResolver(() => String, { description: 'The JSON body sent, exactly: what the signature covers after "<t>.".' })
  body(@Root() event: WebhookEvent): string {
    return webhookBody(event);
  }
}
