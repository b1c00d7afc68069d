import { Arg, Authorized, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Context } from '../../common/context';
import { Payload, runMutation } from '../../common/payload';
import { User } from '../user';
import { login, logout } from './auth.service';

@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@ObjectType()
export class LoginPayload extends Payload {
  @Field(() => String, { nullable: true, description: 'Send as Authorization: Bearer <token>. Shown only here.' })
  token: string | null = null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null = null;

  @Field(() => User, { nullable: true })
  user: User | null = null;
}

@ObjectType()
export class LogoutPayload extends Payload {
  @Field()
  loggedOut: boolean = false;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Sign in with email and password; returns a session token.' })
  login(@Arg('input') input: LoginInput, @Ctx() context: Context): Promise<LoginPayload> {
    // The audit log records the user who signed in as the actor.
    return runMutation(context, LoginPayload, (em) => login(em, input.email, input.password), {
      actingUser: ({ user }) => ({ firmId: user.firm.id, userId: user.id }),
    });
  }

  @Authorized()
  @Mutation(() => LogoutPayload, { description: 'Ends the session of the token this request was sent with.' })
  logout(@Ctx() context: Context): Promise<LogoutPayload> {
    return runMutation(context, LogoutPayload, async (em) => {
      if (context.token) await logout(em, context.token);
      return { loggedOut: context.principal?.kind === 'USER' };
    });
  }
}
