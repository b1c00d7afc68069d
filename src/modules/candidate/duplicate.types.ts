import { ArgsType, Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Candidate } from './candidate.entity';
import { DuplicateReason } from './duplicate-model';
import type { DuplicateView } from './duplicate.service';

registerEnumType(DuplicateReason, {
  name: 'DuplicateReason',
  description: 'Why two candidates look like one person.',
  valuesConfig: {
    EMAIL: { description: 'The same email address.' },
    PHONE: { description: 'The same phone number, ignoring spaces, hyphens, + and a leading 00.' },
    LINKEDIN: { description: 'The same LinkedIn profile, ignoring www., query and trailing slash.' },
    EXTERNAL_REF: { description: 'The same external id, each under another system.' },
    SIMILAR_NAME: {
      description: 'A similar full name (trigram similarity ≥ 0.6, ignoring case and accents) and the same location or a similar headline.',
    },
  },
});

@ObjectType('CandidateDuplicate', { description: 'Two candidates of the firm that are likely one person.' })
export class CandidateDuplicateView implements DuplicateView {
  // Resolved to `candidate` and `otherCandidate` (duplicate.resolver.ts).
  candidateId!: string;
  otherCandidateId!: string;

  @Field(() => [DuplicateReason], { description: 'Every reason that holds, strongest first.' })
  reasons!: DuplicateReason[];

  @Field(() => Float, {
    description:
      'How likely one person, 0–1 (two decimals): the strongest reason; EMAIL and LINKEDIN 1, EXTERNAL_REF and PHONE 0.9, ' +
      'SIMILAR_NAME 0.8 × the name similarity.',
  })
  score!: number;
}

@ObjectType()
export class CandidateDuplicateConnection extends ConnectionType('CandidateDuplicate', CandidateDuplicateView) {}

@ArgsType()
export class CandidateDuplicatesArgs extends ConnectionArgs {}

@InputType({ description: 'Two candidates someone decided are different people; in either order.' })
export class DismissDuplicateInput {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => ID)
  otherCandidateId!: string;
}

@ObjectType()
export class DismissDuplicatePayload extends Payload {
  @Field(() => Candidate, { nullable: true })
  candidate: Candidate | null = null;

  @Field(() => Candidate, { nullable: true })
  otherCandidate: Candidate | null = null;
}
