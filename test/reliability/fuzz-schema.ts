import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationTypeNode,
} from 'graphql';
import { toGlobalId } from '../../src/common/global-id';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/mandate-fixtures';

// Schema-driven generation of GraphQL operations for the fuzz test: every value and selection is
// derived from the built schema, so a new mutation, input field or object field is fuzzed without
// touching this file. Values are drawn through fast-check's `gen()`, so a seed replays a run.

export type Draw = fc.GeneratorValue;

// Global ids of existing objects, by GraphQL type name.
export type IdPool = Record<string, string[]>;

// Set per operation: a few operations break the types on purpose (null for a non-null field, an
// unknown enum value) to exercise variable coercion; the others are well-typed, so they reach the
// resolvers and the services.
let breakTypes = false;
// Set while the other arguments of a date-edge case are made: only what is required, each value
// valid-looking (own ids of the right type, small page sizes), so the date reaches the resolvers
// and the SQL rather than being refused beside it.
let plausible = false;

export interface Pools {
  // The caller's own firm: ids that can make a mutation go deep.
  own: IdPool;
  // The other firm: must never be found, read or changed.
  other: IdPool;
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  // A short label for the counts: the root field.
  root: string;
  // Protocol cases: the HTTP request exactly as sent, when it is not a JSON POST of { query, variables }.
  http?: HttpRequest;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  // Null: no Content-Type header.
  contentType: string | null;
  body?: string;
  // For GET: the URL's query string.
  search?: string;
  headers?: Record<string, string>;
}

const pick = <T>(draw: Draw, arbitrary: fc.Arbitrary<T>): T => draw(() => arbitrary);
// Unbiased: fast-check's integers lean towards small values, which would skew every frequency.
const roll = (draw: Draw, max: number): number => pick(draw, fc.noBias(fc.integer({ min: 0, max })));
const chance = (draw: Draw, probability: number): boolean => roll(draw, 999) < probability * 1000;
const oneOf = <T>(draw: Draw, values: readonly T[]): T => values[roll(draw, values.length - 1)];

// The depth limit the API enforces is 8; staying within it keeps most operations executable.
export const MAX_QUERY_DEPTH = 7;
// Long lists stay within the 250-item input limit.
const LONG_LIST = 250;

const HOSTILE_STRINGS = [
  '',
  ' ',
  '   \t\n ',
  'a',
  '0',
  'null',
  'undefined',
  "'; drop table candidate; --",
  '%',
  '_%_',
  '\\',
  '"quoted"',
  '<script>alert(1)</script>',
  'Ærlig Østlandsk Åsmund',
  'مرحبا بالعالم',
  '漢字かなカナ',
  '👩‍💼🏳️‍🌈🇳🇴',
  '\u202Eright-to-left override',
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 surrogate',
  'zero\u200Bwidth',
  '{"json": true}',
  '2026-02-30',
  'NaN',
  '-1',
  '1e309',
];

// Values that look right for a field of this name, so that validation passes and deeper code runs.
function plausibleString(draw: Draw, field: string): string | null {
  // The first of each list is valid: the one a plausible case takes.
  const choose = (values: string[]) => (plausible ? values[0] : oneOf(draw, values));
  const name = field.toLowerCase();
  if (name.includes('email')) return choose(['ingrid@example.com', 'not-an-email', 'a@b', `${'x'.repeat(300)}@example.com`]);
  if (name.includes('url')) {
    return choose([
      'https://ats.example/hooks/1',
      'https://www.linkedin.com/in/ingrid',
      'http://127.0.0.1:9/hook',
      'http://[::1]/x',
      'http://169.254.169.254/latest/meta-data',
      'javascript:alert(1)',
      'ftp://example.com',
      'https://',
    ]);
  }
  if (name === 'country') return choose(['NO', 'SE', 'no', 'XX', 'NOR']);
  if (name.includes('competencykey') || name === 'key') return choose([...DEFAULT_COMPETENCY_KEYS, 'NOPE', 'outside_in', 'NEW_KEY']);
  if (name.includes('language') || name === 'locale') return choose(['nb', 'en', 'sv', 'xx', 'EN', 'en-GB']);
  if (name.includes('password')) return choose(['correct horse battery staple', 'short', 'x'.repeat(200)]);
  if (name.includes('retainuntil') || name.includes('date') || name.includes('since')) {
    return choose(['2030-12-31', '2026-02-30', '1900-01-01', '9999-12-31', '2030-12-31T00:00:00Z', 'yesterday']);
  }
  if (name.includes('token') || name.includes('cursor') || name === 'after' || name === 'before') {
    return choose(['', 'YWJj', 'not base64 !', Buffer.from('{"k":["2026-01-01",1]}').toString('base64url'), 'x'.repeat(500)]);
  }
  if (name.includes('event')) return choose(['shortlist.published', 'scorecard.submitted', 'candidate.updated', 'nope.nope', '*']);
  if (name.includes('system')) return choose(['greenhouse', 'lever', 'GREENHOUSE', '']);
  if (name.includes('phone')) return choose(['+47 912 00 100', '12', '+'.repeat(50)]);
  return null;
}

