import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

// The example every date-time error shows: what a caller should send.
export const DATE_TIME_EXAMPLE = '2026-12-02T09:30:00Z';
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

// graphql-scalars' DateTime (RFC 3339 with a time zone), held to the years PostgreSQL and every
// client can store (0001–9999): a year 0000 or 10000 used to reach the database and fail there as
// an internal error. Every refusal says what was expected.
function checked(parse: () => Date): Date {
  let value: Date;
  try {
    value = parse();
  } catch (error) {
    throw new GraphQLError(`${(error as Error).message} Expected an ISO 8601 date and time with a time zone, e.g. "${DATE_TIME_EXAMPLE}".`);
  }
  const year = value.getUTCFullYear();
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
    throw new GraphQLError(
      `DateTime must lie between the years ${String(FIRST_YEAR).padStart(4, '0')} and ${LAST_YEAR}, e.g. "${DATE_TIME_EXAMPLE}".`,
    );
  }
  return value;
}

export const DateTimeScalar = new GraphQLScalarType<Date, Date>({
  ...DateTimeResolver.toConfig(),
  parseValue: (value: unknown) => checked(() => DateTimeResolver.parseValue(value) as Date),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    checked(() => DateTimeResolver.parseLiteral(ast, variables) as Date),
});
