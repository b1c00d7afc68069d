import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, isObjectType, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Context } from '../common/context';
import { selectionOf } from '../common/selection';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
const SEEN = Symbol('seen once');

// Queries run as code compiled once per document (graphql-jit) instead of graphql-js walking the
// document for every field of every object: graphql-js builds an info object, an arguments object
// and a path per field and a promise per object with a pending field, which on a page of a
// thousand objects was most of what a read allocated. Same schema, same resolvers, same answers.
// Apollo Server hands its executor over only through the gateway interface, so the schema is
// served as a "gateway" that never changes. Apollo's document store keeps one parsed document per
// query text, so a compiled query lives as long as its document (WeakMap) and is never rebuilt.
//
// Left to graphql-js, as before: mutations (run in order, and a keyed one listens to every field
// it resolves: idempotency), any operation whose variables do not coerce (run again there for
// graphql-js's own errors, word for word: nothing ran), and anything graphql-jit declines to compile.
export function compiledQueriesGateway(schema: GraphQLSchema): Gateway {
  // An operation is compiled on its second run: one sent once (a client varying aliases on every
  // request) costs graphql-js's walk as before, never a compilation (`SEEN` marks the first run).
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | null | typeof SEEN>>();
  const withOwnResolvers = ownResolvers(schema);
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) {
      byName = new Map();
      compiled.set(document, byName);
    }
    const known = byName.get(operationName);
    if (known === undefined) {
      byName.set(operationName, SEEN);
      return null;
    }
    if (known !== SEEN) return known;
    const query = withOwnResolvers(() => compileQuery(schema, document, operationName ?? undefined));
    const usable = isCompiledQuery(query) ? query : null;
    byName.set(operationName, usable);
    return usable;
  };

  const executor: Executor = async (requestContext) => {
    const { document, operation, operationName, request, context } = requestContext;
    const variables = request.variables ?? {};
    // What the loaders may leave out (rowsByKey's optional columns): only for a query, which reads
    // only what its document asks for. Batched requests, which share a context and its loaders, are refused (app.ts).
    if (operation?.operation === 'query') context.selected = selectionOf(schema, document);
    const onGraphqlJs = () =>
      execute({ schema, document, contextValue: context, variableValues: variables, operationName: request.operationName });
    // No operation: a document of several without the name of one, or a name it lacks — graphql-js's error.
    const query = operation?.operation === 'query' ? compiledFor(document, operationName) : null;
    if (!query) return onGraphqlJs();
    const result = await query.query(undefined, context, variables);
    // No `data`: the variables did not coerce and nothing ran; graphql-js says why, in its own words.
    if (!('data' in result)) return onGraphqlJs();
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor }),
    stop: () => Promise.resolve(),
  };
}

// Apollo Server wraps every field of the schema in its plugins' resolver hook the first time a
// request listens to fields (a keyed mutation notes its answer's subjects), for good: a query
// compiled after that would call the wrapper, and a resolver, for every field of every object,
// the plain ones included (see direct-resolvers.ts). Queries listen to no field, so they are
// compiled with the resolvers the schema was built with (mutations run on graphql-js, wrapped).
// Compilation is synchronous: the wrappers are back before anything else runs.
type FieldResolver = GraphQLFieldResolver<unknown, unknown> | undefined;

function ownResolvers(schema: GraphQLSchema): <T>(compile: () => T) => T {
  const own: { field: { resolve?: FieldResolver }; resolve: FieldResolver }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) own.push({ field, resolve: field.resolve });
  }
  return (compile) => {
    const current = own.map(({ field }) => field.resolve);
    if (own.every(({ resolve }, i) => resolve === current[i])) return compile();
    for (const { field, resolve } of own) field.resolve = resolve;
    try {
      return compile();
    } finally {
      own.forEach(({ field }, i) => (field.resolve = current[i]));
    }
  };
}

// graphql-jit's errors are read-only look-alikes of GraphQLError; the plugins after execution
// (GraphQL Armor's masking) rewrite an error's message, so each becomes graphql-js's own.
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
  return Object.assign(copy, { locations: error.locations });
}
