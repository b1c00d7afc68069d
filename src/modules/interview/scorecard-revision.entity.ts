import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { User } from '../user';
import { Scorecard } from './scorecard.entity';

export enum Recommendation {
  STRONG_NO = 'STRONG_NO',
  NO = 'NO',
  YES = 'YES',
  STRONG_YES = 'STRONG_YES',
}
registerEnumType(Recommendation, { name: 'Recommendation' });

// An immutable version of a submitted scorecard: 1 is the submission, later ones amendments.
@Entity()
@Unique({ properties: ['scorecard', 'number'] })
@ObjectType({ description: 'One immutable version of a submitted scorecard.' })
export class ScorecardRevision extends TenantEntity<'reason' | 'summary'> {
  @ManyToOne(() => Scorecard, { ref: true, deleteRule: 'cascade', index: true })
  scorecard!: Ref<Scorecard>;

  @Property()
  @Field(() => Int, { description: '1 for the submission, then 2, 3, … for amendments.' })
  number!: number;

  @Enum(() => Recommendation)
  @Field(() => Recommendation)
  recommendation!: Recommendation;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Reading it is recorded in the audit log.' })
  summary: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why it was amended; null for the submission. Reading it is recorded in the audit log.',
  })
  reason: string | null = null;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;
}