function stringValue(draw: Draw, field: string): string {
  const likely = plausibleString(draw, field);
  if (plausible) return likely ?? 'Fuzz';
  const kind = roll(draw, 99);
  if (likely !== null && kind < 45) return likely;
  if (kind < 65) return pick(draw, fc.string({ minLength: 1, maxLength: 40 }));
  if (kind < 85) return oneOf(draw, HOSTILE_STRINGS);
  if (kind < 93) return pick(draw, fc.string({ unit: 'binary', maxLength: 80 }));
  if (kind < 98) return 'x'.repeat(oneOf(draw, [61, 101, 201, 255, 256, 1001, 2001, 5001]));
  // Huge text, within the request body limit.
  return oneOf(draw, ['ø', 'a', '👩‍💼']).repeat(oneOf(draw, [10_001, 20_000]));
}

function intValue(draw: Draw, field: string): number {
  if (plausible) return pick(draw, fc.integer({ min: 1, max: 5 }));
  if (field === 'first' || field === 'last') {
    return oneOf(draw, [1, 2, 3, 5, 10, 1, 2, 3, 0, -1, 100, 101, 2_147_483_647]);
  }
  return pick(
    draw,
    fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }) },
      { weight: 2, arbitrary: fc.integer({ min: -1_000, max: 1_000 }) },
      { weight: 1, arbitrary: fc.constantFrom(-2_147_483_648, 2_147_483_647, -1, 32_767, 32_768, 65_536) },
      { weight: 1, arbitrary: fc.integer() },
    ),
  );
}

// Values at and beyond the edges of a date-time: the first and last instants the API accepts,
// the first ones outside (year 0000 and 10000, also reached through a time-zone offset), far
// beyond, impossible and half-written ones, and other JSON types. PostgreSQL has no year 0000 and
// stores none after 294276: each of these must be refused before the SQL, or stored as it is.
export const DATE_TIME_EDGES: readonly unknown[] = [
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59Z',
  // Year 0001 as written, year 0000 in UTC; year 9999 as written, 10000 in UTC.
  '0001-01-01T00:30:00+01:00',
  '9999-12-31T23:30:00-01:00',
  '10000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2026-02-29T12:00:00Z',
  '2026-13-45T99:00:00Z',
  '2026-06-01T24:00:00Z',
  '2026-06-01T12:00:00',
  '2026-06-01',
  'not a date',
  '',
  0,
  // Years 0000 and 10000 as milliseconds since 1970.
  -62_198_755_200_000,
  253_402_300_800_000,
  true,
];

// The same for a date without a time (a scalar named like Date but not DateTime).
export const DATE_EDGES: readonly unknown[] = [
  '0001-01-01',
  '9999-12-31',
  '0000-01-01',
  '0000-12-31',
  '10000-01-01',
  '+010000-01-01',
  '-000001-01-01',
  '2026-02-29',
  '2026-13-01',
  '2026-06-01T12:00:00Z',
  'not a date',
  '',
  0,
  253_402_300_800_000,
];

// Every scalar whose name speaks of a date or a time is fuzzed at its edges.
export function isDateOrTimeScalar(name: string): boolean {
  return /date|time/i.test(name);
}

export function edgeValues(scalar: string): readonly unknown[] {
  if (/time/i.test(scalar)) return DATE_TIME_EDGES;
  return DATE_EDGES;
}

