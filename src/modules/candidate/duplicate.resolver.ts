import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CANDIDATE_READERS, CANDIDATE_WRITERS, type Access } from '../../common/access';
import type { Connection } from '../../common/connection';
import { principalOf, type Context } from '../../common/context';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { Candidate } from './candidate.entity';
import { candidateByIdLoader, duplicatesByCandidateLoader, type CandidateRow } from './candidate.loaders';
import { dismissDuplicate, listDuplicates } from './duplicate.service';
import {
  CandidateDuplicateConnection,
  CandidateDuplicatesArgs,
  CandidateDuplicateView,
  DismissDuplicateInput,
  DismissDuplicatePayload,
} from './duplicate.types';

@Resolver(() => CandidateDuplicateView)
export class CandidateDuplicateResolver {
  @Authorized<Access>(...CANDIDATE_READERS)
  @Query(() => CandidateDuplicateConnection, {
    description:
      "The firm's likely duplicate candidates, most likely first; each pair once. Dismissed pairs and erased candidates are left out.",
  })
  candidateDuplicates(@Args() page: CandidateDuplicatesArgs, @Ctx() context: Context): Promise<Connection<CandidateDuplicateView>> {
    return listDuplicates(context.em, principalOf(context).firmId, page);
  }

  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => DismissDuplicatePayload, { description: 'Two candidates are different people: their pair is not shown again.' })
  dismissDuplicate(@Arg('input') input: DismissDuplicateInput, @Ctx() context: Context): Promise<DismissDuplicatePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, DismissDuplicatePayload, (em) =>
      dismissDuplicate(em, firmId, localIdOf(input.candidateId, 'Candidate'), localIdOf(input.otherCandidateId, 'Candidate')),
    );
  }

  @FieldResolver(() => Candidate)
  async candidate(@Root() duplicate: CandidateDuplicateView, @Ctx() context: Context): Promise<CandidateRow> {
    return (await context.loaders.get(candidateByIdLoader).load(duplicate.candidateId))!;
  }

  @FieldResolver(() => Candidate, { description: 'The candidate that is likely the same person.' })
  async otherCandidate(@Root() duplicate: CandidateDuplicateView, @Ctx() context: Context): Promise<CandidateRow> {
    return (await context.loaders.get(candidateByIdLoader).load(duplicate.otherCandidateId))!;
  }
}

@Resolver(() => Candidate)
export class CandidatePossibleDuplicatesResolver {
  @FieldResolver(() => [CandidateDuplicateView], {
    description: 'Candidates that are likely this same person, most likely first (seen from this candidate); dismissed pairs left out.',
  })
  possibleDuplicates(@Root() candidate: Candidate, @Ctx() context: Context): Promise<CandidateDuplicateView[]> {
    return context.loaders.get(duplicatesByCandidateLoader).load(candidate.id);
  }
}
