import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { ScorecardRevision } from './scorecard-revision.entity';

// One competency's rating in one revision: a score 1–5 with the evidence behind it,
// or no score (not assessed).
@Entity()
@Unique({ properties: ['revision', 'competencyKey'] })
@ObjectType({ description: 'A rating of one competency: the score and the evidence for it.' })
export class Rating extends TenantEntity<'score' | 'evidence'> {
  @ManyToOne(() => ScorecardRevision, { ref: true, deleteRule: 'cascade', index: true })
  revision!: Ref<ScorecardRevision>;

  @Property({ length: 60 })
  @Field()
  competencyKey!: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '1–5, or null when not assessed.' })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'What the candidate said or did; required with every score. Reading it is recorded in the audit log.',
  })
  evidence: string | null = null;
}