function dateTimeValue(draw: Draw, scalar = 'DateTime'): unknown {
  if (plausible) return /time/i.test(scalar) ? '2026-06-01T12:00:00.000Z' : '2026-06-01';
  const date = () => pick(draw, fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })).toISOString();
  if (chance(draw, 0.6)) return /time/i.test(scalar) ? date() : date().slice(0, 10);
  if (chance(draw, 0.2)) return '2026-11-22T09:30:00+01:00';
  return oneOf(draw, edgeValues(scalar));
}

// The GraphQL types an id argument of this name probably names (mandateId → Mandate).
const ID_ALIASES: Record<string, string[]> = {
  leadrecruiter: ['User'],
  interviewer: ['User'],
  author: ['User'],
  user: ['User'],
  entry: ['ShortlistEntry', 'PresentedShortlistEntry'],
  subscription: ['WebhookSubscription'],
  delivery: ['WebhookDelivery'],
};

function typesForIdField(field: string, pools: Pools): string[] {
  const stem = field.replace(/Ids?$/, '').toLowerCase();
  if (ID_ALIASES[stem]) return ID_ALIASES[stem];
  return Object.keys(pools.own).filter((type) => type.toLowerCase().endsWith(stem) && stem.length > 0);
}

const MALFORMED_IDS = [
  '',
  ' ',
  'x',
  '1',
  'null',
  toGlobalId('Mandate', 'not-a-uuid'),
  toGlobalId('Nope', '00000000-0000-4000-8000-000000000000'),
  toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000'),
  Buffer.from('Mandate:00000000-0000-4000-8000-000000000000').toString('base64'),
  'TWFuZGF0ZTo=',
  '====',
  'x'.repeat(201),
  '漢字',
];

function idValue(draw: Draw, field: string, pools: Pools): string {
  const types = typesForIdField(field, pools);
  const ofType = (pool: IdPool) => types.flatMap((type) => pool[type] ?? []);
  const all = (pool: IdPool) => Object.values(pool).flat();
  const raw = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1] ?? globalId;
  const own = ofType(pools.own);
  const other = ofType(pools.other);
  if (plausible) return oneOf(draw, own.length ? own : all(pools.own));
  const kind = roll(draw, 99);
  if (kind < 45 && own.length) return oneOf(draw, own);
  if (kind < 65 && other.length) return oneOf(draw, other);
  if (kind < 72) return oneOf(draw, all(pools.own));
  if (kind < 79) return oneOf(draw, all(pools.other));
  if (kind < 84) return raw(oneOf(draw, all(pools.other)));
  if (kind < 88) return raw(oneOf(draw, all(pools.own)));
  if (kind < 91) return pick(draw, fc.uuid());
  return oneOf(draw, MALFORMED_IDS);
}

// A JSON value for a variable of this input type; undefined means "left out".
export function inputValue(draw: Draw, type: GraphQLInputType, field: string, pools: Pools, depth = 0): unknown {
  if (isNonNullType(type)) {
    // Now and then a null where none is allowed: a validation error, never an internal one.
    if (breakTypes && chance(draw, 0.1)) return null;
    return presentValue(draw, type.ofType, field, pools, depth);
  }
  if (plausible) return undefined;
  const absent = roll(draw, 99);
  if (absent < 12) return undefined;
  if (absent < 22) return null;
  return presentValue(draw, type, field, pools, depth);
}

