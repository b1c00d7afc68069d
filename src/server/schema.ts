import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLSchema } from 'graphql';
import { authChecker } from './auth-checker';
import { NodeResolver } from './node.resolver';
import { features } from './features';
import { auditMutations } from '../modules/audit';
// type-graphql emits every loaded type that implements Node: load all entities, so the schema
// does not depend on which modules happened to be imported first.
import '../config/entities';

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const resolvers = [NodeResolver, ...features.flatMap((feature) => feature.resolvers)] as NonEmptyArray<Function>;
  const schema = await buildSchema({
    resolvers,
    // Every type node(id) can return is in the schema, even if no field leads to it yet.
    orphanedTypes: features.flatMap((feature) => feature.nodeSources.map((source) => source.entity)),
    authChecker,
    // Business validation lives in the services and comes back as userErrors.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
  return auditMutations(schema);
}
