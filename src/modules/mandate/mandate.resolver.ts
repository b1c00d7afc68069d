import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { userIdOf } from '../../common/access';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Client, clientByIdLoader } from '../client';
import { User, userByIdLoader } from '../user';
import { Rubric, rubricByIdLoader } from '../rubric';
import { Mandate } from './mandate.entity';
import { Requirement } from './requirement.entity';
import { requirementProfileLoader, type MandateRow } from './mandate.loaders';
import { changeMandateStatus, createMandate, listMandates, updateMandate } from './mandate.service';
import { setRequirementProfile } from './requirement-profile.service';
import {
  ChangeMandateStatusInput,
  ChangeMandateStatusPayload,
  CreateMandateInput,
  CreateMandatePayload,
  MandateConnection,
  MandatesArgs,
  SetRequirementProfileInput,
  SetRequirementProfilePayload,
  UpdateMandateInput,
  UpdateMandatePayload,
} from './mandate.inputs';
import { MANDATE_READERS, MANDATE_RELATION_READERS, MANDATE_WRITERS } from '../../common/access';

@Resolver(() => Mandate)
export class MandateResolver {
  @Authorized(...MANDATE_READERS)
  @Query(() => MandateConnection, { description: "The firm's mandates, oldest first." })
  mandates(@Args() { filter, ...page }: MandatesArgs, @Ctx() context: Context): Promise<Connection<Mandate>> {
    return listMandates(context.em, principalOf(context).firmId, filter, page);
  }

  @Authorized(...MANDATE_WRITERS)
  @Mutation(() => CreateMandatePayload, { description: 'A new DRAFT mandate, pinned to a published rubric.' })
  createMandate(@Arg('input') input: CreateMandateInput, @Ctx() context: Context): Promise<CreateMandatePayload> {
    const principal = principalOf(context);
    return runMutation(context, CreateMandatePayload, async (em) => ({
      mandate: await createMandate(em, principal.firmId, userIdOf(principal), {
        title: input.title,
        clientId: localIdOf(input.clientId, 'Client'),
        leadershipLevel: input.leadershipLevel,
        location: input.location,
        leadRecruiterId: optionalId(input.leadRecruiterId, 'User'),
        rubricId: optionalId(input.rubricId, 'Rubric'),
      }),
    }));
  }

  @Authorized(...MANDATE_WRITERS)
  @Mutation(() => UpdateMandatePayload)
  updateMandate(@Arg('input') input: UpdateMandateInput, @Ctx() context: Context): Promise<UpdateMandatePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, UpdateMandatePayload, async (em) => ({
      mandate: await updateMandate(em, firmId, localIdOf(input.mandateId, 'Mandate'), {
        title: input.title,
        location: input.location,
        leadRecruiterId: optionalId(input.leadRecruiterId, 'User'),
      }),
    }));
  }

  @Authorized(...MANDATE_WRITERS)
  @Mutation(() => ChangeMandateStatusPayload)
  changeMandateStatus(@Arg('input') input: ChangeMandateStatusInput, @Ctx() context: Context): Promise<ChangeMandateStatusPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, ChangeMandateStatusPayload, async (em) => ({
      mandate: await changeMandateStatus(em, firmId, localIdOf(input.mandateId, 'Mandate'), input.status),
    }));
  }

  @Authorized(...MANDATE_WRITERS)
  @Mutation(() => SetRequirementProfilePayload, { description: "Replaces the mandate's whole requirement profile." })
  setRequirementProfile(@Arg('input') input: SetRequirementProfileInput, @Ctx() context: Context): Promise<SetRequirementProfilePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, SetRequirementProfilePayload, async (em) => ({
      mandate: await setRequirementProfile(em, firmId, localIdOf(input.mandateId, 'Mandate'), input),
    }));
  }

  @Authorized(...MANDATE_RELATION_READERS)
  @FieldResolver(() => Client)
  client(@Root() mandate: MandateRow, @Ctx() context: Context): Promise<Client | null> {
    return context.loaders.get(clientByIdLoader).load(mandate.client.id);
  }

  @Authorized(...MANDATE_RELATION_READERS)
  @FieldResolver(() => User)
  leadRecruiter(@Root() mandate: MandateRow, @Ctx() context: Context): Promise<User | null> {
    return context.loaders.get(userByIdLoader).load(mandate.leadRecruiter.id);
  }

  @Authorized(...MANDATE_RELATION_READERS)
  @FieldResolver(() => Rubric, { description: 'The published rubric version every score of this mandate is given against.' })
  rubric(@Root() mandate: MandateRow, @Ctx() context: Context): Promise<Rubric | null> {
    return context.loaders.get(rubricByIdLoader).load(mandate.rubric.id);
  }

  @Authorized(...MANDATE_RELATION_READERS)
  @FieldResolver(() => [Requirement], { description: "What the client needs, in the order of the rubric's competencies." })
  requirementProfile(@Root() mandate: MandateRow, @Ctx() context: Context): Promise<Requirement[]> {
    return context.loaders.get(requirementProfileLoader).load(mandate);
  }
}

// An optional id argument: undefined when not given, null when it names nothing of that type.
function optionalId(globalId: string | null | undefined, typeName: string): string | null | undefined {
  return globalId == null ? undefined : localIdOf(globalId, typeName);
}
