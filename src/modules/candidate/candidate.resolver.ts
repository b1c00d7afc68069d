import { DateScalar } from '../../common/scalars';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Access } from '../../common/access';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
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
import { externalRefsByCandidateLoader, type CandidateExternalRefRow, type CandidateRow } from './candidate.loaders';
import { dateOnlyAsDate } from './date-only';
import { readPersonal } from '../audit';
import { CANDIDATE_READERS, CANDIDATE_WRITERS } from '../../common/access';

@Resolver(() => Candidate)
export class CandidateResolver {
  @Authorized<Access>(...CANDIDATE_READERS)
  @Query(() => CandidateConnection, {
    description:
      "The firm's candidates, oldest first; with filter.updatedSince in the order of their last change (an incremental " +
      'sync: a cursor this database cannot serve is refused with SYNC_CURSOR_EXPIRED, sync again from the start).',
  })
  candidates(@Args() { filter, ...page }: CandidatesArgs, @Ctx() context: Context): Promise<Connection<CandidateRow>> {
    return listCandidates(context.em, principalOf(context).firmId, filter, page, context.selected);
  }

  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => CreateCandidatePayload)
  createCandidate(@Arg('input') input: CreateCandidateInput, @Ctx() context: Context): Promise<CreateCandidatePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, CreateCandidatePayload, (em) => createCandidate(em, firmId, input));
  }

  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => UpdateCandidatePayload)
  updateCandidate(@Arg('input') input: UpdateCandidateInput, @Ctx() context: Context): Promise<UpdateCandidatePayload> {
    const { firmId } = principalOf(context);
    const { candidateId, ...data } = input;
    return runMutation(context, UpdateCandidatePayload, (em) => updateCandidate(em, firmId, localIdOf(candidateId, 'Candidate'), data));
  }

  @FieldResolver(() => [CandidateExternalRef], { description: "The candidate's ids in other systems, by system." })
  externalRefs(@Root() candidate: CandidateRow, @Ctx() context: Context): Promise<CandidateExternalRefRow[]> {
    return context.loaders.get(externalRefsByCandidateLoader).load(candidate.id);
  }

  // Contact details: every read is written to the audit log (names and headline, shown in
  // every list, are not: see README, Audit log).
  @FieldResolver(() => String, { nullable: true })
  email(@Root() candidate: CandidateRow, @Ctx() context: Context): string | null {
    return readPersonal(context.audit, 'Candidate', candidate.id, 'email', candidate.email);
  }

  @FieldResolver(() => String, { nullable: true })
  phone(@Root() candidate: CandidateRow, @Ctx() context: Context): string | null {
    return readPersonal(context.audit, 'Candidate', candidate.id, 'phone', candidate.phone);
  }

  @FieldResolver(() => String, { nullable: true })
  linkedinUrl(@Root() candidate: CandidateRow, @Ctx() context: Context): string | null {
    return readPersonal(context.audit, 'Candidate', candidate.id, 'linkedinUrl', candidate.linkedinUrl);
  }

  // The column is a SQL date, which the ORM reads as 'YYYY-MM-DD'; so is the Date scalar.
  @FieldResolver(() => DateScalar, { nullable: true })
  retainUntil(@Root() candidate: CandidateRow): Date | null {
    return dateOnlyAsDate(candidate.retainUntil);
  }
}
