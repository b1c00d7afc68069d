import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ApiKeyScope, Role } from '../../common/access';
import { ConnectionArgs, ConnectionType, paginate, type Connection } from '../../common/connection';
import { localIdOf } from '../../common/global-id';
import { Payload, runMutation } from '../../common/payload';
import { principalOf, type Context } from '../../common/context';
import { ApiKey } from './api-key.entity';
import { createApiKey, revokeApiKey } from './api-key.service';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'What the key is for, e.g. "Greenhouse sync".' })
  name!: string;

  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];
}

@ObjectType()
export class CreateApiKeyPayload extends Payload {
  @Field(() => ApiKey, { nullable: true })
  apiKey: ApiKey | null = null;

  @Field(() => String, { nullable: true, description: 'The secret to send as Bearer token. Shown only this once.' })
  secret: string | null = null;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID)
  apiKeyId!: string;
}

@ObjectType()
export class RevokeApiKeyPayload extends Payload {
  @Field(() => ApiKey, { nullable: true })
  apiKey: ApiKey | null = null;
}

@ObjectType()
export class ApiKeyConnection extends ConnectionType('ApiKey', ApiKey) {}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => ApiKeyConnection, { description: "The firm's API keys, oldest first." })
  apiKeys(@Args() args: ConnectionArgs, @Ctx() context: Context): Promise<Connection<ApiKey>> {
    return paginate(context.em, ApiKey, {}, { list: 'apiKeys', keys: ['createdAt', 'id'], ...args });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreateApiKeyPayload)
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() context: Context): Promise<CreateApiKeyPayload> {
    const principal = principalOf(context);
    const userId = principal.kind === 'USER' ? principal.userId : null;
    return runMutation(context, CreateApiKeyPayload, (em) => createApiKey(em, principal.firmId, userId, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RevokeApiKeyPayload)
  revokeApiKey(@Arg('input') input: RevokeApiKeyInput, @Ctx() context: Context): Promise<RevokeApiKeyPayload> {
    const principal = principalOf(context);
    return runMutation(context, RevokeApiKeyPayload, (em) => revokeApiKey(em, principal.firmId, localIdOf(input.apiKeyId, 'ApiKey')));
  }
}
