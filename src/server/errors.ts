import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, isEnumType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context } from '../common/context';
import { INTERNAL_ERROR_MESSAGE } from '../common/errors';

// Codes whose message is written for the caller and may pass as it is (also the error outcomes
// of the request metrics).
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The limits (limits.ts): cost, input lists, rate.
  'COST_LIMIT_EXCEEDED',
  'INPUT_LIST_TOO_LONG',
  'RATE_LIMITED',
  // Idempotency keys (modules/idempotency).
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_PROGRESS',
  // Incremental sync (modules/sync): the cursor cannot be served, start over.
  'SYNC_CURSOR_EXPIRED',
]);

// graphql-js stops coercing variables after 50 bad values with this error, which carries no code
// (Apollo marks only the per-value errors BAD_USER_INPUT). It is the caller's input all the same.
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

// Apollo refuses an automatic persisted query whose sha256Hash is not the query's, or whose
// version is not 1 (or missing), with these errors, which carry no code either; it is the caller's request.
const PERSISTED_QUERY_MISMATCH = 'provided sha does not match query';
const PERSISTED_QUERY_VERSION = 'Unsupported persisted query version';

// Errors of the caller's making that graphql-js or Apollo raise without a code: their public code.
const UNCODED_CALLER_ERRORS = new Map([
  [TOO_MANY_VARIABLE_ERRORS, 'BAD_USER_INPUT'],
  [PERSISTED_QUERY_MISMATCH, 'BAD_REQUEST'],
  [PERSISTED_QUERY_VERSION, 'BAD_REQUEST'],
]);

// The public code of an error, or null when it must be masked.
function publicCodeOf(error: unknown): string | null {
  if (!(error instanceof GraphQLError)) return null;
  const code = String(error.extensions?.code);
  if (PUBLIC_CODES.has(code)) return code;
  if (error.extensions?.code === undefined) return UNCODED_CALLER_ERRORS.get(error.message) ?? null;
  return null;
}

function isPublic(error: unknown): error is GraphQLError {
  return publicCodeOf(error) !== null;
}

// graphql-js hints at names it knows ("Did you mean …?"), in validation and in variable errors:
// a map of the schema for whoever probes it. GraphQL Armor masks the field names (leaving a lone
// "?"); this also catches its other forms (enum values, argument and type names).
function withoutSuggestions(message: string): string {
  return message
    .replace(/\s*Did you mean [^?]*\?/g, '')
    .replace(/(?<=\.)\s*\?$/, '')
    .trim();
}

// Messages made actionable: a wrong enum value lists the right ones where the schema is public
// anyway (introspection on: development), a hash mismatch says what to send. In production the
// schema stays unmapped for whoever probes it, as with field suggestions.
function explained(message: string, schema: GraphQLSchema, listEnumValues: boolean): string {
  const wrongEnum = listEnumValues ? /Value "[^"]*" does not exist in "(\w+)" enum\./.exec(message) : null;
  const type = wrongEnum ? schema.getType(wrongEnum[1]) : null;
  if (wrongEnum && isEnumType(type)) {
    return `${message} Valid values: ${type
      .getValues()
      .map((value) => value.name)
      .join(', ')}.`;
  }
  if (message === PERSISTED_QUERY_MISMATCH) {
    return "The persisted query's sha256Hash is not the SHA-256 of the query sent with it: send the hash of exactly that query text.";
  }
  if (message === PERSISTED_QUERY_VERSION) {
    return 'Only version 1 of persisted queries is supported: send extensions.persistedQuery as { "version": 1, "sha256Hash": "<SHA-256 of the query, hex>" }.';
  }
  return message;
}

// The one place errors are shaped for clients: no stack, SQL, path or ORM text leaves the server.
export function errorFormatter(schema: GraphQLSchema, { listEnumValues }: { listEnumValues: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isPublic(original)) {
      const code = publicCodeOf(original);
      const { argumentName } = original.extensions;
      return {
        message: explained(withoutSuggestions(formatted.message.replace(/^Context creation failed: /, '')), schema, listEnumValues),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code, ...(argumentName ? { argumentName } : {}) },
      };
    }
    return {
      message: INTERNAL_ERROR_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

// Logs unexpected errors in full, server-side, and tags their masked form with the request id.
export const errorLoggingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (!isPublic(original)) {
            contextValue?.logger?.error({ err: original, path: error.path }, 'unexpected error in a GraphQL request');
          }
        }
      },
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' && contextValue?.requestId) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        }
      },
    };
  },
};
