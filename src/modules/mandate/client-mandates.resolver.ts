import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, paginate, type Connection } from '../../common/connection';
import type { Context } from '../../common/context';
import { Client } from '../client';
import { Mandate } from './mandate.entity';
import { MandateConnection } from './mandate.inputs';
import { MANDATE_READERS } from '../../common/access';

// Client.mandates lives with the mandates, so the client feature does not depend on them.
@Resolver(() => Client)
export class ClientMandatesResolver {
  @Authorized(...MANDATE_READERS)
  @FieldResolver(() => MandateConnection, { description: "The client's mandates, oldest first." })
  mandates(@Root() client: Client, @Args() args: ConnectionArgs, @Ctx() context: Context): Promise<Connection<Mandate>> {
    return paginate(context.em, Mandate, { client: client.id }, { list: 'clientMandates', keys: ['createdAt', 'id'], ...args });
  }
}
