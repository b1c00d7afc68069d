import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Access } from '../../common/access';
import { CANDIDATE_READERS, CANDIDATE_WRITERS } from './candidate.access';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../server/context';
import { Candidate } from './candidate.entity';
import { CandidateExternalRef } from './candidate-external-ref.entity';
import {
  CandidateConnection,
  CandidatesArgs,
  CreateCandidateInput,
  CreateCandidatePayload,
  UpdateCandidateInput,
  UpdateCandidatePayload,
} from './candidate.inputs';
import { createCandidate, listCandidates, updateCandidate } from './candidate.service';
import { externalRefsByCandidateLoader } from './candidate.loaders';
import { dateOnlyAsDate } from './date-only';

@Resolver(() => Candidate)
export class CandidateResolver {
  @Authorized<Access>(...CANDIDATE_READERS)
  @Query(() => CandidateConnection, {
    description: "The firm's candidates, oldest first; with filter.updatedSince in the order of their last change.",
  })
  candidates(@Args() { filter, ...page }: CandidatesArgs, @Ctx() context: Context): Promise<Connection<Candidate>> {
    return listCandidates(context.em, principalOf(context).firmId, filter, page);
  }

  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => CreateCandidatePayload)
  createCandidate(@Arg('input') input: CreateCandidateInput, @Ctx() context: Context): Promise<CreateCandidatePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context.em, CreateCandidatePayload, (em) => createCandidate(em, firmId, input));
  }

  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => UpdateCandidatePayload)
  updateCandidate(@Arg('input') input: UpdateCandidateInput, @Ctx() context: Context): Promise<UpdateCandidatePayload> {
    const { firmId } = principalOf(context);
    const { candidateId, ...data } = input;
    return runMutation(context.em, UpdateCandidatePayload, (em) =>
      updateCandidate(em, firmId, localIdOf(candidateId, 'Candidate'), data),
    );
  }

  @FieldResolver(() => [CandidateExternalRef], { description: "The candidate's ids in other systems, by system." })
  externalRefs(@Root() candidate: Candidate, @Ctx() context: Context): Promise<CandidateExternalRef[]> {
    return context.loaders.get(externalRefsByCandidateLoader).load(candidate.id);
  }

  // The column is a SQL date, which the ORM reads as 'YYYY-MM-DD': shown as midnight UTC.
  @FieldResolver(() => Date, { nullable: true })
  retainUntil(@Root() candidate: Candidate): Date | null {
    return dateOnlyAsDate(candidate.retainUntil);
  }
}
