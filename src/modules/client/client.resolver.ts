import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, ConnectionType, paginate, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { Payload, runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../server/context';
import { Client } from './client.entity';
import { CLIENTS_READ, CLIENTS_WRITE } from './client.access';
import { createClient, updateClient } from './client.service';

@InputType()
export class CreateClientInput {
  @Field({ description: 'The company name, at most 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Official registration number, unique per country; at most 40 characters.' })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  industry?: string | null;

  @Field(() => Int, { nullable: true, description: '1–10,000,000.' })
  employeeCount?: number | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, e.g. NO (stored in upper case).' })
  country!: string;
}

@InputType({ description: 'The fields to change; a field left out stays as it is, null clears an optional one.' })
export class UpdateClientInput {
  @Field(() => ID)
  clientId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  organisationNumber?: string | null;

  @Field(() => String, { nullable: true })
  industry?: string | null;

  @Field(() => Int, { nullable: true })
  employeeCount?: number | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}

@ObjectType()
export class CreateClientPayload extends Payload {
  @Field(() => Client, { nullable: true })
  client: Client | null = null;
}

@ObjectType()
export class UpdateClientPayload extends Payload {
  @Field(() => Client, { nullable: true })
  client: Client | null = null;
}

@ObjectType()
export class ClientConnection extends ConnectionType('Client', Client) {}

@Resolver(() => Client)
export class ClientResolver {
  @Authorized(...CLIENTS_READ)
  @Query(() => ClientConnection, { description: "The firm's client companies, by name." })
  clients(@Args() args: ConnectionArgs, @Ctx() context: Context): Promise<Connection<Client>> {
    return paginate(context.em, Client, {}, { list: 'clients', keys: ['name', 'id'], ...args });
  }

  @Authorized(...CLIENTS_WRITE)
  @Mutation(() => CreateClientPayload)
  createClient(@Arg('input') input: CreateClientInput, @Ctx() context: Context): Promise<CreateClientPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context.em, CreateClientPayload, async (em) => ({ client: await createClient(em, firmId, input) }));
  }

  @Authorized(...CLIENTS_WRITE)
  @Mutation(() => UpdateClientPayload)
  updateClient(@Arg('input') input: UpdateClientInput, @Ctx() context: Context): Promise<UpdateClientPayload> {
    const { firmId } = principalOf(context);
    const { clientId, ...changes } = input;
    return runMutation(context.em, UpdateClientPayload, async (em) => ({
      client: await updateClient(em, firmId, localIdOf(clientId, 'Client'), changes),
    }));
  }
}
