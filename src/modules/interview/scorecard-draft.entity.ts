import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Scorecard } from './scorecard.entity';
import { Recommendation } from './scorecard-revision.entity';

// What an interviewer has saved of their unsubmitted scorecard: any part, without the submit
// rules. Kept apart from revisions so that nothing that counts (assessment, fit, ranking) or
// shows scores to others can ever read it; submitting turns it into revision 1 and deletes it.
@Entity()
@Unique({ properties: ['scorecard'] })
@ObjectType({ description: 'What you have saved so far of your own unsubmitted scorecard. Only you see it; it counts nowhere.' })
export class ScorecardDraft extends TenantEntity<'recommendation' | 'summary'> {
  @ManyToOne(() => Scorecard, { ref: true, deleteRule: 'cascade' })
  scorecard!: Ref<Scorecard>;

  @Enum({ items: () => Recommendation, nullable: true })
  @Field(() => Recommendation, { nullable: true })
  recommendation: Recommendation | null = null;

  @Property({ type: 'text', nullable: true })
  summary: string | null = null;
}

// One competency as far as the interviewer got: a score without evidence, or evidence without a
// score, is allowed here and refused only at submission.
@Entity()
@Unique({ properties: ['draft', 'competencyKey'] })
@ObjectType({ description: 'A saved rating of one competency in a draft: either part may still be missing.' })
export class DraftRating extends TenantEntity<'score' | 'evidence'> {
  @ManyToOne(() => ScorecardDraft, { ref: true, deleteRule: 'cascade', index: true })
  draft!: Ref<ScorecardDraft>;

  @Property({ length: 60 })
  @Field()
  competencyKey!: string;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '1–5, or null while not scored.' })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  evidence: string | null = null;
}
