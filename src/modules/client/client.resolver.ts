import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectionArgs, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Client } from './client.entity';
import { ClientConnection, CreateClientInput, CreateClientPayload, UpdateClientInput, UpdateClientPayload } from './client.inputs';
import { createClient, listClients, updateClient } from './client.service';
import { MANDATE_READERS, MANDATE_WRITERS } from '../../common/access';

// Clients are read and written with the mandates (mandates:read, mandates:write).
@Resolver(() => Client)
export class ClientResolver {
  @Authorized(...MANDATE_READERS)
  @Query(() => ClientConnection, { description: "The firm's client companies, by name." })
  clients(@Args() page: ConnectionArgs, @Ctx() context: Context): Promise<Connection<Client>> {
    return listClients(context.em, principalOf(context).firmId, page);
  }

  @Authorized(...MANDATE_WRITERS)
  @Mutation(() => CreateClientPayload)
  createClient(@Arg('input') input: CreateClientInput, @Ctx() context: Context): Promise<CreateClientPayload> {
    const { firmId } = principalOf(context);
    return runMutation(context, CreateClientPayload, async (em) => ({ client: await createClient(em, firmId, input) }));
  }

  @Authorized(...MANDATE_WRITERS)
  @Mutation(() => UpdateClientPayload)
  updateClient(@Arg('input') input: UpdateClientInput, @Ctx() context: Context): Promise<UpdateClientPayload> {
    const { firmId } = principalOf(context);
    const { clientId, ...changes } = input;
    return runMutation(context, UpdateClientPayload, async (em) => ({
      client: await updateClient(em, firmId, localIdOf(clientId, 'Client'), changes),
    }));
  }
}
