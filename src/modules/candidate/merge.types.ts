import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Payload } from '../../common/payload';
import { Candidate } from './candidate.entity';
import { MergeSide } from './merge-model';

registerEnumType(MergeSide, { name: 'MergeSide', description: 'Which of the two merged records a value is taken from.' });

@InputType({
  description:
    "Per personal field, whose value the survivor keeps; a field left out keeps the survivor's. Tags are united, the stricter " +
    'consent and the earlier retention term win, and every external ref moves, whatever is chosen here.',
})
export class MergeFieldChoicesInput {
  @Field(() => MergeSide, { nullable: true })
  firstName?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  lastName?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  email?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  phone?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  headline?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  location?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  languages?: MergeSide | null;

  @Field(() => MergeSide, { nullable: true })
  linkedinUrl?: MergeSide | null;
}

@InputType({ description: 'The versions (Candidate.version) the merge was decided on; a record changed since is refused (CONFLICT).' })
export class MergeExpectedVersionsInput {
  @Field(() => Int)
  survivor!: number;

  @Field(() => Int)
  duplicate!: number;
}

@InputType()
export class MergeCandidatesInput {
  @Field(() => ID, { description: 'The record that stays and receives everything.' })
  survivorId!: string;

  @Field(() => ID, { description: 'The record merged away: afterwards node(id) is null for it.' })
  duplicateId!: string;

  @Field(() => MergeFieldChoicesInput, { nullable: true })
  fieldChoices?: MergeFieldChoicesInput | null;

  @Field(() => MergeExpectedVersionsInput)
  expectedVersions!: MergeExpectedVersionsInput;
}

@ObjectType()
export class MergeCandidatesPayload extends Payload {
  @Field(() => Candidate, { nullable: true, description: 'The survivor, as it is after the merge.' })
  candidate: Candidate | null = null;

  @Field(() => ID, { nullable: true, description: 'The id of the record merged away (in the survivor’s mergedFrom from now on).' })
  mergedCandidateId: string | null = null;
}

@ObjectType({ description: 'A record merged into this candidate.' })
export class CandidateMerge {
  @Field(() => ID, { description: 'The global id the merged record had; node(id) is null for it now.' })
  candidateId!: string;

  @Field()
  mergedAt!: Date;
}
