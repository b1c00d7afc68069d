import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse, GraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import type { Context } from '../common/context';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from '../config/limits';

// A token bucket per credential: `capacity` points, refilled continuously at `refillPerSecond`;
// an operation takes its cost. Kept as GCRA, the exact equivalent of a token bucket in one number
// per key: the "theoretical arrival time" (tat) at which the bucket would be full again.
//   tokens(now)  = capacity − (max(tat, now) − now) × refillPerSecond
//   take(cost)   allowed iff tokens(now) ≥ cost; then tat = max(tat, now) + cost / refillPerSecond
// A refused operation takes nothing. A key whose tat lies in the past has a full bucket and is
// forgotten (memory) or deleted (PostgreSQL).

export const RATE_LIMITED = 'RATE_LIMITED';

export interface BucketState {
  allowed: boolean;
  // Whole points left after this operation.
  remaining: number;
  // Seconds until the bucket is full again.
  resetSeconds: number;
  // Seconds until the refused operation's cost is available (0 when allowed).
  retryAfterSeconds: number;
}

export interface RateLimiter {
  readonly config: RateLimitConfig;
  take(key: string, cost: number): Promise<BucketState>;
  peek(key: string): Promise<BucketState>;
  close(): Promise<void>;
}

// Float noise (epoch seconds in a double) must not turn 300 s into 301.
const EPSILON = 1e-6;

function stateOf(config: RateLimitConfig, now: number, tat: number, allowed: boolean, retryAfter: number): BucketState {
  const deficit = Math.max(tat - now, 0);
  return {
    allowed,
    remaining: Math.max(0, Math.floor(config.capacity - deficit * config.refillPerSecond + EPSILON)),
    resetSeconds: Math.max(0, Math.ceil(deficit - EPSILON)),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retryAfter - EPSILON)),
  };
}

// The GCRA step, shared by both stores (PostgreSQL runs the same arithmetic in SQL).
function decide(config: RateLimitConfig, now: number, tat: number | null, cost: number): { tat: number; state: BucketState } {
  const tolerance = config.capacity / config.refillPerSecond;
  const base = Math.max(tat ?? now, now);
  const next = base + cost / config.refillPerSecond;
  if (next - now <= tolerance + EPSILON) return { tat: next, state: stateOf(config, now, next, true, 0) };
  return { tat: base, state: stateOf(config, now, base, false, next - tolerance - now) };
}

class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(readonly config: RateLimitConfig) {
    // Full buckets are the same as absent ones: forget them, so random keys cannot fill memory.
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  private now(): number {
    return performance.now() / 1000;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, tat] of this.buckets) if (tat <= now) this.buckets.delete(key);
  }

  async take(key: string, cost: number): Promise<BucketState> {
    const { tat, state } = decide(this.config, this.now(), this.buckets.get(key) ?? null, cost);
    if (state.allowed) this.buckets.set(key, tat);
    return state;
  }

  async peek(key: string): Promise<BucketState> {
    const now = this.now();
    return stateOf(this.config, now, Math.max(this.buckets.get(key) ?? now, now), true, 0);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}

// One statement per operation, atomic under concurrency (the row is locked by ON CONFLICT):
// $1 key, $2 cost / refill (seconds the cost takes to refill), $3 capacity / refill (seconds
// from empty to full). Returns the database's now, the tat and whether the cost was taken; a
// refused operation changes nothing and reads the tat it was refused against.
const TAKE_SQL = `
with clock as (select extract(epoch from clock_timestamp())::float8 as now),
taken as (
  insert into rate_limit.bucket as b (key, tat)
  select $1::text, clock.now + $2::float8 from clock
  on conflict (key) do update
    set tat = greatest(b.tat, excluded.tat - $2::float8) + $2::float8
    where greatest(b.tat, excluded.tat - $2::float8) + $2::float8 - (excluded.tat - $2::float8) <= $3::float8 + 1e-6
  returning b.tat
)
select clock.now, taken.tat, true as allowed from clock, taken
union all
select clock.now, b.tat, false from clock, rate_limit.bucket b
 where b.key = $1::text and not exists (select 1 from taken)`;

const PEEK_SQL = `
select extract(epoch from clock_timestamp())::float8 as now, (select tat from rate_limit.bucket where key = $1) as tat`;

const SWEEP_SQL = `delete from rate_limit.bucket where tat < extract(epoch from clock_timestamp())`;

class PostgresRateLimiter implements RateLimiter {
  private readonly pool: pg.Pool;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly config: RateLimitConfig,
    connectionString: string,
  ) {
    // Its own small pool: the limiter decides before the request touches the app's pool.
    this.pool = new pg.Pool({ connectionString, max: config.poolSize });
    this.pool.on('error', () => undefined);
    this.sweeper = setInterval(() => void this.pool.query(SWEEP_SQL).catch(() => undefined), 5 * 60_000).unref();
  }

  async take(key: string, cost: number): Promise<BucketState> {
    const { refillPerSecond, capacity } = this.config;
    const { rows } = await this.pool.query<{ now: number; tat: number; allowed: boolean }>(TAKE_SQL, [
      key,
      cost / refillPerSecond,
      capacity / refillPerSecond,
    ]);
    const row = rows[0];
    // Refused against a row another process created after this statement's snapshot.
    if (!row) return stateOf(this.config, 0, capacity / refillPerSecond, false, cost / refillPerSecond);
    if (row.allowed) return stateOf(this.config, row.now, row.tat, true, 0);
    // Refused: the tat read may be older than the one it was refused against, so never re-decide.
    const base = Math.max(row.tat, row.now);
    return stateOf(this.config, row.now, base, false, base + (cost - capacity) / refillPerSecond - row.now);
  }

  async peek(key: string): Promise<BucketState> {
    const { rows } = await this.pool.query<{ now: number; tat: number | null }>(PEEK_SQL, [key]);
    const { now, tat } = rows[0];
    return stateOf(this.config, now, Math.max(tat ?? now, now), true, 0);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.pool.end();
  }
}

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
      throw new GraphQLError(`Too many requests with invalid tokens from your address. Retry after ${wait} s.`, {
        extensions: { code: RATE_LIMITED, http: { status: 429, headers: new HeaderMap([['retry-after', String(wait)]]) } },
      });
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
  throw new GraphQLError(message, {
    extensions: {
      code: RATE_LIMITED,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(state.retryAfterSeconds)]]) },
    },
  });
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
