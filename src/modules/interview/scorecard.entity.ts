import { Entity, Enum, ManyToOne, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { User } from '../user';
import { Interview } from './interview.entity';
import { ScorecardRevision } from './scorecard-revision.entity';

export enum ScorecardStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(ScorecardStatus, { name: 'ScorecardStatus' });

// One interviewer's judgement of one interview. Made as a DRAFT when the interview is
// scheduled; submitting writes revision 1, each amendment the next; the latest counts.
@Entity()
@Unique({ properties: ['interview', 'interviewer'] })
@ObjectType({ implements: Node, description: "One interviewer's scorecard for one interview." })
export class Scorecard extends TenantEntity<'status' | 'submittedAt' | 'latestRevision' | 'version' | 'focusCompetencyKeys'> {
  @ManyToOne(() => Interview, { ref: true, deleteRule: 'cascade', index: true })
  interview!: Ref<Interview>;

  @ManyToOne(() => User, { ref: true, index: true })
  interviewer!: Ref<User>;

  @Enum(() => ScorecardStatus)
  @Field(() => ScorecardStatus)
  status: ScorecardStatus = ScorecardStatus.DRAFT;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was first submitted.' })
  submittedAt: Date | null = null;

  // The revision that counts; null while a draft.
  @OneToOne(() => ScorecardRevision, { ref: true, nullable: true, owner: true, deleteRule: 'set null' })
  latestRevision: Ref<ScorecardRevision> | null = null;

  // Raised by every submission or amendment (optimistic locking).
  @Property({ default: 1 })
  @Field(() => Int)
  version: number = 1;

  // The competencies this panelist is to probe, so that the panel covers the profile between
  // them without everyone asking the same questions; keys weighted in the mandate's profile.
  @Property({ type: 'text[]', default: '{}' })
  @Field(() => [String], { description: 'The competency keys this panelist focuses on, in the order given.' })
  focusCompetencyKeys: string[] = [];
}
