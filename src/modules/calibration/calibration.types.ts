import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { AgreementMetric, AgreementReading } from './calibration-model';

registerEnumType(AgreementMetric, {
  name: 'AgreementMetric',
  description: "The distance Krippendorff's alpha measures disagreement with.",
  valuesConfig: {
    INTERVAL: { description: 'Scores as numbers: 2 against 4 is twice as far apart as 3 against 4 (the default).' },
    ORDINAL: { description: 'Scores as ranks: distances follow how many ratings lie between two scores.' },
    NOMINAL: { description: 'Scores as unordered categories: any two different scores disagree equally.' },
  },
});
registerEnumType(AgreementReading, {
  name: 'AgreementReading',
  description: "Krippendorff's reading of alpha.",
  valuesConfig: {
    RELIABLE: { description: 'alpha ≥ 0.800: the interviewers agree well enough to rely on the scores.' },
    TENTATIVE: { description: '0.667 ≤ alpha < 0.800: good enough for tentative conclusions only.' },
    UNRELIABLE: { description: 'alpha < 0.667: the scores depend too much on who gave them.' },
    INSUFFICIENT_DATA: { description: 'Fewer than 10 pairable units, or alpha undefined: too little to say.' },
  },
});

@ObjectType({ description: "How far the interviewers agree (Krippendorff's alpha). Units are (candidacy, competency) cells." })
export class Agreement {
  @Field(() => AgreementMetric)
  metric!: AgreementMetric;

  @Field(() => Float, {
    nullable: true,
    description:
      '1 perfect agreement, 0 no better than chance, below 0 systematic disagreement; null when undefined (no pairable units or no variation).',
  })
  alpha!: number | null;

  @Field(() => Int, { description: 'Cells with two or more counted ratings (only these count).' })
  pairableUnits!: number;

  @Field(() => Int, { description: 'The counted ratings in those cells.' })
  pairableValues!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Lower end of a 95 % interval for alpha: 1,000 bootstrap resamples of the units, with a fixed seed.',
  })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'Upper end of the 95 % interval for alpha.' })
  high!: number | null;

  @Field(() => AgreementReading)
  reading!: AgreementReading;
}

@ObjectType({ description: 'Agreement on one competency key.' })
export class CompetencyAgreement extends Agreement {
  @Field({ description: 'The competency key of the rubric.' })
  key!: string;
}

@ObjectType({ description: "How far a mandate's interviewers agree: over every competency, and per competency." })
export class MandateAgreement {
  @Field(() => Agreement, { description: 'Every cell of the mandate as one set of units.' })
  overall!: Agreement;

  @Field(() => [CompetencyAgreement], { description: "Every competency of the mandate's rubric, in rubric order." })
  byCompetency!: CompetencyAgreement[];
}

@ObjectType({ description: 'How lenient one interviewer is on one competency key.' })
export class Leniency {
  @Field(() => Int, { description: 'Cells (candidacy, competency) where this interviewer and at least one other gave a counted score.' })
  comparedCells!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Mean of (own score − the other interviewers' mean) over those cells; null without any.",
  })
  leniency!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard error of the leniency; null below 2 compared cells.' })
  standardError!: number | null;

  @Field(() => Float, { nullable: true, description: 'leniency − 1.96 · standardError (95 % interval).' })
  low!: number | null;

  @Field(() => Float, { nullable: true, description: 'leniency + 1.96 · standardError (95 % interval).' })
  high!: number | null;

  @Field(() => Float, {
    description: 'leniency · n / (n + 10) with n compared cells: few cells pull it toward 0. What calibrated scores take off.',
  })
  shrunkLeniency!: number;
}

@ObjectType({ description: 'Leniency on one competency key.' })
export class CompetencyLeniency extends Leniency {
  @Field({ description: 'The competency key of the rubric.' })
  key!: string;
}

@ObjectType({ description: "One interviewer's leniency against colleagues who scored the same candidates (PRODUCT.md §3b)." })
export class InterviewerCalibration extends Leniency {
  // Resolved by a field resolver through the user loader.
  interviewerId!: string;

  // The scope the figures were computed over, for the per-competency figures.
  scopeKey!: string;
}

@ObjectType()
export class InterviewerCalibrationConnection extends ConnectionType('InterviewerCalibration', InterviewerCalibration) {}

@ObjectType({ description: "How far the firm's interviewers differ in leniency (those with at least one compared cell)." })
export class LeniencySpread {
  @Field(() => Int, { description: 'Interviewers with at least one compared cell.' })
  interviewers!: number;

  @Field(() => Float, { nullable: true, description: 'The lowest shrunk leniency (the most severe).' })
  lowest!: number | null;

  @Field(() => Float, { nullable: true, description: 'The highest shrunk leniency (the most lenient).' })
  highest!: number | null;

  @Field(() => Float, { nullable: true, description: 'Sample standard deviation of the shrunk leniencies; null below 2 interviewers.' })
  standardDeviation!: number | null;
}

@ObjectType({ description: "The firm's assessment quality: agreement per competency key across mandates, and the spread of leniency." })
export class AssessmentQuality {
  @Field(() => Agreement, { description: 'Every cell in scope as one set of units.' })
  overall!: Agreement;

  @Field(() => [CompetencyAgreement], { description: 'Per competency key, across mandates, by key.' })
  byCompetency!: CompetencyAgreement[];

  @Field(() => LeniencySpread)
  leniencySpread!: LeniencySpread;
}
