import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Candidacy, CandidacySource, CandidacyStage } from './candidacy.entity';
import { CANDIDACY_LIMITS } from './candidacy.limits';

@InputType()
export class AddCandidateToMandateInput {
  @Field(() => ID)
  mandateId!: string;

  @Field(() => ID)
  candidateId!: string;

  @Field(() => String, { nullable: true, description: `Why this candidate; at most ${CANDIDACY_LIMITS.reason} characters.` })
  reason?: string | null;

  @Field(() => CandidacySource, {
    defaultValue: CandidacySource.DIRECT,
    description: "Where the candidate came from (TALENT_POOL: a match of the mandate's talent pool); kept in the candidacy's history.",
  })
  source!: CandidacySource;
}

@ObjectType()
export class AddCandidateToMandatePayload extends Payload {
  @Field(() => Candidacy, { nullable: true })
  candidacy: Candidacy | null = null;
}

@InputType()
export class MoveCandidacyInput {
  @Field(() => ID)
  candidacyId!: string;

  @Field(() => CandidacyStage)
  stage!: CandidacyStage;

  @Field(() => String, {
    nullable: true,
    description: `Why; at most ${CANDIDACY_LIMITS.reason} characters. Required for REJECTED and WITHDRAWN, and to reconsider from them.`,
  })
  reason?: string | null;
}

@ObjectType()
export class MoveCandidacyPayload extends Payload {
  @Field(() => Candidacy, { nullable: true })
  candidacy: Candidacy | null = null;
}

@ArgsType()
export class MandateCandidaciesArgs extends ConnectionArgs {
  @Field(() => CandidacyStage, { nullable: true, description: 'Only the candidacies in this stage (before `stages`).' })
  stage?: CandidacyStage | null;

  @Field(() => [CandidacyStage], {
    nullable: true,
    description: 'Only the candidacies in these stages (at least one); default: every stage but the exits (REJECTED, WITHDRAWN).',
  })
  stages?: CandidacyStage[] | null;
}

@ObjectType()
export class CandidacyConnection extends ConnectionType('Candidacy', Candidacy) {}
