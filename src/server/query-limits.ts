import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Context } from '../common/context';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/connection';
import { INPUT_LIST_EXCEPTIONS, INPUT_LIST_LIMIT, QUERY_LIMITS, UPSERT_CANDIDATES_PER_POINT } from '../config/limits';

const UPSERT = 'upsertCandidates';

export const QueryLimitCode = {
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  INPUT_LIST_TOO_LONG: 'INPUT_LIST_TOO_LONG',
} as const;

// GraphQL Armor's validation rules and plugins: depth, aliases, directives, no field suggestions.
// Its own cost limit is off (it ignores the variables: checkOperationCost replaces it) and so is its
// token limit (under Apollo 5 it fails as a 500): graphql's parser counts tokens instead
// (parseOptions in app.ts), with the same limit, as a 400 GRAPHQL_PARSE_FAILED.
export function armorProtection() {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.aliases },
    maxDirectives: { n: QUERY_LIMITS.directives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true, mask: '' },
  }).protect();
  return { plugins, validationRules };
}

export const parseOptions = { maxTokens: QUERY_LIMITS.tokens };

// ---- The cost model ----------------------------------------------------------------------------
// A point stands for one object with an id (a Node: Mandate, Candidate, …) the server loads;
// scalars, enums and value objects (a fit, an edge, pageInfo, a rating) cost 0 of their own.
// What multiplies is the fan-out the caller chooses: a connection costs 1 (its page query) +
// `first` × the cost of one item, `first` as the operation will really run it (variables
// included; absent = the default page size; outside 1–100 the resolver refuses it before any
// query, so 100 is the most that can run), and nodes(ids:) costs the number of ids × one item.
// A plain list the caller cannot size (a candidacy's interviews, a rubric's competencies) counts
// as one item: its length is bounded by the data (panel ≤ 5, shortlist ≤ 50, rubric ≤ 30
// competencies) and the loaders read it in one batched statement per level, whatever its length.
// A mutation field costs MUTATION_COST + its payload; upsertCandidates also 1 per started
// UPSERT_CANDIDATES_PER_POINT candidates (set-based: its statements do not grow with the batch).
export const MUTATION_COST = 10;

// The upsert hands back the candidates it has just written: no further load.
const FREE_OBJECTS = new Set(['UpsertCandidateResult.candidate']);

interface CostState {
  // Items of the largest upsertCandidates batch in the operation: the size of its results list.
  upsertBatch: number;
  listError: GraphQLError | null;
}

function isNodeType(type: GraphQLNamedType): boolean {
  if (isInterfaceType(type)) return type.name === 'Node';
  return isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node');
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  return getNamedType(field.type).name.endsWith('Connection') && field.args.some((arg) => arg.name === 'first');
}

// What `first` will run as: the resolver refuses anything outside 1–MAX_PAGE_SIZE before any query.
function effectivePageSize(first: unknown): number {
  if (typeof first !== 'number') return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE_SIZE);
}

// The lists the caller sizes; every other plain list counts as one item.
function listSize(coordinate: string, args: Record<string, unknown>, state: CostState): number {
  if (coordinate === 'Query.nodes') return Array.isArray(args.ids) ? args.ids.length : 0;
  if (coordinate === 'UpsertCandidatesPayload.results') return state.upsertBatch;
  return 1;
}

function costEstimator(schema: GraphQLSchema, state: CostState) {
  const mutationType = schema.getMutationType();
  return ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const coordinate = `${type.name}.${field.name}`;
    const isRoot = type === schema.getQueryType() || type === mutationType;
    state.listError ??= checkInputLists(isRoot ? field.name : coordinate, args);

    if (type === mutationType) {
      const written = field.name === UPSERT ? Math.ceil(batchSize(args) / UPSERT_CANDIDATES_PER_POINT) : 0;
      return MUTATION_COST + written + childComplexity;
    }
    const named = getNamedType(field.type);
    const own = isNodeType(named) && !FREE_OBJECTS.has(coordinate) ? 1 : 0;
    if (isConnection(field)) return 1 + effectivePageSize(args.first) * childComplexity;
    // edges and nodes of a connection: the connection has multiplied by `first` already.
    if (type.name.endsWith('Connection')) return own + childComplexity;
    if (isListType(getNullableType(field.type))) return listSize(coordinate, args, state) * (own + childComplexity);
    return own + childComplexity;
  };
}

function batchSize(args: Record<string, unknown>): number {
  const input = args.input as { candidates?: unknown } | undefined;
  return Array.isArray(input?.candidates) ? input.candidates.length : 0;
}

