import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { ApiErrorCode } from '../common/errors';
import type { Context } from '../common/context';
import { authenticate } from './context';
import { INVALID_VARIABLES, checkOperationCost } from './query-limits';
import { chargeFailedAuthentication, consumeRateLimit, setRateLimitHeaders, type RateLimiter } from './rate-limit';
import { writeReadEvents } from '../modules/audit';
import { withholdResponse } from '../common/errors';
import {
  beginIdempotentRequest,
  finishIdempotentRequest,
  type IdempotencyStore,
  noteAnswerSubjects,
  replayIdempotentResponse,
} from '../modules/idempotency';
import { endReadRoute, noteWrite, routeQueryReads } from './read-routing';

export interface PipelineDependencies {
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
}

// The steps between "the operation is valid GraphQL" and "resolvers run", in a fixed order.
// Apollo runs the didResolveOperation hooks of different plugins concurrently, so the order
// lives here, in one plugin:
//   1. variables and cost (no SQL: a refused operation never reaches the database; variables
//      that do not fit their types skip steps 2–4 and graphql-js refuses them at execution,
//      before any resolver, with its own errors)
//   2. rate limit, keyed by the credential as sent (still no SQL)
//   3. authentication: the token becomes a principal (the first SQL statement); a token that
//      fails costs its address points, so invented tokens cannot buy lookups without limit
//   4. idempotency: a mutation with an Idempotency-Key replays or claims its key
//   5. with read replicas, a query moves its reads to a replica (server/read-routing.ts)
// and, before the response leaves, back to the primary: the end of the keyed transaction, the
// principal's write position (replicas only) and the audit log of the personal data the request read.
// responseForOperation then answers a replayed key with the stored response (nothing executes);
// otherwise a keyed mutation notes, as it executes, what its answer is about (kept with it).
export function requestPipelinePlugin(dependencies: PipelineDependencies): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<Context>) {
          const cost = checkOperationCost(requestContext);
          if (cost === INVALID_VARIABLES) return;
          await consumeRateLimit(dependencies.rateLimiter, requestContext, cost);
          try {
            await authenticate(requestContext.contextValue);
          } catch (error) {
            if ((error as GraphQLError).extensions?.code === ApiErrorCode.UNAUTHENTICATED) {
              await chargeFailedAuthentication(dependencies.rateLimiter, requestContext.contextValue);
            }
            throw error;
          }
          await beginIdempotentRequest(dependencies.idempotency, requestContext);
          await routeQueryReads(requestContext);
        },
        async responseForOperation(requestContext) {
          return replayIdempotentResponse(requestContext);
        },
        async executionDidStart(requestContext) {
          return noteAnswerSubjects(requestContext);
        },
        async willSendResponse(requestContext: GraphQLRequestContextWillSendResponse<Context>) {
          try {
            // First the keyed transaction ends (its connection is free again, and a rolled-back
            // answer loses its data), then the reads of what actually leaves are logged.
            endReadRoute();
            await finishIdempotentRequest(dependencies.idempotency, requestContext);
            await noteWrite(requestContext);
            await logReads(requestContext);
          } finally {
            await setRateLimitHeaders(dependencies.rateLimiter, requestContext);
          }
        },
      };
    },
  };
}

// Personal data is not handed out unless its reading is on record: if the log cannot be
// written, the caller gets an internal error instead of the data.
async function logReads(requestContext: GraphQLRequestContextWillSendResponse<Context>): Promise<void> {
  const { response, contextValue: context } = requestContext;
  if (response.body.kind !== 'single' || response.body.singleResult.data == null) return;
  try {
    await writeReadEvents(context);
  } catch (error) {
    context.logger.error({ err: error }, 'audit: the reads of this request could not be logged; the answer is withheld');
    withholdResponse(response, context.requestId, 500);
  }
}
