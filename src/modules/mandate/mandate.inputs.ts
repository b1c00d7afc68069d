import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { LeadershipLevel, Mandate, MandateStatus } from './mandate.entity';

@InputType()
export class CreateMandateInput {
  @Field({ description: 'The role to fill, at most 200 characters.' })
  title!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => LeadershipLevel)
  leadershipLevel!: LeadershipLevel;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  location?: string | null;

  @Field(() => ID, { nullable: true, description: 'An admin or recruiter of the firm. Default: the calling user (required for API keys).' })
  leadRecruiterId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A PUBLISHED rubric version to pin. Default: the latest published version of the firm's default rubric.",
  })
  rubricId?: string | null;
}

@InputType({ description: 'The fields to change; a field left out stays as it is.' })
export class UpdateMandateInput {
  @Field(() => ID)
  mandateId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears the location.' })
  location?: string | null;

  @Field(() => ID, { nullable: true })
  leadRecruiterId?: string | null;
}

@InputType()
export class ChangeMandateStatusInput {
  @Field(() => ID)
  mandateId!: string;

  @Field(() => MandateStatus, {
    description: 'DRAFT → OPEN → PRESENTED → FILLED, PRESENTED → OPEN, or CANCELLED from any status but FILLED and CANCELLED.',
  })
  status!: MandateStatus;
}

@InputType()
export class RequirementInput {
  @Field({ description: "A competency key of the mandate's pinned rubric." })
  competencyKey!: string;

  @Field(() => Int, { description: '0–5; 0 = not considered.' })
  weight!: number;

  @Field(() => Int, { description: 'The level (1–5) the role needs.' })
  target!: number;

  @Field(() => Int, { nullable: true, description: 'A must-have: the least acceptable level (1–5), not above target.' })
  minimum?: number | null;
}

@InputType()
export class SetRequirementProfileInput {
  @Field(() => ID)
  mandateId!: string;

  @Field(() => [RequirementInput], { description: 'The whole profile: competencies left out are no longer required.' })
  requirements!: RequirementInput[];

  @Field(() => Int, { nullable: true, description: 'The Mandate.version you read; the change is refused if it moved on.' })
  expectedVersion?: number | null;
}

@InputType()
export class MandateFilter {
  @Field(() => MandateStatus, { nullable: true })
  status?: MandateStatus | null;

  @Field(() => ID, { nullable: true })
  clientId?: string | null;

  @Field(() => LeadershipLevel, { nullable: true })
  leadershipLevel?: LeadershipLevel | null;

  @Field(() => ID, { nullable: true })
  leadRecruiterId?: string | null;
}

@ArgsType()
export class MandatesArgs extends ConnectionArgs {
  @Field(() => MandateFilter, { nullable: true })
  filter?: MandateFilter | null;
}

@ObjectType()
export class MandateConnection extends ConnectionType('Mandate', Mandate) {}

@ObjectType()
export class CreateMandatePayload extends Payload {
  @Field(() => Mandate, { nullable: true })
  mandate: Mandate | null = null;
}

@ObjectType()
export class UpdateMandatePayload extends Payload {
  @Field(() => Mandate, { nullable: true })
  mandate: Mandate | null = null;
}

@ObjectType()
export class ChangeMandateStatusPayload extends Payload {
  @Field(() => Mandate, { nullable: true })
  mandate: Mandate | null = null;
}

@ObjectType()
export class SetRequirementProfilePayload extends Payload {
  @Field(() => Mandate, { nullable: true, description: 'The mandate with its new profile and version.' })
  mandate: Mandate | null = null;
}
