import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload, UserError } from '../../common/payload';
import {
  Candidate,
  CandidateConsentInput,
  CandidateDuplicateView,
  CandidateExternalRefInput,
  CandidateFieldsInput,
  type CandidateRow,
  DUPLICATE_WARNINGS,
} from '../candidate';
import { MAX_UPSERT_BATCH } from '../../config/limits';

export enum UpsertCandidateStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(UpsertCandidateStatus, {
  name: 'UpsertCandidateStatus',
  description: 'What an upsert did with one item. REJECTED: nothing of it was written; see its userErrors.',
});

@InputType({
  description:
    'One candidate as the other system knows it, matched by externalRef. A new candidate needs the names; for a known ' +
    'one only the fields given change (null clears an optional text, a list replaces a list), as in updateCandidate. ' +
    'The candidate keeps any refs of other systems.',
})
export class UpsertCandidateInput extends CandidateFieldsInput({ namesDescription: 'Required for a new candidate.' }) {
  @Field(() => CandidateExternalRefInput, { description: "The candidate's id in the sending system: the match key." })
  externalRef!: CandidateExternalRefInput;

  @Field(() => CandidateConsentInput, { nullable: true, description: 'Left out: kept (PENDING for a new candidate).' })
  consent?: CandidateConsentInput | null;
}

@InputType()
export class UpsertCandidatesInput {
  @Field(() => [UpsertCandidateInput], { description: `At most ${MAX_UPSERT_BATCH} per call.` })
  candidates!: UpsertCandidateInput[];
}

@ObjectType({ description: 'A system and the id of a record in it.' })
export class ExternalRef {
  @Field()
  system!: string;

  @Field()
  externalId!: string;
}

@ObjectType({ description: 'What happened to one item of an upsert.' })
export class UpsertCandidateResult {
  @Field(() => Int, { description: 'The position of the item in input.candidates, from 0.' })
  index!: number;

  @Field(() => ExternalRef, { description: 'The match key as sent.' })
  externalRef!: ExternalRef;

  @Field(() => UpsertCandidateStatus)
  status!: UpsertCandidateStatus;

  @Field(() => Candidate, { nullable: true, description: 'The candidate as it is now; null when REJECTED.' })
  candidate!: CandidateRow | null;

  @Field(() => [UserError], { description: "Why the item was rejected; fields are paths like ['input', 'candidates', '3', 'email']." })
  userErrors!: UserError[];
}

@ObjectType({
  description:
    'Good items are written even when others are rejected: look at each result. ' +
    'userErrors holds only problems of the whole call, which then writes nothing.',
})
export class UpsertCandidatesPayload extends Payload {
  @Field(() => [UpsertCandidateResult], { description: 'One result per item, in input order.' })
  results: UpsertCandidateResult[] = [];

  @Field(() => Int)
  createdCount = 0;

  @Field(() => Int)
  updatedCount = 0;

  @Field(() => Int)
  unchangedCount = 0;

  @Field(() => Int)
  rejectedCount = 0;

  @Field(() => [CandidateDuplicateView], { description: DUPLICATE_WARNINGS })
  duplicateWarnings: CandidateDuplicateView[] = [];
}
