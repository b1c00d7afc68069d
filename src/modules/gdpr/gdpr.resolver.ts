import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Role, userIdOf, type Access } from '../../common/access';
import { ConnectionArgs, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { readPersonal } from '../audit';
import { principalOf, type Context } from '../../common/context';
import { Candidate, CandidateConnection } from '../candidate';
import { candidateDataExport } from './data-export.service';
import { EraseCandidateInput, EraseCandidatePayload } from './gdpr.inputs';
import { candidatesDueForErasure, eraseCandidate } from './gdpr.service';

// Erasure and export are the partners' duty (PRODUCT.md §1): admins only, never systems or clients.
@Resolver()
export class GdprResolver {
  @Authorized<Access>(Role.ADMIN)
  @Query(() => CandidateConnection, {
    description:
      'Candidates whose data the firm may no longer keep: consent WITHDRAWN, or retainUntil before today (UTC); not yet erased. Oldest first.',
  })
  candidatesDueForErasure(@Args() page: ConnectionArgs, @Ctx() context: Context): Promise<Connection<Candidate>> {
    return candidatesDueForErasure(context.em, principalOf(context).firmId, page);
  }

  @Authorized<Access>(Role.ADMIN)
  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Everything stored about the candidate, as one JSON document (GDPR art. 15, 20); null when there is no such candidate.',
  })
  async candidateDataExport(
    @Arg('candidateId', () => ID) candidateId: string,
    @Ctx() context: Context,
  ): Promise<Record<string, unknown> | null> {
    const id = localIdOf(candidateId, 'Candidate');
    const principal = principalOf(context);
    const document = await candidateDataExport(context.em, principal.firmId, id, userIdOf(principal));
    // All of their personal data and every evidence text about them leaves here: one read row.
    return id === null ? document : readPersonal(context.audit, 'Candidate', id, 'dataExport', document);
  }

  @Authorized<Access>(Role.ADMIN)
  @Mutation(() => EraseCandidatePayload, {
    description:
      "Erases the candidate's personal data in every table (GDPR art. 17); keeps the numeric ratings. Emits candidate.erased. Cannot be undone.",
  })
  eraseCandidate(@Arg('input') input: EraseCandidateInput, @Ctx() context: Context): Promise<EraseCandidatePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, EraseCandidatePayload, (em) =>
      eraseCandidate(em, firmId, { candidateId: localIdOf(input.candidateId, 'Candidate'), reason: input.reason }),
    );
  }
}
