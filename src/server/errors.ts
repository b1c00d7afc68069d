import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Context } from './context';

// Codes whose message is written for the caller and may pass as it is.
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'IDEMPOTENCY_KEY_INVALID',
  'IDEMPOTENCY_KEY_REUSED',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error. Quote the requestId when you report it.';

function isPublic(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && PUBLIC_CODES.has(String(error.extensions?.code));
}

// The one place errors are shaped for clients: no stack, SQL, path or ORM text leaves the server.
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isPublic(original)) {
    const { code, argumentName } = original.extensions;
    return {
      message: formatted.message.replace(/^Context creation failed: /, ''),
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
