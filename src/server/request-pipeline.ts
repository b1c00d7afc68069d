import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { authenticate, type Context } from './context';
import { checkOperationCost } from './query-limits';
import { consumeRateLimit, setRateLimitHeaders, type RateLimiter } from './rate-limit';
import { writeReadEvents } from '../modules/audit';
import { beginIdempotentRequest, finishIdempotentRequest, replayIdempotentResponse, type IdempotencyStore } from '../modules/idempotency';

export interface PipelineDependencies {
  rateLimiter: RateLimiter;
  idempotency: IdempotencyStore;
}

// The steps between "the operation is valid GraphQL" and "resolvers run", in a fixed order.
// Apollo runs the didResolveOperation hooks of different plugins concurrently, so the order
// lives here, in one plugin:
//   1. cost with the variables (no SQL: a refused operation never reaches the database)
//   2. rate limit, keyed by the credential as sent (still no SQL)
//   3. authentication: the token becomes a principal (the first SQL statement)
//   4. idempotency: a mutation with an Idempotency-Key replays or claims its key
// and, before the response leaves, the audit log of the personal data the request read.
// responseForOperation then answers a replayed key with the stored response (nothing executes).
export function requestPipelinePlugin(dependencies: PipelineDependencies): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext: GraphQLRequestContextDidResolveOperation<Context>) {
          const cost = checkOperationCost(requestContext);
          await consumeRateLimit(dependencies.rateLimiter, requestContext, cost);
          await authenticate(requestContext.contextValue);
          await beginIdempotentRequest(dependencies.idempotency, requestContext);
        },
        async responseForOperation(requestContext) {
          return replayIdempotentResponse(requestContext);
        },
        async willSendResponse(requestContext: GraphQLRequestContextWillSendResponse<Context>) {
          await writeReadEvents(requestContext.contextValue);
          await finishIdempotentRequest(dependencies.idempotency, requestContext);
          await setRateLimitHeaders(dependencies.rateLimiter, requestContext);
        },
      };
    },
  };
}
