import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from '../../config/limits';
import { MemoryRateLimiter } from './memory-store';
import { PostgresRateLimiter } from './postgres-store';
import type { RateLimiter } from './token-bucket';

// The rate limit: a token bucket per credential (token-bucket.ts), kept in this process or in
// PostgreSQL for every API process (the two stores), and the request pipeline's step (pipeline-step.ts).
export function createRateLimiter(config: RateLimitConfig = DEFAULT_RATE_LIMIT, connectionString?: string): RateLimiter {
  if (!(config.capacity >= 1) || !(config.refillPerSecond > 0)) {
    throw new Error('The rate limit needs a capacity of at least 1 and a refill above 0.');
  }
  if (config.store === 'postgres') {
    if (!connectionString) throw new Error('The PostgreSQL rate-limit store needs a connection string.');
    return new PostgresRateLimiter(config, connectionString);
  }
  return new MemoryRateLimiter(config);
}

export {
  RATE_LIMITED,
  chargeFailedAuthentication,
  consumeRateLimit,
  rateLimitHeaders,
  rateLimitKey,
  rateLimitRefusalOf,
  setRateLimitHeaders,
} from './pipeline-step';
export type { BucketState, RateLimiter } from './token-bucket';
