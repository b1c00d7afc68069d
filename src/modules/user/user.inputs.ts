import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../common/access';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { User } from './user.entity';

export const USER_SEARCH_MAX_LENGTH = 200;

@InputType()
export class UserFilter {
  @Field(() => [Role], {
    nullable: true,
    description: "Only users with these roles (at least one); default: the firm's staff, ADMIN and RECRUITER.",
  })
  roles?: Role[] | null;

  @Field(() => String, {
    nullable: true,
    description: `Part of the name or email, ignoring case; at most ${USER_SEARCH_MAX_LENGTH} characters.`,
  })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: active users only; false: deactivated ones only; absent: both.' })
  active?: boolean | null;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilter, { nullable: true })
  filter?: UserFilter | null;
}

@ObjectType()
export class UserConnection extends ConnectionType('User', User) {}
