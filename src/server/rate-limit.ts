import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Context } from './context';

// PLACEHOLDER (hardening, #7): token bucket per credential.
export interface RateLimiter {
  readonly kind: 'placeholder';
}

export function createRateLimiter(): RateLimiter {
  return { kind: 'placeholder' };
}

export async function consumeRateLimit(
  _limiter: RateLimiter,
  _requestContext: GraphQLRequestContextDidResolveOperation<Context>,
  _cost: number,
): Promise<void> {}

export function setRateLimitHeaders(_requestContext: GraphQLRequestContextWillSendResponse<Context>): void {}
