import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/connection';

@InputType({ description: 'Which counted ratings the figures are made of; every field narrows.' })
export class InterviewerCalibrationFilter {
  @Field(() => String, { nullable: true, description: 'Only mandates scored against this rubric key.' })
  rubricKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this competency key.' })
  competencyKey?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this mandate. Recruiters see every interviewer on the mandates they lead.' })
  mandateId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Interviews held at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Interviews held before this time.' })
  to?: Date | null;
}

@ArgsType()
export class InterviewerCalibrationArgs extends ConnectionArgs {
  @Field(() => InterviewerCalibrationFilter, { nullable: true })
  filter?: InterviewerCalibrationFilter | null;
}

@InputType({ description: 'Which counted ratings the firm-wide figures are made of; every field narrows.' })
export class AssessmentQualityFilter {
  @Field(() => String, { nullable: true, description: 'Only mandates scored against this rubric key.' })
  rubricKey?: string | null;

  @Field(() => Date, { nullable: true, description: 'Interviews held at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Interviews held before this time.' })
  to?: Date | null;
}
