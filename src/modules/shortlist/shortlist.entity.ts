import { Entity, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { TenantEntity } from '../../common/tenant.entity';
import { Mandate } from '../mandate';

// The candidates one mandate's client is shown, made on the first addToShortlist. What the
// client sees is the last publication (ShortlistEntrySnapshot), not these rows as they are now.
@Entity()
// Its id is its mandate's for every shortlist made since release 2 (see emptyShortlist).
@ObjectType({
  implements: Node,
  description: "The candidates presented to the mandate's client, in order, each with a note for the client.",
})
export class Shortlist extends TenantEntity<'version' | 'publishedVersion' | 'publishedAt' | 'publicationCount'> {
  @OneToOne(() => Mandate, { ref: true, owner: true, deleteRule: 'cascade' })
  mandate!: Ref<Mandate>;

  // Raised by every change, publishing included (optimistic locking).
  @Property({ default: 0 })
  @Field(() => Int, { description: 'Raised by every change, publishing included; 0 while nothing was ever added.' })
  version: number = 0;

  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'The version the client sees; null before the first publication.' })
  publishedVersion: number | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was last published; null before the first publication.' })
  publishedAt: Date | null = null;

  @Property({ default: 0 })
  @Field(() => Int, { description: 'How many times it was published.' })
  publicationCount: number = 0;
}
