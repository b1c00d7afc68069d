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

  @Field(() => [RatingInput], {
    nullable: true,
    description:
      'Final changes to your saved draft: each rating replaces the fields it gives (a field left out keeps the saved value). ' +
      'Without a draft, the complete ratings. Left out: the draft as it stands.',
  })
  ratings?: RatingInput[] | null;

  @Field(() => Recommendation, { nullable: true, description: "Required unless the draft holds one; replaces the draft's." })
  recommendation?: Recommendation | null;

  @Field(() => String, {
    nullable: true,
    description: `At most ${grouped(LIMITS.summary)} characters; replaces the draft's when sent (null clears it).`,
  })
  summary?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version you read; a different current version is a CONFLICT.' })
  expectedVersion?: number | null;
}

@InputType({ description: 'A change to one competency of a draft: a field left out keeps its saved value, null clears it.' })
export class DraftRatingInput {
  @Field({ description: 'A competency key of the rubric the mandate pins, e.g. OUTSIDE_IN.' })
  competencyKey!: string;

  @Field(() => Int, { nullable: true, description: '1–5; null clears the score.' })
  score?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `What the candidate said or did (at most ${grouped(LIMITS.evidence)} characters); not required in a draft.`,
  })
  evidence?: string | null;
}

@InputType()
export class SaveScorecardDraftInput {
  @Field(() => ID, { nullable: true, description: 'Your unsubmitted scorecard; or name it by interviewId.' })
  scorecardId?: string | null;

  @Field(() => ID, { nullable: true, description: 'An interview you are on the panel of; or name the scorecard by scorecardId.' })
  interviewId?: string | null;

  @Field(() => [DraftRatingInput], {
    nullable: true,
    description: 'The competencies to change; the others keep what was saved. A rating left with neither score nor evidence goes.',
  })
  ratings?: DraftRatingInput[] | null;

  @Field(() => Recommendation, { nullable: true, description: 'Left out: keep the saved one; null clears it.' })
  recommendation?: Recommendation | null;

  @Field(() => String, {
    nullable: true,
    description: `At most ${grouped(LIMITS.summary)} characters. Left out: keep the saved one; null clears it.`,
  })
  summary?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The scorecard's version you saved against; a different current version is a CONFLICT and nothing is saved.",
  })
  expectedVersion?: number | null;
}

@ObjectType()
export class SaveScorecardDraftPayload extends Payload {
  @Field(() => Scorecard, { nullable: true, description: 'With its new version and, in draft, what is saved.' })
  scorecard: Scorecard | null = null;
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

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only the overdue ones (unsubmitted, the interview held and its scorecards due before now); false: none of those.',
  })
  overdue?: boolean | null;
}

@ObjectType()
export class ScorecardConnection extends ConnectionType('Scorecard', Scorecard) {}
