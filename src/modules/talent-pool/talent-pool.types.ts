import { ArgsType, Field, Float, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import type { CandidateRow } from '../candidate';
import { Fit } from '../fit';

@InputType({ description: 'Narrows the talent pool; every filter given must hold.' })
export class TalentPoolFilter {
  @Field(() => Float, { nullable: true, description: 'Only matches whose coverage (0–1) is at least this.' })
  minCoverage?: number | null;

  @Field(() => Date, { nullable: true, description: 'Only candidates assessed (on a weighted competency) at or after this time.' })
  assessedSince?: Date | null;

  @Field(() => [String], { nullable: true, description: 'Candidates in any of these locations (exact, case ignored).' })
  locations?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Candidates who speak any of these languages (ISO 639-1 codes, e.g. nb, sv).' })
  languages?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Candidates with any of these tags.' })
  tags?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Also the candidates already in this mandate's pipeline (marked inPipeline). Default false.",
  })
  includePipeline?: boolean | null;
}

@ArgsType()
export class TalentPoolArgs extends ConnectionArgs {
  @Field(() => TalentPoolFilter, { nullable: true })
  filter?: TalentPoolFilter | null;
}

@ObjectType({ description: 'One scorecard behind a match: where and when the candidate was assessed.' })
export class TalentPoolEvidence {
  mandateId!: string;
  interviewId!: string;
  scorecardId!: string;

  @Field(() => [String], { description: "The profile's weighted competency keys this scorecard rated (counted ratings)." })
  competencyKeys!: string[];

  @Field({ description: 'When the scorecard was submitted.' })
  submittedAt!: Date;
}

@ObjectType({ description: "An earlier-assessed candidate measured against this mandate's requirement profile (PRODUCT.md §3c)." })
export class TalentPoolMatch {
  candidate!: CandidateRow;
  // The mandate whose pool this is, and the viewer's scope, for the evidence.
  mandateId!: string;

  @Field(() => Fit, {
    description:
      "§3's fit on the candidate's pooled scores: every counted rating in any mandate of the firm, matched by competency key; " +
      'each competency with ratingsCount, mandatesCount and lastAssessedAt.',
  })
  fit!: Fit;

  @Field({ description: "The latest submission among the ratings pooled on the profile's weighted competencies." })
  lastAssessedAt!: Date;

  @Field({ description: "True when the candidate is already in this mandate's pipeline (only with filter.includePipeline)." })
  inPipeline!: boolean;
}

@ObjectType()
export class TalentPoolConnection extends ConnectionType('TalentPool', TalentPoolMatch) {}
