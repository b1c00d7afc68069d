import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/payload';
import { Interview, InterviewKind } from './interview.entity';

@InputType()
export class ScheduleInterviewInput {
  @Field(() => ID, { description: 'A candidacy that is not PLACED, REJECTED or WITHDRAWN.' })
  candidacyId!: string;

  @Field(() => InterviewKind)
  kind!: InterviewKind;

  @Field()
  scheduledAt!: Date;

  @Field(() => [ID], { description: '1–5 distinct ADMIN or RECRUITER users of the firm; each gets a DRAFT scorecard.' })
  interviewerIds!: string[];
}

@ObjectType()
export class ScheduleInterviewPayload extends Payload {
  @Field(() => Interview, { nullable: true })
  interview: Interview | null = null;
}

@InputType()
export class AddInterviewerInput {
  @Field(() => ID)
  interviewId!: string;

  @Field(() => ID, { description: 'An ADMIN or RECRUITER user of the firm who is not on the panel yet.' })
  interviewerId!: string;
}

@ObjectType()
export class AddInterviewerPayload extends Payload {
  @Field(() => Interview, { nullable: true })
  interview: Interview | null = null;
}

@InputType()
export class RemoveInterviewerInput {
  @Field(() => ID)
  interviewId!: string;

  @Field(() => ID, { description: 'An interviewer on the panel whose scorecard is still a draft.' })
  interviewerId!: string;
}

@ObjectType()
export class RemoveInterviewerPayload extends Payload {
  @Field(() => Interview, { nullable: true })
  interview: Interview | null = null;
}
