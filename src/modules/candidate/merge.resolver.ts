import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { CANDIDATE_WRITERS, type Access } from '../../common/access';
import { principalOf, type Context } from '../../common/context';
import { localIdOf, toGlobalId } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { Candidate } from './candidate.entity';
import { candidateByIdLoader, mergedFromByCandidateLoader, type CandidateRow } from './candidate.loaders';
import { mergeCandidates } from './merge.service';
import { CandidateMerge, MergeCandidatesInput, MergeCandidatesPayload } from './merge.types';

@Resolver(() => Candidate)
export class CandidateMergeResolver {
  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => MergeCandidatesPayload, {
    description:
      'Merges two records of one person: every candidacy (with its interviews, scorecards, shortlist entries and feedback), external ' +
      'ref, tag and consent record of the duplicate moves to the survivor, in one transaction. Refused (SAME_MANDATE) when both are ' +
      'in one mandate’s pipeline. Emits candidate.merged. Cannot be undone.',
  })
  mergeCandidates(@Arg('input') input: MergeCandidatesInput, @Ctx() context: Context): Promise<MergeCandidatesPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, MergeCandidatesPayload, (em) =>
      mergeCandidates(em, firmId, {
        survivorId: localIdOf(input.survivorId, 'Candidate'),
        duplicateId: localIdOf(input.duplicateId, 'Candidate'),
        fieldChoices: input.fieldChoices,
        expectedVersions: input.expectedVersions,
      }),
    );
  }

  @FieldResolver(() => [CandidateMerge], { description: 'The records merged into this one, oldest merge first.' })
  async mergedFrom(@Root() candidate: CandidateRow, @Ctx() context: Context): Promise<CandidateMerge[]> {
    const rows = await context.loaders.get(mergedFromByCandidateLoader).load(candidate.id);
    return rows.map((row) =>
      Object.assign(new CandidateMerge(), { candidateId: toGlobalId('Candidate', row.id), mergedAt: row.mergedAt! }),
    );
  }

  @FieldResolver(() => Candidate, {
    nullable: true,
    description: 'On a record merged into another (seen in a sync): the survivor, which holds everything now. Null for a live record.',
  })
  async mergedInto(@Root() candidate: CandidateRow, @Ctx() context: Context): Promise<CandidateRow | null> {
    return candidate.mergedIntoId ? context.loaders.get(candidateByIdLoader).load(candidate.mergedIntoId) : null;
  }
}
