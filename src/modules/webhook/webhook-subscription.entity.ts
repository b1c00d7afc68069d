import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';

export enum WebhookSubscriptionStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(WebhookSubscriptionStatus, { name: 'WebhookSubscriptionStatus' });

// A URL of an integrator that receives the firm's events, signed with the subscription's secret.
@Entity()
@ObjectType({ implements: Node, description: 'A URL that receives signed events of the firm.' })
export class WebhookSubscription extends TenantEntity<'status' | 'description' | 'previousSecret' | 'previousSecretExpiresAt'> {
  @Property({ length: 2000 })
  @Field()
  url!: string;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'The event names it receives, e.g. candidacy.stage_changed.' })
  events!: string[];

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null = null;

  @Enum(() => WebhookSubscriptionStatus)
  @Field(() => WebhookSubscriptionStatus)
  status: WebhookSubscriptionStatus = WebhookSubscriptionStatus.ACTIVE;

  // The HMAC key, sealed with DATA_ENCRYPTION_KEY (SecretBox, bound to this row's id): signing
  // needs it back, a dump of the database must not reveal it. Shown to the caller only when
  // created or rotated.
  @Property({ type: 'text', hidden: true })
  secret!: string;

  // The secret before the last rotation, sealed likewise: deliveries are signed with both until
  // previousSecretExpiresAt, so a receiver can switch over without losing an event.
  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecret: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'Until when deliveries also carry a signature with the secret before the last rotation.',
  })
  previousSecretExpiresAt: Date | null = null;
}