function presentValue(draw: Draw, type: GraphQLInputType, field: string, pools: Pools, depth: number): unknown {
  if (isNonNullType(type)) return presentValue(draw, type.ofType, field, pools, depth);
  if (isListType(type)) {
    if (plausible) return [presentValue(draw, type.ofType as GraphQLInputType, field, pools, depth + 1)];
    const size = roll(draw, 99);
    const length =
      size < 80
        ? pick(draw, fc.integer({ min: 0, max: 3 }))
        : size < 96 || depth > 1
          ? pick(draw, fc.integer({ min: 4, max: 20 }))
          : pick(draw, fc.integer({ min: 21, max: LONG_LIST }));
    // A long list repeats a few generated items: the size is the point, not the variety.
    const distinct = Array.from({ length: Math.min(length, 5) }, () =>
      presentValue(draw, type.ofType as GraphQLInputType, field, pools, depth + 1),
    );
    return Array.from({ length }, (_, index) => distinct[index % Math.max(distinct.length, 1)]);
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const [name, inputField] of Object.entries(type.getFields())) {
      const fieldValue = inputValue(draw, inputField.type, name, pools, depth + 1);
      if (fieldValue !== undefined) value[name] = fieldValue;
    }
    return value;
  }
  if (isEnumType(type)) {
    return breakTypes && chance(draw, 0.1)
      ? 'NOT_A_VALUE'
      : oneOf(
          draw,
          type.getValues().map((value) => value.name),
        );
  }
  switch (type.name) {
    case 'ID':
      return idValue(draw, field, pools);
    case 'String':
      return stringValue(draw, field);
    case 'Int':
      return intValue(draw, field);
    case 'Float':
      if (plausible) return 1;
      return pick(draw, fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 1e308, -1)));
    case 'Boolean':
      return pick(draw, fc.boolean());
    default:
      if (isDateOrTimeScalar(type.name)) return dateTimeValue(draw, type.name);
      // An unknown custom scalar: a string is the most likely shape.
      return stringValue(draw, field);
  }
}

// Collects the variables of one operation: each argument becomes $vN of the argument's type.
class Variables {
  readonly definitions: string[] = [];
  readonly values: Record<string, unknown> = {};

  add(argument: GraphQLArgument, value: unknown): string {
    const name = `v${this.definitions.length}`;
    this.definitions.push(`$${name}: ${String(argument.type)}`);
    if (value !== undefined) this.values[name] = value;
    return `$${name}`;
  }
}

function argumentsOf(draw: Draw, field: GraphQLField<unknown, unknown>, pools: Pools, variables: Variables, always = false): string {
  const given: string[] = [];
  for (const argument of field.args) {
    const required = isNonNullType(argument.type) && argument.defaultValue === undefined;
    // Connections nearly always get a small page size, so that nested lists stay within the
    // cost limit and most operations run rather than being refused.
    const wanted = argument.name === 'first' ? chance(draw, 0.95) : chance(draw, 0.5);
    if (!required && !always && !wanted) continue;
    const value = inputValue(draw, argument.type, argument.name, pools);
    given.push(`${argument.name}: ${variables.add(argument, value)}`);
  }
  return given.length ? `(${given.join(', ')})` : '';
}

