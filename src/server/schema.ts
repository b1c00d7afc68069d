import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { authChecker } from './auth-checker';
import { NodeResolver } from './node.resolver';
import { features } from './features';
import { auditMutations } from '../modules/audit';
import { directFieldResolvers } from './direct-resolvers';

export async function buildAppSchema(): Promise<GraphQLSchema> {
  // type-graphql takes resolver classes as Function (see common/feature.ts).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const resolvers = [NodeResolver, ...features.flatMap((feature) => feature.resolvers)] as NonEmptyArray<Function>;
  const schema = await buildSchema({
    resolvers,
    // Every type node(id) can return is in the schema, even if no field leads to it yet.
    orphanedTypes: features.flatMap((feature) => feature.nodeSources.map((source) => source.entity)),
    authChecker,
    // Business validation lives in the services and comes back as userErrors.
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return auditMutations(directFieldResolvers(schema, resolvers, authChecker));
}

// The SDL as committed in schema/schema.graphql, sorted by name (types, fields, arguments), so
// that the file changes with the schema and never with the order in which the feature folders
// (and the field resolvers one feature adds to another's types) happen to be loaded.
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
