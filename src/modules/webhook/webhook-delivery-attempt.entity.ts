import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { WebhookDelivery } from './webhook-delivery.entity';

// One HTTP request of a delivery: every attempt is logged, successful or not.
@Entity()
@Unique({ properties: ['delivery', 'number'] })
@ObjectType({ description: 'One HTTP request of a webhook delivery.' })
export class WebhookDeliveryAttempt extends TenantEntity<'responseStatus' | 'error'> {
  @ManyToOne(() => WebhookDelivery, { ref: true, deleteRule: 'cascade', index: true })
  delivery!: Ref<WebhookDelivery>;

  @Property()
  @Field(() => Int, { description: '1 for the first attempt.' })
  number!: number;

  @Property()
  @Field(() => Int)
  durationMs!: number;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The HTTP status of the answer; null when none came.' })
  responseStatus: number | null = null;

  @Property({ length: 1000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it failed: a timeout, a refused connection, a non-2xx status.' })
  error: string | null = null;

  @Property()
  @Field()
  succeeded!: boolean;
}
