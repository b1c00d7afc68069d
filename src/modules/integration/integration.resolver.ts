import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Access } from '../../common/access';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { UpsertCandidatesInput, UpsertCandidatesPayload } from './upsert-candidates.inputs';
import { upsertCandidates } from './upsert-candidates.service';
import { CANDIDATE_WRITERS } from '../../common/access';

@Resolver()
export class CandidateUpsertResolver {
  @Authorized<Access>(...CANDIDATE_WRITERS)
  @Mutation(() => UpsertCandidatesPayload, {
    description:
      'Creates or updates candidates matched by their external ref, idempotently: the same batch sent twice changes ' +
      'nothing the second time. A bad item is reported and skipped; the others are written.',
  })
  upsertCandidates(@Arg('input') input: UpsertCandidatesInput, @Ctx() context: Context): Promise<UpsertCandidatesPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, UpsertCandidatesPayload, (em) => upsertCandidates(em, firmId, input.candidates));
  }
}
