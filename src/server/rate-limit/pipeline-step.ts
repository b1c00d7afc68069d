import { createHash } from 'node:crypto';
import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse, GraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../../common/context';
import type { BucketState, RateLimiter } from './token-bucket';

export const RATE_LIMITED = 'RATE_LIMITED';

// The bucket of a request: the credential as sent (one API key or one session = one bucket),
// else the caller's address. Known before any SQL runs: an unknown token gets a bucket too, and
// authentication refuses it afterwards.
export function rateLimitKey(token: string | null, ip: string): string {
  return token === null ? `ip:${ip}` : `token:${createHash('sha256').update(token).digest('hex')}`;
}

// Every failed authentication takes this much from its address's failure bucket: a twentieth of
// the capacity (with the defaults 20 failures at once, then one per second).
function failedAuthenticationCost(limiter: RateLimiter): number {
  return Math.max(1, limiter.config.capacity / 20);
}

function failedAuthenticationKey(ip: string): string {
  return `auth-failures:${ip}`;
}

// Called by the pipeline when a sent token turned out invalid.
export async function chargeFailedAuthentication(limiter: RateLimiter, context: Context): Promise<void> {
  await limiter.take(failedAuthenticationKey(context.ip), failedAuthenticationCost(limiter));
}

// Why an operation was refused with RATE_LIMITED (for the metrics): `bucket`, the credential spent
// its points; `invalid_tokens`, its address sent too many tokens that failed.
const refusals = new WeakMap<GraphQLError, 'bucket' | 'invalid_tokens'>();

export function rateLimitRefusalOf(error: GraphQLError): string | null {
  return refusals.get(error) ?? null;
}

function refusal(reason: 'bucket' | 'invalid_tokens', error: GraphQLError): GraphQLError {
  refusals.set(error, reason);
  return error;
}

// What each request's bucket said, for its response headers.
const outcomes = new WeakMap<GraphQLRequest, BucketState>();

// Step 2 of the request pipeline. An empty bucket refuses the operation with HTTP 429.
export async function consumeRateLimit(
  limiter: RateLimiter,
  requestContext: GraphQLRequestContextDidResolveOperation<Context>,
  cost: number,
): Promise<void> {
  const { token, ip } = requestContext.contextValue;
  // A made-up token would get a fresh bucket each time and cost a lookup before its 401: an
  // address whose tokens keep failing is refused here, before that lookup.
  if (token !== null) {
    const failures = await limiter.peek(failedAuthenticationKey(ip));
    if (failures.remaining < failedAuthenticationCost(limiter)) {
      const wait = Math.max(1, Math.ceil((failedAuthenticationCost(limiter) - failures.remaining) / limiter.config.refillPerSecond));
      throw refusal(
        'invalid_tokens',
        new GraphQLError(`Too many requests with invalid tokens from your address. Retry after ${wait} s.`, {
          extensions: { code: RATE_LIMITED, http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) } },
        }),
      );
    }
  }
  const state = await limiter.take(rateLimitKey(token, ip), Math.max(1, cost));
  outcomes.set(requestContext.request, state);
  if (state.allowed) return;
  const { capacity, refillPerSecond } = limiter.config;
  const message =
    cost > capacity
      ? `This operation costs ${cost} points, more than the rate limit allows at once (${capacity}).`
      : `Rate limit exceeded: this operation costs ${cost} points and your bucket holds ${state.remaining}; ` +
        `it refills at ${refillPerSecond} points per second. Retry after ${state.retryAfterSeconds} s.`;
  throw refusal(
    'bucket',
    new GraphQLError(message, {
      extensions: {
        code: RATE_LIMITED,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(state.retryAfterSeconds)]]) },
      },
    }),
  );
}

export function rateLimitHeaders(limiter: RateLimiter, state: BucketState): [string, string][] {
  return [
    ['x-ratelimit-limit', String(limiter.config.capacity)],
    ['x-ratelimit-remaining', String(state.remaining)],
    ['x-ratelimit-reset', String(state.resetSeconds)],
  ];
}

// Every GraphQL response says where its bucket stands; requests refused before the rate-limit
// step (parse, validation, cost) took nothing and report the bucket as it is.
export async function setRateLimitHeaders(
  limiter: RateLimiter,
  requestContext: GraphQLRequestContextWillSendResponse<Context>,
): Promise<void> {
  const context = requestContext.contextValue;
  let state = outcomes.get(requestContext.request);
  if (!state) {
    if (!context) return;
    state = await limiter.peek(rateLimitKey(context.token, context.ip)).catch(() => undefined);
    if (!state) return;
  }
  for (const [name, value] of rateLimitHeaders(limiter, state)) requestContext.response.http.headers.set(name, value);
}
