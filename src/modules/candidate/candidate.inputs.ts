import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Candidate, ConsentStatus } from './candidate.entity';
import { CANDIDATE_LIMITS as LIMITS } from './candidate.limits';
import type { CandidateFieldsData } from './candidate.validation';
import { CandidateDuplicateView } from './duplicate.types';

export const DUPLICATE_WARNINGS =
  'Candidates that are likely the same person as one just written (seen from it), most likely first: a warning, nothing was refused.';

@InputType({ description: "The candidate's id in another system." })
export class CandidateExternalRefInput {
  @Field({ description: `Lower case letters, digits, _ and -, at most ${LIMITS.system} characters, e.g. greenhouse. One ref per system.` })
  system!: string;

  @Field({ description: `At most ${LIMITS.externalId} characters; unique in the firm for its system.` })
  externalId!: string;
}

@InputType({
  description:
    'The whole consent state. GIVEN needs retainUntil in the future; givenAt defaults to now (or stays as recorded). ' +
    'WITHDRAWN records when it was withdrawn.',
})
export class CandidateConsentInput {
  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field(() => Date, { nullable: true, description: 'When consent was given; not in the future. Not for PENDING.' })
  givenAt?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the firm may keep the data, e.g. "2031-06-30".' })
  retainUntil?: Date | null;
}

export interface CandidateFieldsOptions {
  // createCandidate's input: the names are required, and the schema describes each field's limits
  // there. Elsewhere (an update, an upsert item) a field left out keeps its value, so every field may
  // be left out or null.
  creating?: boolean;
  // The names' description where it says more, e.g. for an upsert item: required for a new candidate.
  namesDescription?: string;
}

// The candidate's own fields (CANDIDATE_FIELDS), declared once for every input that writes them.
export function CandidateFieldsInput({ creating = false, namesDescription }: CandidateFieldsOptions = {}) {
  const limit = (description: string) => (creating ? description : undefined);
  const name = () => ({ nullable: !creating, description: namesDescription ?? limit(`At most ${LIMITS.name} characters.`) });

  @InputType()
  abstract class CandidateFields implements CandidateFieldsData {
    @Field(() => String, name())
    firstName?: string | null;

    @Field(() => String, name())
    lastName?: string | null;

    @Field(() => String, { nullable: true, description: limit(`At most ${LIMITS.email} characters; stored in lower case.`) })
    email?: string | null;

    @Field(() => String, { nullable: true, description: limit(`Digits, spaces, - and a leading +; at most ${LIMITS.phone} characters.`) })
    phone?: string | null;

    @Field(() => String, { nullable: true, description: limit(`Current role and company; at most ${LIMITS.headline} characters.`) })
    headline?: string | null;

    @Field(() => String, { nullable: true, description: limit(`At most ${LIMITS.location} characters.`) })
    location?: string | null;

    @Field(() => [String], {
      nullable: true,
      description: limit(`ISO 639-1 codes in lower case (nb, sv, en), at most ${LIMITS.languages}.`),
    })
    languages?: string[] | null;

    @Field(() => String, {
      nullable: true,
      description: limit(`An https URL on linkedin.com, at most ${LIMITS.linkedinUrl} characters.`),
    })
    linkedinUrl?: string | null;

    @Field(() => [String], {
      nullable: true,
      description: limit(`At most ${LIMITS.tags} tags of 1–${LIMITS.tag} characters; trimmed, duplicates dropped.`),
    })
    tags?: string[] | null;
  }
  return CandidateFields;
}

@InputType()
export class CreateCandidateInput extends CandidateFieldsInput({ creating: true }) {
  @Field(() => [CandidateExternalRefInput], { nullable: true, description: `At most ${LIMITS.externalRefs}, one per system.` })
  externalRefs?: CandidateExternalRefInput[] | null;

  @Field(() => CandidateConsentInput, { nullable: true, description: 'Left out: PENDING.' })
  consent?: CandidateConsentInput | null;
}

@InputType({
  description:
    'Only the fields given change. null clears an optional text; null or a list replaces a list ' +
    '(externalRefs: the whole set of refs); consent: null keeps it.',
})
export class UpdateCandidateInput extends CandidateFieldsInput() {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => [CandidateExternalRefInput], { nullable: true })
  externalRefs?: CandidateExternalRefInput[] | null;

  @Field(() => CandidateConsentInput, { nullable: true })
  consent?: CandidateConsentInput | null;
}

@ObjectType()
export class CreateCandidatePayload extends Payload {
  @Field(() => Candidate, { nullable: true })
  candidate: Candidate | null = null;

  @Field(() => [CandidateDuplicateView], { description: DUPLICATE_WARNINGS })
  duplicateWarnings: CandidateDuplicateView[] = [];
}

@ObjectType()
export class UpdateCandidatePayload extends Payload {
  @Field(() => Candidate, { nullable: true })
  candidate: Candidate | null = null;

  @Field(() => [CandidateDuplicateView], { description: DUPLICATE_WARNINGS })
  duplicateWarnings: CandidateDuplicateView[] = [];
}

@InputType()
export class CandidateExternalRefFilter {
  @Field()
  system!: string;

  @Field()
  externalId!: string;
}

@InputType()
export class CandidateFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, email or headline; ignores case and accents ("ostergard" finds "Østergård").',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Candidates with exactly this tag.' })
  tag?: string | null;

  @Field(() => CandidateExternalRefFilter, { nullable: true })
  externalRef?: CandidateExternalRefFilter | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Candidates changed at or after this time, ordered by (updatedAt, id): an incremental sync.',
  })
  updatedSince?: Date | null;
}

@ArgsType()
export class CandidatesArgs extends ConnectionArgs {
  @Field(() => CandidateFilter, { nullable: true })
  filter?: CandidateFilter | null;
}

@ObjectType()
export class CandidateConnection extends ConnectionType('Candidate', Candidate) {}
