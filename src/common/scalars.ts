import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

// The example every date-time error shows: what a caller should send.
export const DATE_TIME_EXAMPLE = '2026-12-02T09:30:00Z';
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

// graphql-scalars' DateTime (RFC 3339 with a time zone), held to the years PostgreSQL and every
// client can store (0001–9999): a year 0000 or 10000 used to reach the database and fail there as
// an internal error. Every refusal says what was expected.
function inRange(value: Date, scalar: string, example: string): Date {
  const year = value.getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new GraphQLError(
      `${scalar} must lie between the years ${String(FIRST_YEAR).padStart(4, '0')} and ${LAST_YEAR}, e.g. "${example}".`,
    );
  }
  return value;
}

function checked(parse: () => Date): Date {
  let value: Date;
  try {
    value = parse();
  } catch (error) {
    throw new GraphQLError(`${(error as Error).message} Expected an ISO 8601 date and time with a time zone, e.g. "${DATE_TIME_EXAMPLE}".`);
  }
  return inRange(value, 'DateTime', DATE_TIME_EXAMPLE);
}

export const DateTimeScalar = new GraphQLScalarType<Date, Date>({
  ...DateTimeResolver.toConfig(),
  parseValue: (value: unknown) => checked(() => DateTimeResolver.parseValue(value) as Date),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    checked(() => DateTimeResolver.parseLiteral(ast, variables) as Date),
});

export const DATE_EXAMPLE = '2031-06-30';
const DATE_MESSAGE = `Date must be a calendar date YYYY-MM-DD, e.g. "${DATE_EXAMPLE}"`;

// A calendar date with no time of day (a consent's retainUntil): "YYYY-MM-DD", held as midnight
// UTC. A date and time is accepted as well and stands for its UTC date, so clients that sent a
// DateTime before keep working.
function parseDate(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError(`${DATE_MESSAGE}; got ${JSON.stringify(value) ?? String(value)}.`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    // new Date() rolls 2031-02-30 over into March; a real date prints back as itself.
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw new GraphQLError(`${DATE_MESSAGE}; "${value}" is no such day.`);
    }
    return inRange(date, 'Date', DATE_EXAMPLE);
  }
  let dateTime: Date;
  try {
    dateTime = DateTimeResolver.parseValue(value) as Date;
  } catch {
    throw new GraphQLError(`${DATE_MESSAGE}; got "${value}".`);
  }
  return inRange(new Date(`${dateTime.toISOString().slice(0, 10)}T00:00:00.000Z`), 'Date', DATE_EXAMPLE);
}

export const DateScalar = new GraphQLScalarType<Date, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (ISO 8601). A date and time is accepted as input and stands for its UTC date.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize: (value: unknown) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
    throw new GraphQLError(`Date cannot represent ${String(value)}.`);
  },
  parseValue: parseDate,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`${DATE_MESSAGE}, written as a string.`, { nodes: ast });
    return parseDate(ast.value);
  },
});
