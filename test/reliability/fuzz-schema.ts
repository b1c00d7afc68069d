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
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
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
  const name = field.toLowerCase();
  if (name.includes('email')) return oneOf(draw, ['ingrid@example.com', 'not-an-email', 'a@b', `${'x'.repeat(300)}@example.com`]);
  if (name.includes('url')) {
    return oneOf(draw, [
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
  if (name === 'country') return oneOf(draw, ['NO', 'SE', 'no', 'XX', 'NOR']);
  if (name.includes('competencykey') || name === 'key') return oneOf(draw, [...DEFAULT_COMPETENCY_KEYS, 'NOPE', 'outside_in', 'NEW_KEY']);
  if (name.includes('language') || name === 'locale') return oneOf(draw, ['nb', 'en', 'sv', 'xx', 'EN', 'en-GB']);
  if (name.includes('password')) return oneOf(draw, ['correct horse battery staple', 'short', 'x'.repeat(200)]);
  if (name.includes('retainuntil') || name.includes('date') || name.includes('since')) {
    return oneOf(draw, ['2030-12-31', '2026-02-30', '1900-01-01', '9999-12-31', '2030-12-31T00:00:00Z', 'yesterday']);
  }
  if (name.includes('token') || name.includes('cursor') || name === 'after' || name === 'before') {
    return oneOf(draw, ['', 'YWJj', 'not base64 !', Buffer.from('{"k":["2026-01-01",1]}').toString('base64url'), 'x'.repeat(500)]);
  }
  if (name.includes('event')) return oneOf(draw, ['shortlist.published', 'scorecard.submitted', 'candidate.updated', 'nope.nope', '*']);
  if (name.includes('system')) return oneOf(draw, ['greenhouse', 'lever', 'GREENHOUSE', '']);
  if (name.includes('phone')) return oneOf(draw, ['+47 912 00 100', '12', '+'.repeat(50)]);
  return null;
}

function stringValue(draw: Draw, field: string): string {
  const plausible = plausibleString(draw, field);
  const kind = roll(draw, 99);
  if (plausible !== null && kind < 45) return plausible;
  if (kind < 65) return pick(draw, fc.string({ minLength: 1, maxLength: 40 }));
  if (kind < 85) return oneOf(draw, HOSTILE_STRINGS);
  if (kind < 93) return pick(draw, fc.string({ unit: 'binary', maxLength: 80 }));
  if (kind < 98) return 'x'.repeat(oneOf(draw, [61, 101, 201, 255, 256, 1001, 2001, 5001]));
  // Huge text, within the request body limit.
  return oneOf(draw, ['ø', 'a', '👩‍💼']).repeat(oneOf(draw, [10_001, 20_000]));
}

function intValue(draw: Draw, field: string): number {
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

function dateTimeValue(draw: Draw): string {
  if (chance(draw, 0.7))
    return pick(draw, fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })).toISOString();
  return oneOf(draw, [
    '2026-06-01T12:00:00.000Z',
    '2026-11-22T09:30:00+01:00',
    '1970-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-13-45T99:00:00Z',
    'not a date',
    '',
    '2026-06-01',
  ]);
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
  const kind = roll(draw, 99);
  const own = ofType(pools.own);
  const other = ofType(pools.other);
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
  const absent = roll(draw, 99);
  if (absent < 12) return undefined;
  if (absent < 22) return null;
  return presentValue(draw, type, field, pools, depth);
}

function presentValue(draw: Draw, type: GraphQLInputType, field: string, pools: Pools, depth: number): unknown {
  if (isNonNullType(type)) return presentValue(draw, type.ofType, field, pools, depth);
  if (isListType(type)) {
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
      return pick(draw, fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 1e308, -1)));
    case 'Boolean':
      return pick(draw, fc.boolean());
    case 'DateTime':
      return dateTimeValue(draw);
    default:
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