// A random selection of the fields of a type, `depth` levels deep at most (leaves always end it).
function selectionOf(draw: Draw, type: GraphQLOutputType, depth: number, pools: Pools, variables: Variables): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const implementations = isUnionType(named) ? [...named.getTypes()] : [...currentSchema!.getPossibleTypes(named)];
    const chosen = pick(draw, fc.subarray(implementations, { minLength: 0, maxLength: 3 }));
    const common = isInterfaceType(named) ? fieldSelections(draw, named.getFields(), depth, pools, variables, 2) : [];
    const fragments = chosen.map((implementation) => {
      const inner = selectionOf(draw, implementation, depth, pools, variables);
      return inner ? `... on ${implementation.name} ${inner}` : '';
    });
    return `{ __typename ${[...common, ...fragments].join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  return `{ ${fieldSelections(draw, named.getFields(), depth, pools, variables, 4).join(' ') || '__typename'} }`;
}

function fieldSelections(
  draw: Draw,
  fields: Record<string, GraphQLField<unknown, unknown>>,
  depth: number,
  pools: Pools,
  variables: Variables,
  most: number,
): string[] {
  const usable = Object.values(fields).filter((field) => depth > 1 || isLeafType(getNamedType(field.type)));
  if (usable.length === 0) return [];
  const chosen = pick(draw, fc.subarray(usable, { minLength: 1, maxLength: Math.min(most, usable.length) }));
  return chosen.map((field) => {
    const args = argumentsOf(draw, field, pools, variables);
    const inner = isLeafType(getNamedType(field.type)) ? '' : selectionOf(draw, field.type, depth - 1, pools, variables);
    return `${field.name}${args} ${inner}`.trim();
  });
}

// ---- Dates and times at the edges of every input that takes one ----

// A place where a date or time enters the API: an argument of a field (of the root types or of any
// object type), and the input fields inside it that lead to the date ([] when the argument is one).
export interface DateInput {
  type: string;
  field: string;
  argument: string;
  path: string[];
  scalar: string;
  label: string;
}

// Every date and time input of the schema, through every nesting of input objects (and lists of
// them): a new filter, input field or argument of a date type is fuzzed without touching this file.
export function dateInputs(schema: GraphQLSchema): DateInput[] {
  const found: DateInput[] = [];
  const walk = (at: Omit<DateInput, 'path' | 'scalar' | 'label'>, type: GraphQLInputType, path: string[], seen: Set<string>) => {
    const named = getNamedType(type);
    if (isScalarType(named)) {
      if (!isDateOrTimeScalar(named.name)) return;
      const label = `${at.type}.${at.field}(${[at.argument, ...path].join('.')}: ${named.name})`;
      found.push({ ...at, path, scalar: named.name, label });
    } else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const [name, field] of Object.entries(named.getFields())) walk(at, field.type, [...path, name], new Set([...seen, named.name]));
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      for (const argument of field.args)
        walk({ type: type.name, field: field.name, argument: argument.name }, argument.type, [], new Set());
    }
  }
  return found.sort((a, b) => a.label.localeCompare(b.label));
}

// One step from the query root towards a type: a field, and the fragment when it returns an
// interface or a union.
interface RouteStep {
  field: GraphQLField<unknown, unknown>;
  on: string | null;
}

// The shortest chain of fields from the query root to an object type (breadth first), or null.
function routeTo(schema: GraphQLSchema, typeName: string): RouteStep[] | null {
  const root = schema.getQueryType()!;
  const routes = new Map<string, RouteStep[]>([[root.name, []]]);
  const queue: GraphQLObjectType[] = [root];
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (type.name === typeName) return routes.get(type.name)!;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const targets: [GraphQLObjectType, string | null][] = isObjectType(named)
        ? [[named, null]]
        : isInterfaceType(named) || isUnionType(named)
          ? schema.getPossibleTypes(named).map((possible) => [possible, possible.name] as [GraphQLObjectType, string])
          : [];
      for (const [target, on] of targets) {
        if (routes.has(target.name)) continue;
        routes.set(target.name, [...routes.get(type.name)!, { field, on }]);
        queue.push(target);
      }
    }
  }
  return null;
}

// An argument's value with `value` placed at `path` (inside a one-item list where the type is a
// list); every other input field is generated as usual.
function valueAt(draw: Draw, type: GraphQLInputType, path: string[], value: unknown, pools: Pools, depth: number): unknown {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return [valueAt(draw, nullable.ofType as GraphQLInputType, path, value, pools, depth + 1)];
  if (path.length === 0 || !isInputObjectType(nullable)) return value;
  const object: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(nullable.getFields())) {
    const fieldValue =
      name === path[0]
        ? valueAt(draw, field.type, path.slice(1), value, pools, depth + 1)
        : inputValue(draw, field.type, name, pools, depth + 1);
    if (fieldValue !== undefined) object[name] = fieldValue;
  }
  return object;
}

// A value written into the query text as a GraphQL literal of its type (enum values bare).
function literalOf(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    return Array.isArray(value) ? `[${value.map((each) => literalOf(each, item)).join(', ')}]` : literalOf(value, item);
  }
  if (isInputObjectType(nullable) && typeof value === 'object' && !Array.isArray(value)) {
    const fields = nullable.getFields();
    return `{ ${Object.entries(value)
      .map(([name, each]) => `${name}: ${fields[name] ? literalOf(each, fields[name].type) : scalarLiteral(each)}`)
      .join(', ')} }`;
  }
  if (isEnumType(nullable) && typeof value === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  return scalarLiteral(value);
}

function scalarLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(scalarLiteral).join(', ')}]`;
  return `{ ${Object.entries(value as object)
    .map(([name, each]) => `${name}: ${scalarLiteral(each)}`)
    .join(', ')} }`;
}

// ---- Operation types and the protocol around them ----

