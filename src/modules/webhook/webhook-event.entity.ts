import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';

// The transactional outbox: one row per event, written in the transaction of the change it
// tells about. Its id is the event id every delivery and retry carries.
@Entity()
@ObjectType({ description: 'Something that happened in the firm, as sent to webhooks.' })
export class WebhookEvent extends TenantEntity {
  @Property({ length: 60 })
  @Field({ description: 'e.g. candidacy.stage_changed' })
  type!: string;

  // Ids and minimal facts only: never personal data.
  @Property({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
