import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role, STAFF } from '../../common/access';
import type { Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { Payload, runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { Client, clientByIdLoader } from '../client';
import { User } from './user.entity';
import { createUser, deactivateUser, flushNewUser, listUsers, reactivateUser, updateUser } from './user.service';
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

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, { nullable: true, description: 'At most 200 characters; absent: unchanged.' })
  name?: string | null;

  @Field(() => Role, { nullable: true, description: 'ADMIN or RECRUITER (client users are managed with their client); absent: unchanged.' })
  role?: Role | null;

  @Field(() => Int, { nullable: true, description: "The user's version you read; a different one is CONFLICT." })
  expectedVersion?: number | null;
}

@InputType()
export class UserIdInput {
  @Field(() => ID)
  userId!: string;
}

@ObjectType()
export class UserPayload extends Payload {
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

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: "Changes a colleague's name or role; the firm keeps at least one active admin." })
  updateUser(@Arg('input') input: UpdateUserInput, @Ctx() context: Context): Promise<UserPayload> {
    const { firmId } = principalOf(context);
    const userId = localIdOf(input.userId, 'User');
    return runMutation(context, UserPayload, async (em) => ({ user: await updateUser(em, firmId, { ...input, userId }) }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, {
    description:
      "Deactivates a colleague: their sessions end at once and they cannot sign in; their submitted work stays. Not yourself, nor the firm's last active admin.",
  })
  deactivateUser(@Arg('input') input: UserIdInput, @Ctx() context: Context): Promise<UserPayload> {
    const principal = principalOf(context);
    // @Authorized(ADMIN) lets only users through; this narrows the type.
    if (principal.kind !== 'USER') throw new Error('deactivateUser needs a user.');
    const userId = localIdOf(input.userId, 'User');
    return runMutation(context, UserPayload, async (em) => ({
      user: await deactivateUser(em, principal.firmId, principal.userId, userId),
    }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => UserPayload, { description: 'Lets a deactivated colleague sign in again.' })
  reactivateUser(@Arg('input') input: UserIdInput, @Ctx() context: Context): Promise<UserPayload> {
    const { firmId } = principalOf(context);
    const userId = localIdOf(input.userId, 'User');
    return runMutation(context, UserPayload, async (em) => ({ user: await reactivateUser(em, firmId, userId) }));
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
