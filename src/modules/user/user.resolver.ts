import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role, STAFF } from '../../common/access';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { Payload, runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Client, clientByIdLoader } from '../client';
import { User } from './user.entity';
import { createUser, flushNewUser, listUsers } from './user.service';
import { UserConnection, UsersArgs } from './user.inputs';

@InputType()
export class CreateUserInput {
  @Field({ description: 'Sign-in email, unique across all firms.' })
  email!: string;

  @Field({ description: 'At most 200 characters.' })
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field({ description: 'At least 10 characters.' })
  password!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The client company a CLIENT user speaks for; required for CLIENT, not allowed otherwise.',
  })
  clientId?: string | null;
}

@ObjectType()
export class CreateUserPayload extends Payload {
  @Field(() => User, { nullable: true })
  user: User | null = null;
}

@Resolver(() => User)
export class UserResolver {
  // Colleagues are for the firm's own people (picking interviewers): not for client users or API keys.
  @Authorized(...STAFF)
  @Query(() => UserConnection, {
    description: "The firm's users by name, then id: its staff (ADMIN, RECRUITER) unless filter.roles asks for others.",
  })
  users(@Args() { filter, ...page }: UsersArgs, @Ctx() context: Context): Promise<Connection<User>> {
    return listUsers(context.em, principalOf(context).firmId, filter, page);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateUserPayload, { description: 'Adds a user to the firm: a partner, a consultant or a client contact.' })
  createUser(@Arg('input') input: CreateUserInput, @Ctx() context: Context): Promise<CreateUserPayload> {
    const { firmId } = principalOf(context);
    const clientId = input.clientId == null ? null : localIdOf(input.clientId, 'Client');
    return runMutation(context, CreateUserPayload, async (em) => {
      const user = await createUser(em, firmId, { ...input, clientId, clientIdUnknown: input.clientId != null && clientId === null });
      await flushNewUser(em);
      return { user };
    });
  }

  @Authorized()
  @FieldResolver(() => Client, {
    nullable: true,
    description: "The client company of a CLIENT user. Shown to the firm's staff and to that user themself.",
  })
  client(@Root() user: User, @Ctx() context: Context): Promise<Client | null> | null {
    const principal = principalOf(context);
    const maySee =
      principal.kind === 'USER' && (principal.role === Role.ADMIN || principal.role === Role.RECRUITER || principal.userId === user.id);
    if (!maySee || !user.client) return null;
    return context.loaders.get(clientByIdLoader).load(user.client.id);
  }
}
