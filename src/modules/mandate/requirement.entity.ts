import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Mandate } from './mandate.entity';

// What the client needs of one competency of the mandate's rubric.
@Entity()
@Unique({ properties: ['mandate', 'competencyKey'] })
@ObjectType({ description: 'What the client needs of one competency: its weight, the target level and a must-have minimum.' })
export class Requirement extends TenantEntity<'minimum'> {
  @ManyToOne(() => Mandate, { ref: true, deleteRule: 'cascade', index: true })
  mandate!: Ref<Mandate>;

  @Property({ length: 60 })
  @Field()
  competencyKey!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '0–5; 0 = not considered.' })
  weight!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: 'The level (1–5) the role needs.' })
  target!: number;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: 'A must-have: the least acceptable level (1–5).' })
  minimum: number | null = null;
}
