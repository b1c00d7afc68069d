import { buildSchema } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './auth-checker';
import { NodeResolver } from './node.resolver';
import { ViewerResolver } from '../modules/viewer/viewer.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { ApiKeyResolver } from '../modules/api-key/api-key.resolver';
import { Firm } from '../modules/firm/firm.entity';
import { User } from '../modules/user/user.entity';
import { ApiKey } from '../modules/api-key/api-key.entity';

export const resolvers = [NodeResolver, ViewerResolver, AuthResolver, ApiKeyResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    orphanedTypes: [Firm, User, ApiKey],
    authChecker,
    // Business validation lives in the services and comes back as userErrors.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
}