// ---- Input lists ---------------------------------------------------------------------------
// Every list among a field's arguments, at any depth of its input objects, with the variables
// already coerced into them.
function checkInputLists(owner: string, args: Record<string, unknown>): GraphQLError | null {
  const walk = (value: unknown, path: string[]): GraphQLError | null => {
    if (Array.isArray(value)) {
      const key = `${owner}.${path.join('.')}`;
      const limit = INPUT_LIST_EXCEPTIONS[key] ?? INPUT_LIST_LIMIT;
      if (value.length > limit) {
        return new GraphQLError(
          `${path.join('.')} of ${owner} holds ${value.length} items; at most ${limit} are allowed. Send them in batches.`,
          { extensions: { code: QueryLimitCode.INPUT_LIST_TOO_LONG, argumentName: path[0], http: { status: 400 } } },
        );
      }
      for (const item of value) {
        const error = walk(item, path);
        if (error) return error;
      }
      return null;
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [name, inner] of Object.entries(value)) {
        const error = walk(inner, [...path, name]);
        if (error) return error;
      }
    }
    return null;
  };
  return walk(args, []);
}

// The largest upsertCandidates batch among the operation's root fields (aliases may repeat it).
function largestUpsertBatch(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const field = schema.getMutationType()?.getFields()[UPSERT];
  if (operation.operation !== 'mutation' || !field) return 0;
  let largest = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== UPSERT) continue;
    try {
      largest = Math.max(largest, batchSize(getArgumentValues(field, selection, variables)));
    } catch {
      // A wrong argument: execution reports it.
    }
  }
  return largest;
}

// Step 1 of the request pipeline: the operation's cost with its variables, and the input-list
// limits; both refuse the operation before anything touches the database. Returns the cost
// (at least 1) for the rate limiter, or INVALID_VARIABLES.
export const INVALID_VARIABLES = 'INVALID_VARIABLES';

// The cost of a query that passed, by its parsed document (Apollo keeps one per query text) and
// the values of the variables it declares: the same query with the same variables costs the same,
// so a repeated read (a client paging, polling a ranking) skips walking its selections again. One
// bounded table for the process (it is filled before authentication, so nobody may grow it at
// will): at most COST_ENTRIES keys of at most MAX_COST_KEY_LENGTH characters, the oldest out first.
// Undeclared variables do not count (graphql-js ignores them); mutations are not kept (an upsert's
// batch is not worth serialising, and a write is not repeated as reads are).
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;
const passedCosts = new Map<string, number>();
const COST_ENTRIES = 5_000;
const MAX_COST_KEY_LENGTH = 2_000;

export function checkOperationCost(requestContext: GraphQLRequestContextDidResolveOperation<Context>): number | typeof INVALID_VARIABLES {
  const { document, operation, request } = requestContext;
  if (!operation) return 1;
  const key = operation.operation === 'query' ? costKey(document, operation, request.variables) : null;
  const known = key === null ? undefined : passedCosts.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(requestContext);
  if (key !== null && cost !== INVALID_VARIABLES) {
    // Oldest first out: a Map keeps insertion order.
    if (passedCosts.size >= COST_ENTRIES) passedCosts.delete(passedCosts.keys().next().value!);
    passedCosts.set(key, cost);
  }
  return cost;
}

function costKey(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): string | null {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  // A variable left out (its default) and one sent as null may cost differently: only the sent ones.
  const declared: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables && name in variables) declared[name] = variables[name];
  }
  const key = `${id}\n${operation.name?.value ?? ''}\n${JSON.stringify(declared)}`;
  return key.length <= MAX_COST_KEY_LENGTH ? key : null;
}

function operationCost(requestContext: GraphQLRequestContextDidResolveOperation<Context>): number | typeof INVALID_VARIABLES {
  const { schema, document, operation, request } = requestContext;
  if (!operation) return 1;
  // The same coercion (and the same error limit) as graphql-js's execute, which runs it again.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
  // Variables that do not fit their types: the operation cannot run. The pipeline skips its
  // other steps and execution refuses it with graphql-js's own errors (all of them, 400
  // BAD_USER_INPUT) before any resolver: no SQL.
  if (coerced.errors) return INVALID_VARIABLES;

  const state: CostState = { upsertBatch: largestUpsertBatch(schema, operation, coerced.coerced), listError: null };
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables: request.variables ?? {},
      estimators: [costEstimator(schema, state)],
    });
  } catch {
    // Too many selections to even count (fragments spread into each other): over any limit.
    cost = Number.POSITIVE_INFINITY;
  }
  if (state.listError) throw state.listError;
  if (cost > QUERY_LIMITS.cost) {
    const shown = Number.isFinite(cost) ? cost.toLocaleString('en-US') : 'more than can be counted';
    throw new GraphQLError(
      `This operation costs ${shown} points; the limit is ${QUERY_LIMITS.cost.toLocaleString('en-US')} per operation. ` +
        'Ask for fewer items (first) or fewer nested lists, or split it into several operations.',
      { extensions: { code: QueryLimitCode.COST_LIMIT_EXCEEDED, http: { status: 400 } } },
    );
  }
  return Math.max(1, cost);
}
