import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Payload } from '../../common/payload';
import { Candidate } from '../candidate';
import { GDPR_LIMITS } from './gdpr.limits';

@InputType()
export class EraseCandidateInput {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => String, {
    nullable: true,
    description: `Why, for the record (e.g. "request of 2 Nov 2026"); at most ${GDPR_LIMITS.reason} characters. Write no personal data here.`,
  })
  reason?: string | null;
}

@ObjectType()
export class EraseCandidatePayload extends Payload {
  @Field(() => Candidate, { nullable: true, description: 'The candidate as it stays: a placeholder without personal data.' })
  candidate: Candidate | null = null;
}