export const OPERATION_TYPES = ['query', 'mutation', 'subscription'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

// What a protocol case changes in the request, each in turn (round robin).
export const PROTOCOL_VARIANTS = [
  'persisted query with a wrong hash',
  'persisted query with an unknown hash and no query',
  'persisted query with its right hash',
  'persisted query by a registered hash only',
  'persisted query of an odd shape',
  'extensions of an odd shape',
  'operationName',
  'variables of an odd shape',
  'query of an odd shape',
  'directives',
  'batch',
  'method and content type',
  'malformed body',
] as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// The schema being fuzzed (one per test file).
let currentSchema: GraphQLSchema | null = null;

export class OperationGenerator {
  readonly mutations: GraphQLField<unknown, unknown>[];
  readonly queries: GraphQLField<unknown, unknown>[];

  constructor(readonly schema: GraphQLSchema) {
    currentSchema = schema;
    this.mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    this.queries = Object.values(schema.getQueryType()!.getFields());
  }

  // One call of the given mutation with generated arguments and a random payload selection that
  // always asks for the userErrors.
  mutation(draw: Draw, mutation: GraphQLField<unknown, unknown>, pools: Pools): GeneratedOperation {
    breakTypes = chance(draw, 0.05);
    const variables = new Variables();
    const args = argumentsOf(draw, mutation, pools, variables, true);
    const payload = getNamedType(mutation.type);
    let selection = selectionOf(draw, mutation.type, pick(draw, fc.integer({ min: 1, max: 4 })), pools, variables);
    if (isObjectType(payload) && payload.getFields().userErrors && !/\buserErrors\b/.test(selection)) {
      selection = selection ? selection.replace(/}$/, ' userErrors { field message code } }') : '{ userErrors { field message code } }';
    }
    const definitions = variables.definitions.length ? `(${variables.definitions.join(', ')})` : '';
    return {
      query: `mutation Fuzz${definitions} { ${mutation.name}${args} ${selection} }`,
      variables: variables.values,
      root: mutation.name,
    };
  }

  // Every date and time input of the schema (see dateInputs).
  get dateInputs(): DateInput[] {
    return dateInputs(this.schema);
  }

  // An operation that sends `value` at one date input, as a variable or written into the query
  // text. With `plausibleRest` the other arguments are only the required ones, valid-looking, so
  // the value goes as deep as it can (to the SQL); without, they are generated as everywhere else.
  dateEdge(
    draw: Draw,
    input: DateInput,
    value: unknown,
    form: 'variable' | 'literal',
    pools: Pools,
    plausibleRest: boolean,
  ): GeneratedOperation {
    breakTypes = false;
    plausible = plausibleRest;
    try {
      const variables = new Variables();
      const argumentsFor = (field: GraphQLField<unknown, unknown>, forced: boolean) => {
        const given: string[] = [];
        for (const argument of field.args) {
          if (forced && argument.name === input.argument) {
            const placed = valueAt(draw, argument.type, input.path, value, pools, 0);
            given.push(`${argument.name}: ${form === 'variable' ? variables.add(argument, placed) : literalOf(placed, argument.type)}`);
          } else if ((isNonNullType(argument.type) && argument.defaultValue === undefined) || argument.name === 'first') {
            given.push(`${argument.name}: ${variables.add(argument, inputValue(draw, argument.type, argument.name, pools))}`);
          }
        }
        return given.length ? `(${given.join(', ')})` : '';
      };
      const roots: Record<string, OperationType> = {};
      for (const kind of OPERATION_TYPES) {
        const root = this.schema.getRootType(kind as OperationTypeNode);
        if (root) roots[root.name] = kind;
      }
      const operationType = roots[input.type] ?? 'query';
      const route = roots[input.type] ? [] : routeTo(this.schema, input.type);
      if (!route) throw new Error(`No field leads from the query root to ${input.type}.`);
      const owner = this.schema.getType(input.type) as GraphQLObjectType;
      const field = owner.getFields()[input.field];
      const leaf = isLeafType(getNamedType(field.type));
      let text = `${field.name}${argumentsFor(field, true)} ${leaf ? '' : selectionOf(draw, field.type, 1, pools, variables)}`.trim();
      for (const step of [...route].reverse()) {
        const inner = step.on ? `__typename ... on ${step.on} { ${text} }` : text;
        text = `${step.field.name}${argumentsFor(step.field, false)} { ${inner} }`;
      }
      const definitions = variables.definitions.length ? `(${variables.definitions.join(', ')})` : '';
      return { query: `${operationType} Fuzz${definitions} { ${text} }`, variables: variables.values, root: input.label };
    } finally {
      plausible = false;
    }
  }

  // An operation of the given type: a query or a mutation as in the other cases, a subscription
  // of the subscription root's fields (of the query root's when the schema has none). Named,
  // anonymous, or in the shorthand form when it has no variables.
  operationOfType(draw: Draw, kind: OperationType, pools: Pools): GeneratedOperation {
    const subscriptions = Object.values(this.schema.getSubscriptionType()?.getFields() ?? {});
    const base =
      kind === 'mutation' && this.mutations.length
        ? this.mutation(draw, oneOf(draw, this.mutations), pools)
        : kind === 'subscription' && subscriptions.length
          ? this.rootOperation(draw, 'subscription', subscriptions, pools)
          : this.query(draw, pools);
    const body = base.query.replace(/^(query|mutation|subscription) Fuzz/, '');
    const form = roll(draw, 2);
    const query =
      form === 0
        ? `${kind} Fuzz${body}`
        : form === 1 || kind !== 'query' || body.trimStart().startsWith('(')
          ? `${kind}${body}`
          : body.trim();
    return { query, variables: base.variables, root: `${kind}: ${base.root}` };
  }

  private rootOperation(draw: Draw, kind: OperationType, fields: GraphQLField<unknown, unknown>[], pools: Pools): GeneratedOperation {
    const variables = new Variables();
    const root = oneOf(draw, fields);
    const args = argumentsOf(draw, root, pools, variables);
    const definitions = variables.definitions.length ? `(${variables.definitions.join(', ')})` : '';
    return {
      query: `${kind} Fuzz${definitions} { ${root.name}${args} ${selectionOf(draw, root.type, 3, pools, variables)} }`,
      variables: variables.values,
      root: root.name,
    };
  }

  // Hashes of queries a persisted-query case registered (sent with their query and right hash),
  // for the cases that then send the hash alone.
  private readonly registered: { hash: string; query: string; variables: Record<string, unknown> }[] = [];

  // A request that bends the protocol around an operation: persisted-query extensions, odd
  // shapes of every member of the body, directives, batches, methods, content types and bodies
  // that are not JSON. Each must get a defined answer, never an internal error.
  protocol(draw: Draw, variant: (typeof PROTOCOL_VARIANTS)[number], pools: Pools): GeneratedOperation {
    const base = chance(draw, 0.5) ? this.query(draw, pools) : this.mutation(draw, oneOf(draw, this.mutations), pools);
    const { query, variables } = base;
    const root = `${variant}: ${base.root}`;
    const hex = () => pick(draw, fc.stringMatching(/^[0-9a-f]{64}$/));
    const json = (body: unknown): GeneratedOperation => ({
      query,
      variables,
      root,
      http: { method: 'POST', contentType: 'application/json', body: JSON.stringify(body) },
    });
    const persisted = (persistedQuery: unknown) => ({ extensions: { persistedQuery } });
    switch (variant) {
      case 'persisted query with a wrong hash':
        return json({
          query,
          variables,
          ...persisted({ version: 1, sha256Hash: oneOf(draw, ['abc', '', hex(), sha256(`${query} `), sha256(query).toUpperCase()]) }),
        });
      case 'persisted query with an unknown hash and no query':
        return json({ variables, ...persisted({ version: 1, sha256Hash: hex() }) });
      case 'persisted query with its right hash':
        this.registered.push({ hash: sha256(query), query, variables });
        return json({ query, variables, ...persisted({ version: 1, sha256Hash: sha256(query) }) });
      case 'persisted query by a registered hash only': {
        // The query it stands for is the one that runs (the counts and the logout check read it).
        const known = this.registered.length ? oneOf(draw, this.registered) : { hash: hex(), query: '', variables };
        const body = JSON.stringify({ variables: known.variables, ...persisted({ version: 1, sha256Hash: known.hash }) });
        return { query: known.query, variables: known.variables, root, http: { method: 'POST', contentType: 'application/json', body } };
      }
      case 'persisted query of an odd shape': {
        const hash = sha256(query);
        const shapes: unknown[] = [
          null,
          'x',
          1,
          [],
          {},
          { version: 2, sha256Hash: hash },
          { version: '1', sha256Hash: hash },
          { sha256Hash: hash },
          { version: 1 },
          { version: 1, sha256Hash: 123 },
          { version: 1, sha256Hash: hash, extra: true },
        ];
        return json({ query: chance(draw, 0.7) ? query : undefined, variables, ...persisted(oneOf(draw, shapes)) });
      }
      case 'extensions of an odd shape':
        return json({
          query,
          variables,
          extensions: oneOf(draw, [null, 'x', 1, [], {}, { unknown: true }, { persistedQuery: null, other: 1 }]),
        });
      case 'operationName': {
        const document = chance(draw, 0.5) ? `${query} query Other { __typename }` : query;
        return json({ query: document, variables, operationName: oneOf(draw, [undefined, 'Fuzz', 'Other', 'Missing', '', 1, null, {}]) });
      }
      case 'variables of an odd shape':
        return json({ query, variables: oneOf(draw, [JSON.stringify(variables), [], 1, 'x', null, true, { unknown: 1 }]) });
      case 'query of an odd shape':
        return json({
          query: oneOf(draw, [
            undefined,
            null,
            '',
            ' ',
            1,
            {},
            [],
            'query',
            '{',
            `${query} }`,
            '# only a comment',
            `${query} ${query}`,
            'fragment F on Query { __typename }',
          ]),
          variables,
        });
      case 'directives': {
        const directive = oneOf(draw, [
          '@defer',
          '@stream(initialCount: 1)',
          '@include(if: "x")',
          '@skip(if: $missing)',
          '@unknown',
          '@include(if: true) @include(if: false)',
        ]);
        return json({ query: query.replace(/\{ (\w+)/, `{ $1 ${directive}`), variables });
      }
      case 'batch':
        return json(Array.from({ length: 1 + roll(draw, 1) }, () => ({ query, variables })));
      case 'method and content type': {
        const search = new URLSearchParams({ query, variables: JSON.stringify(variables) }).toString();
        const headers: Record<string, string> = chance(draw, 0.5) ? { 'apollo-require-preflight': 'true' } : {};
        const requests: HttpRequest[] = [
          { method: 'GET', contentType: null, search, headers },
          { method: 'GET', contentType: 'application/json', search, headers },
          { method: 'PUT', contentType: 'application/json', body: JSON.stringify({ query, variables }) },
          { method: 'POST', contentType: 'text/plain', body: JSON.stringify({ query, variables }) },
          { method: 'POST', contentType: 'application/graphql', body: query },
          { method: 'POST', contentType: 'application/x-www-form-urlencoded', body: search },
          { method: 'POST', contentType: 'multipart/form-data; boundary=x', body: '--x\r\n\r\n--x--' },
          { method: 'POST', contentType: null, body: JSON.stringify({ query, variables }) },
          { method: 'POST', contentType: 'application/json; charset=latin1', body: JSON.stringify({ query, variables }) },
        ];
        return { query, variables, root, http: oneOf(draw, requests) };
      }
      case 'malformed body': {
        const whole = JSON.stringify({ query, variables });
        const body = oneOf(draw, [
          '',
          '{',
          'null',
          '"text"',
          '1',
          'true',
          whole.slice(0, whole.length >> 1),
          `\uFEFF${whole}`,
          `${whole}${whole}`,
          '{"query": "\\ud800"}',
        ]);
        return { query, variables, root, http: { method: 'POST', contentType: 'application/json', body } };
      }
    }
  }

  // A random query: one or two root fields with random arguments and a bounded selection.
  query(draw: Draw, pools: Pools): GeneratedOperation {
    breakTypes = chance(draw, 0.05);
    const variables = new Variables();
    const roots = pick(draw, fc.subarray(this.queries, { minLength: 1, maxLength: 2 }));
    const depth = pick(draw, fc.integer({ min: 1, max: MAX_QUERY_DEPTH - 1 }));
    const parts = roots.map((root) => {
      const args = argumentsOf(draw, root, pools, variables);
      return `${root.name}${args} ${selectionOf(draw, root.type, depth, pools, variables)}`.trim();
    });
    const definitions = variables.definitions.length ? `(${variables.definitions.join(', ')})` : '';
    return {
      query: `query Fuzz${definitions} { ${parts.join(' ')} }`,
      variables: variables.values,
      root: roots.map((root) => root.name).join('+'),
    };
  }
}
