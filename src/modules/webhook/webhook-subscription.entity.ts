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
export class WebhookSubscription extends TenantEntity<'status' | 'description'> {
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

  // The HMAC key: kept as it is, since signing needs it; shown to the caller only when created.
  @Property({ length: 100, hidden: true })
  secret!: string;
}
