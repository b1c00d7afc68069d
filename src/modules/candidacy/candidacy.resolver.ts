import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { userIdOf, type Access } from '../../common/access';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Candidate, candidateByIdLoader, type CandidateRow } from '../candidate';
import { Mandate, mandateByIdLoader, type MandateRow } from '../mandate';
import { User, userByIdLoader } from '../user';
import { Candidacy } from './candidacy.entity';
import { CandidacyStageChange } from './candidacy-stage-change.entity';
import {
  AddCandidateToMandateInput,
  AddCandidateToMandatePayload,
  CandidacyConnection,
  MandateCandidaciesArgs,
  MoveCandidacyInput,
  MoveCandidacyPayload,
} from './candidacy.inputs';
import { addCandidateToMandate, listMandateCandidacies, moveCandidacy } from './candidacy.service';
import { candidaciesByCandidateLoader, historyByCandidacyLoader, type CandidacyRow } from './candidacy.loaders';
import { pipelineStages } from './candidacy-stage';
import { CANDIDATE_READERS, MANDATE_READERS, MANDATE_WRITERS } from '../../common/access';

// The pipeline belongs with the mandates: it is read and written with the mandate scopes.
@Resolver(() => Candidacy)
export class CandidacyResolver {
  @Authorized<Access>(...MANDATE_WRITERS)
  @Mutation(() => AddCandidateToMandatePayload, { description: "Puts a candidate into a mandate's pipeline, as SOURCED." })
  addCandidateToMandate(@Arg('input') input: AddCandidateToMandateInput, @Ctx() context: Context): Promise<AddCandidateToMandatePayload> {
    const principal = principalOf(context);
    // The user acting is recorded on each move; an API key is no person, so null.
    return runMutation(context, AddCandidateToMandatePayload, (em) =>
      addCandidateToMandate(em, principal.firmId, userIdOf(principal), {
        mandateId: localIdOf(input.mandateId, 'Mandate'),
        candidateId: localIdOf(input.candidateId, 'Candidate'),
        reason: input.reason,
        source: input.source,
      }),
    );
  }

  @Authorized<Access>(...MANDATE_WRITERS)
  @Mutation(() => MoveCandidacyPayload, { description: 'Moves a candidacy to another stage, if that move is allowed.' })
  moveCandidacy(@Arg('input') input: MoveCandidacyInput, @Ctx() context: Context): Promise<MoveCandidacyPayload> {
    const principal = principalOf(context);
    return runMutation(context, MoveCandidacyPayload, (em) =>
      moveCandidacy(em, principal.firmId, userIdOf(principal), {
        candidacyId: localIdOf(input.candidacyId, 'Candidacy'),
        stage: input.stage,
        reason: input.reason,
      }),
    );
  }

  @Authorized<Access>(...CANDIDATE_READERS)
  @FieldResolver(() => Candidate, { description: 'The person: personal data, so it also needs candidates:read.' })
  candidate(@Root() candidacy: CandidacyRow, @Ctx() context: Context): Promise<CandidateRow | null> {
    // The loader's promise as it is (no async function and await per candidacy); a candidacy's
    // candidate is always there (the non-null field would fail on a null as before).
    return context.loaders.get(candidateByIdLoader).load(candidacy.candidate.id);
  }

  @FieldResolver(() => Mandate)
  async mandate(@Root() candidacy: CandidacyRow, @Ctx() context: Context): Promise<Mandate> {
    return (await context.loaders.get(mandateByIdLoader).load(candidacy.mandate.id))!;
  }

  @FieldResolver(() => [CandidacyStageChange], { description: 'Every move of the candidacy, oldest first.' })
  history(@Root() candidacy: CandidacyRow, @Ctx() context: Context): Promise<CandidacyStageChange[]> {
    return context.loaders.get(historyByCandidacyLoader).load(candidacy.id);
  }
}

@Resolver(() => CandidacyStageChange)
export class CandidacyStageChangeResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'The user who made the move; null when an API key made it, or for callers that see no users.',
  })
  async movedBy(@Root() change: CandidacyStageChange, @Ctx() context: Context): Promise<User | null> {
    // As node(id): API keys see no users.
    if (!change.movedBy || principalOf(context).kind !== 'USER') return null;
    return context.loaders.get(userByIdLoader).load(change.movedBy.id);
  }
}

@Resolver(() => Mandate)
export class MandateCandidaciesResolver {
  @Authorized<Access>(...MANDATE_READERS)
  @FieldResolver(() => CandidacyConnection, { description: "The mandate's pipeline, oldest first." })
  candidacies(
    @Root() mandate: MandateRow,
    @Args() { stage, stages, ...page }: MandateCandidaciesArgs,
    @Ctx() context: Context,
  ): Promise<Connection<CandidacyRow>> {
    return listMandateCandidacies(context.em, principalOf(context).firmId, mandate.id, stage ? [stage] : pipelineStages(stages), page);
  }
}

@Resolver(() => Candidate)
export class CandidateCandidaciesResolver {
  @Authorized<Access>(...MANDATE_READERS)
  @FieldResolver(() => [Candidacy], { description: "The candidate's candidacies in every mandate, oldest first." })
  candidacies(@Root() candidate: CandidateRow, @Ctx() context: Context): Promise<CandidacyRow[]> {
    return context.loaders.get(candidaciesByCandidateLoader).load(candidate.id);
  }
}
