import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { paginate, type Connection } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../server/context';
import { Client } from '../client/client.entity';
import { clientLoader } from '../client/client.loaders';
import { User } from '../user/user.entity';
import { userByIdLoader } from '../user/user.loaders';
import { Rubric } from '../rubric/rubric.entity';
import { rubricByIdLoader } from '../rubric/rubric.loaders';
import { Mandate } from './mandate.entity';
import { Requirement } from './requirement.entity';
import { MANDATE_RELATIONS_READ, MANDATES_READ, MANDATES_WRITE } from './mandate.access';
import { requirementProfileLoader } from './mandate.loaders';
import { changeMandateStatus, createMandate, updateMandate } from './mandate.service';
import { setRequirementProfile } from './requirement-profile.service';
import {
  ChangeMandateStatusInput,
  ChangeMandateStatusPayload,
  CreateMandateInput,
  CreateMandatePayload,
  MandateConnection,
  type MandateFilter,
  MandatesArgs,
  SetRequirementProfileInput,
  SetRequirementProfilePayload,
  UpdateMandateInput,
  UpdateMandatePayload,
} from './mandate.inputs';

@Resolver(() => Mandate)
export class MandateResolver {
  @Authorized(...MANDATES_READ)
  @Query(() => MandateConnection, { description: "The firm's mandates, oldest first." })
  mandates(@Args() { filter, ...args }: MandatesArgs, @Ctx() context: Context): Promise<Connection<Mandate>> {
    return paginate(context.em, Mandate, mandateWhere(filter), { list: 'mandates', keys: ['createdAt', 'id'], ...args });
  }

  @Authorized(...MANDATES_WRITE)
  @Mutation(() => CreateMandatePayload, { description: 'A new DRAFT mandate, pinned to a published rubric.' })
  createMandate(@Arg('input') input: CreateMandateInput, @Ctx() context: Context): Promise<CreateMandatePayload> {
    const principal = principalOf(context);
    const callerUserId = principal.kind === 'USER' ? principal.userId : null;
    return runMutation(context.em, CreateMandatePayload, async (em) => ({
      mandate: await createMandate(em, principal.firmId, callerUserId, {
        title: input.title,
        clientId: localIdOf(input.clientId, 'Client'),
        leadershipLevel: input.leadershipLevel,
        location: input.location,
        leadRecruiterId: optionalId(input.leadRecruiterId, 'User'),
        rubricId: optionalId(input.rubricId, 'Rubric'),
      }),
    }));
  }

  @Authorized(...MANDATES_WRITE)
  @Mutation(() => UpdateMandatePayload)
  updateMandate(@Arg('input') input: UpdateMandateInput, @Ctx() context: Context): Promise<UpdateMandatePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context.em, UpdateMandatePayload, async (em) => ({
      mandate: await updateMandate(em, firmId, localIdOf(input.mandateId, 'Mandate'), {
        title: input.title,
        location: input.location,
        leadRecruiterId: optionalId(input.leadRecruiterId, 'User'),
      }),
    }));
  }

  @Authorized(...MANDATES_WRITE)
  @Mutation(() => ChangeMandateStatusPayload)
  changeMandateStatus(@Arg('input') input: ChangeMandateStatusInput, @Ctx() context: Context): Promise<ChangeMandateStatusPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context.em, ChangeMandateStatusPayload, async (em) => ({
      mandate: await changeMandateStatus(em, firmId, localIdOf(input.mandateId, 'Mandate'), input.status),
    }));
  }

  @Authorized(...MANDATES_WRITE)
  @Mutation(() => SetRequirementProfilePayload, { description: "Replaces the mandate's whole requirement profile." })
  setRequirementProfile(
    @Arg('input') input: SetRequirementProfileInput,
    @Ctx() context: Context,
  ): Promise<SetRequirementProfilePayload> {
    const { firmId } = principalOf(context);
    return runMutation(context.em, SetRequirementProfilePayload, async (em) => ({
      mandate: await setRequirementProfile(em, firmId, localIdOf(input.mandateId, 'Mandate'), input),
    }));
  }

  @Authorized(...MANDATE_RELATIONS_READ)
  @FieldResolver(() => Client)
  client(@Root() mandate: Mandate, @Ctx() context: Context): Promise<Client | null> {
    return context.loaders.get(clientLoader).load(mandate.client.id);
  }

  @Authorized(...MANDATE_RELATIONS_READ)
  @FieldResolver(() => User)
  leadRecruiter(@Root() mandate: Mandate, @Ctx() context: Context): Promise<User | null> {
    return context.loaders.get(userByIdLoader).load(mandate.leadRecruiter.id);
  }

  @Authorized(...MANDATE_RELATIONS_READ)
  @FieldResolver(() => Rubric, { description: 'The published rubric version every score of this mandate is given against.' })
  rubric(@Root() mandate: Mandate, @Ctx() context: Context): Promise<Rubric | null> {
    return context.loaders.get(rubricByIdLoader).load(mandate.rubric.id);
  }

  @Authorized(...MANDATE_RELATIONS_READ)
  @FieldResolver(() => [Requirement], { description: "What the client needs, in the order of the rubric's competencies." })
  requirementProfile(@Root() mandate: Mandate, @Ctx() context: Context): Promise<Requirement[]> {
    return context.loaders.get(requirementProfileLoader).load(mandate);
  }
}

// An optional id argument: undefined when not given, null when it names nothing of that type.
function optionalId(globalId: string | null | undefined, typeName: string): string | null | undefined {
  return globalId == null ? undefined : localIdOf(globalId, typeName);
}

function mandateWhere(filter: MandateFilter | null | undefined): FilterQuery<Mandate> {
  const where: FilterQuery<Mandate> & Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.status) where.status = filter.status;
  if (filter.leadershipLevel) where.leadershipLevel = filter.leadershipLevel;
  if (filter.clientId != null) where.client = filterId(filter.clientId, 'Client', 'clientId');
  if (filter.leadRecruiterId != null) where.leadRecruiter = filterId(filter.leadRecruiterId, 'User', 'leadRecruiterId');
  return where;
}

// A malformed id in a filter is a mistake worth telling; an id of another firm simply matches nothing.
function filterId(globalId: string, typeName: string, name: string): string {
  const id = localIdOf(globalId, typeName);
  if (!id) throw badUserInput(`filter.${name} is not a ${typeName} id.`, 'filter');
  return id;
}
