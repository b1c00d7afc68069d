import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Interview, InterviewKind, InterviewStatus } from './interview.entity';
import { INTERVIEW_LIMITS as LIMITS } from './interview.limits';

@InputType({ description: 'What one panelist is to probe.' })
export class PanelistFocusInput {
  @Field(() => ID, { description: 'One of interviewerIds.' })
  interviewerId!: string;

  @Field(() => [String], { description: "Competency keys weighted above 0 in the mandate's requirement profile." })
  focusCompetencyKeys!: string[];
}

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

  @Field(() => [PanelistFocusInput], {
    nullable: true,
    description: 'Per panelist, the competencies they focus on, so the panel covers the profile between them.',
  })
  focus?: PanelistFocusInput[] | null;

  @Field(() => Int, { nullable: true, description: `${LIMITS.minDuration}–${LIMITS.maxDuration} minutes; 60 when left out.` })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: `Where it takes place (at most ${LIMITS.location} characters).` })
  location?: string | null;

  @Field(() => String, { nullable: true, description: `An https link to the video meeting (at most ${LIMITS.videoLink} characters).` })
  videoLink?: string | null;
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

  @Field(() => [String], {
    nullable: true,
    description: "The competencies they focus on: keys weighted above 0 in the mandate's requirement profile.",
  })
  focusCompetencyKeys?: string[] | null;
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

@InputType()
export class RescheduleInterviewInput {
  @Field(() => ID, { description: 'An interview that is SCHEDULED or NO_SHOW (not HELD, not CANCELLED).' })
  interviewId!: string;

  @Field({ description: 'The new time; in the future.' })
  scheduledAt!: Date;

  @Field(() => Int, { nullable: true, description: `${LIMITS.minDuration}–${LIMITS.maxDuration} minutes; left out: unchanged.` })
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged; null clears it.' })
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'An https link; left out: unchanged; null clears it.' })
  videoLink?: string | null;

  @Field(() => Int, { nullable: true, description: "The interview's version you read; a different current version is a CONFLICT." })
  expectedVersion?: number | null;
}

@InputType()
export class CancelInterviewInput {
  @Field(() => ID, { description: 'An interview none of whose scorecards has been submitted.' })
  interviewId!: string;

  @Field({ description: `Why it is called off (at most ${LIMITS.reason} characters).` })
  reason!: string;

  @Field(() => Int, { nullable: true, description: "The interview's version you read; a different current version is a CONFLICT." })
  expectedVersion?: number | null;
}

@InputType()
export class MarkInterviewHeldInput {
  @Field(() => ID, { description: 'A SCHEDULED interview.' })
  interviewId!: string;

  @Field(() => Date, { nullable: true, description: 'When it was held; not in the future. Left out: now.' })
  heldAt?: Date | null;

  @Field(() => Int, { nullable: true, description: "The interview's version you read; a different current version is a CONFLICT." })
  expectedVersion?: number | null;
}

@InputType()
export class MarkInterviewNoShowInput {
  @Field(() => ID, { description: 'A SCHEDULED interview.' })
  interviewId!: string;

  @Field(() => Int, { nullable: true, description: "The interview's version you read; a different current version is a CONFLICT." })
  expectedVersion?: number | null;
}

@ObjectType()
export class InterviewPayload extends Payload {
  @Field(() => Interview, { nullable: true })
  interview: Interview | null = null;
}

@InputType({ description: 'Which of your interviews to list.' })
export class MyInterviewsFilter {
  @Field(() => Date, { nullable: true, description: 'Only those scheduled at or after this time.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only those scheduled before this time.' })
  to?: Date | null;

  @Field(() => [InterviewStatus], { nullable: true, description: 'Only those in these statuses.' })
  status?: InterviewStatus[] | null;
}

@ArgsType()
export class MyInterviewsArgs extends ConnectionArgs {
  @Field(() => MyInterviewsFilter, { nullable: true })
  filter?: MyInterviewsFilter | null;
}

@ObjectType()
export class InterviewConnection extends ConnectionType('Interview', Interview) {}
