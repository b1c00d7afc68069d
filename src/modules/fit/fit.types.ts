import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Candidacy, type CandidacyRow } from '../candidacy';
import type { Competency } from '../rubric';

const CALIBRATED =
  'True when the scores behind these figures are calibrated: each rating less its interviewer’s firm-wide shrunk leniency, within 1–5 (PRODUCT.md §3b).';

@ObjectType({ description: "The interviewers' combined rating of one competency." })
export class CompetencyAssessment {
  @Field({ description: 'The competency key of the rubric.' })
  key!: string;

  @Field(() => Float, { nullable: true, description: 'Mean of the ratings that count, unrounded; null when not assessed.' })
  score!: number | null;

  @Field(() => Int, { description: 'How many submitted scorecards rated it.' })
  ratingsCount!: number;

  @Field(() => Int, { nullable: true, description: 'Highest minus lowest rating.' })
  spread!: number | null;

  @Field({ description: 'True when interviewers are 2 or more points apart: worth a calibration talk.' })
  disagreement!: boolean;

  // The candidacy assessed (a plain row or the entity), for the calibrated score and the interviewers behind it.
  candidacy!: CandidacyRow;
}

@ObjectType({ description: 'One interviewer behind a competency score, and how lenient they are across the firm.' })
export class InterviewerLeniency {
  // Resolved through the user loader.
  interviewerId!: string;

  @Field(() => Float, { description: 'Their score: the mean of their counted ratings of this competency for this candidacy.' })
  score!: number;

  @Field(() => Float, { description: 'Their score less their shrunk leniency, within 1–5.' })
  calibratedScore!: number;

  @Field(() => Float, { description: 'Their firm-wide shrunk leniency over all competencies (see interviewerCalibration).' })
  shrunkLeniency!: number;

  @Field(() => Int, { description: 'The cells their leniency was measured on.' })
  comparedCells!: number;
}

@ObjectType({ description: 'What the submitted scorecards of a candidacy add up to, per competency of the rubric.' })
export class Assessment {
  @Field({ description: CALIBRATED })
  calibrated!: boolean;

  @Field(() => [CompetencyAssessment], { description: "Every competency of the mandate's rubric, in rubric order." })
  competencies!: CompetencyAssessment[];
}

@ObjectType({ description: 'How one weighted competency compares with what the client needs.' })
export class CompetencyFit {
  @Field()
  key!: string;

  // The mandate whose rubric names the competency (for name and description); absent: the key stands in.
  mandateId?: string;

  @Field(() => Int)
  weight!: number;

  @Field(() => Int)
  target!: number;

  @Field(() => Int, { nullable: true })
  minimum!: number | null;

  @Field(() => Int)
  ratingsCount!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'In a talent pool: how many mandates the pooled ratings come from; null elsewhere (one candidacy).',
  })
  mandatesCount?: number | null;

  @Field(() => Date, {
    nullable: true,
    description: 'In a talent pool: the latest submission among the pooled ratings; null elsewhere or when not assessed.',
  })
  lastAssessedAt?: Date | null;

  @Field(() => Float, { nullable: true, description: 'Mean score; null when not assessed.' })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − target.' })
  gap!: number | null;

  @Field(() => Float, { nullable: true, description: 'How far above target (earns no extra fit).' })
  surplus!: number | null;

  @Field(() => Float, { nullable: true, description: '(min(score, target) − 1) / (target − 1); 1 when the target is 1.' })
  attainment!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the must-have minimum is met; null without a minimum or when not assessed.',
  })
  meetsMinimum!: boolean | null;
}

@ObjectType({ description: "A candidacy measured against the mandate's requirement profile (PRODUCT.md §3)." })
export class Fit {
  @Field({ description: CALIBRATED })
  calibrated!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: '0–100: weighted attainment over the assessed weighted competencies; null when none is assessed.',
  })
  fit!: number | null;

  @Field(() => Float, { description: 'Share (0–1) of the profile weight that has been assessed.' })
  coverage!: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False when an assessed must-have is missed; null while a must-have is unassessed.',
  })
  mustHavesMet!: boolean | null;

  @Field(() => [CompetencyFit], { description: 'Each competency with weight > 0, in rubric order.' })
  competencies!: CompetencyFit[];
}

@ObjectType({ description: "One candidacy's value in a comparison row." })
export class ComparisonCell {
  @Field(() => Candidacy)
  candidacy!: Candidacy;

  @Field(() => Float, { nullable: true })
  score!: number | null;

  @Field(() => Float, { nullable: true })
  gap!: number | null;

  @Field(() => Int)
  ratingsCount!: number;

  @Field()
  disagreement!: boolean;

  @Field(() => Boolean, { nullable: true })
  meetsMinimum!: boolean | null;
}

@ObjectType({ description: 'One competency of the comparison: what the client needs, and each candidate side by side.' })
export class ComparisonRow {
  @Field()
  key!: string;

  @Field(() => Int, { description: '0 when the profile does not weigh it.' })
  weight!: number;

  @Field(() => Int, { nullable: true })
  target!: number | null;

  @Field(() => Int, { nullable: true })
  minimum!: number | null;

  @Field(() => [ComparisonCell], { description: 'In the order of the candidacyIds asked for.' })
  cells!: ComparisonCell[];

  // The rubric's competency of this row, for its name and description in the locale asked for.
  competency!: Competency | null;
}

@ObjectType({ description: 'A candidate column of the comparison.' })
export class ComparisonColumn {
  @Field(() => Candidacy)
  candidacy!: Candidacy;

  @Field(() => Fit)
  fit!: Fit;
}

@ObjectType({ description: 'Competencies × candidates side by side, with the requirement profile.' })
export class Comparison {
  @Field({ description: CALIBRATED })
  calibrated!: boolean;

  @Field(() => [ComparisonColumn])
  columns!: ComparisonColumn[];

  @Field(() => [ComparisonRow], { description: "Every competency of the mandate's rubric, in rubric order." })
  rows!: ComparisonRow[];
}

@ObjectType({ description: 'Candidacies in ranking order.' })
export class RankingConnection extends ConnectionType('Ranking', Candidacy) {
  @Field({ description: `${CALIBRATED} The candidacies' own fit fields follow their own \`calibrated\` argument.` })
  calibrated!: boolean;
}
