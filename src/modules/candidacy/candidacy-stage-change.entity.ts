import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { User } from '../user';
import { Candidacy, CandidacySource, CandidacyStage } from './candidacy.entity';

// One move of a candidacy: who, when (createdAt), from where to where, and why.
@Entity()
@ObjectType({ description: 'One move of a candidacy through the pipeline.' })
export class CandidacyStageChange extends TenantEntity<'fromStage' | 'reason' | 'movedBy' | 'source'> {
  @ManyToOne(() => Candidacy, { ref: true, deleteRule: 'cascade', index: true })
  candidacy!: Ref<Candidacy>;

  @Enum({ items: () => CandidacyStage, nullable: true })
  @Field(() => CandidacyStage, { nullable: true, description: 'Null for the first entry, when the candidacy was created.' })
  fromStage: CandidacyStage | null = null;

  @Enum(() => CandidacyStage)
  @Field(() => CandidacyStage)
  toStage!: CandidacyStage;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null = null;

  @Enum({ items: () => CandidacySource, nullable: true })
  @Field(() => CandidacySource, {
    nullable: true,
    description: 'On the first entry: where the candidate came from (DIRECT, TALENT_POOL). Null on later moves.',
  })
  source: CandidacySource | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  movedBy: Ref<User> | null = null;
}
