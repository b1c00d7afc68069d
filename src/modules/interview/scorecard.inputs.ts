import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { Recommendation } from './scorecard-revision.entity';
import { SCORECARD_LIMITS as LIMITS } from './scorecard.limits';

// 5000 → "5,000", as the descriptions say it.
const grouped = (limit: number) => limit.toLocaleString('en-US');

@InputType({ description: "A rating of one competency of the mandate's rubric." })
export class RatingInput {
  @Field({ description: 'A competency key of the rubric the mandate pins, e.g. OUTSIDE_IN.' })
  competencyKey!: string;

  @Field(() => Int, { nullable: true, description: '1–5, or null when not assessed. Competencies not sent are not assessed.' })
  score?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `What the candidate said or did (at most ${grouped(LIMITS.evidence)} characters); required with a score.`,
  })
  evidence?: string | null;
}

@InputType()
export class SubmitScorecardInput {
  @Field(() => ID, { description: 'An interview the caller is on the panel of.' })
  interviewId!: string;

  @Field(() => [RatingInput])
  ratings!: RatingInput[];

  @Field(() => Recommendation)
  recommendation!: Recommendation;

  @Field(() => String, { nullable: true, description: `At most ${grouped(LIMITS.summary)} characters.` })
  summary?: string | null;
}

@ObjectType()
export class SubmitScorecardPayload extends Payload {
  @Field(() => Scorecard, { nullable: true })
  scorecard: Scorecard | null = null;
}

@InputType()
export class AmendScorecardInput {
  @Field(() => ID, { description: 'A submitted scorecard of the caller.' })
  scorecardId!: string;

  @Field(() => [RatingInput], { description: 'The complete ratings of the new revision.' })
  ratings!: RatingInput[];

  @Field(() => Recommendation)
  recommendation!: Recommendation;

  @Field(() => String, { nullable: true, description: `At most ${grouped(LIMITS.summary)} characters.` })
  summary?: string | null;

  @Field({ description: `Why the scorecard is amended (at most ${grouped(LIMITS.reason)} characters).` })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The version the change is based on; a different current version is a CONFLICT.' })
  expectedVersion?: number | null;
}

@ObjectType()
export class AmendScorecardPayload extends Payload {
  @Field(() => Scorecard, { nullable: true })
  scorecard: Scorecard | null = null;
}

@ArgsType()
export class MyScorecardsArgs extends ConnectionArgs {
  @Field(() => ScorecardStatus, { nullable: true, description: 'Only scorecards in this status, e.g. DRAFT for the to-do list.' })
  status?: ScorecardStatus | null;
}

@ObjectType()
export class ScorecardConnection extends ConnectionType('Scorecard', Scorecard) {}
