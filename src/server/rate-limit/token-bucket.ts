import type { RateLimitConfig } from '../../config/limits';

// A token bucket per credential: `capacity` points, refilled continuously at `refillPerSecond`;
// an operation takes its cost. Kept as GCRA, the exact equivalent of a token bucket in one number
// per key: the "theoretical arrival time" (tat) at which the bucket would be full again.
//   tokens(now)  = capacity − (max(tat, now) − now) × refillPerSecond
//   take(cost)   allowed iff tokens(now) ≥ cost; then tat = max(tat, now) + cost / refillPerSecond
// A refused operation takes nothing. A key whose tat lies in the past has a full bucket and is
// forgotten (memory) or deleted (PostgreSQL).

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

export function stateOf(config: RateLimitConfig, now: number, tat: number, allowed: boolean, retryAfter: number): BucketState {
  const deficit = Math.max(tat - now, 0);
  return {
    allowed,
    remaining: Math.max(0, Math.floor(config.capacity - deficit * config.refillPerSecond + EPSILON)),
    resetSeconds: Math.max(0, Math.ceil(deficit - EPSILON)),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(retryAfter - EPSILON)),
  };
}

// The GCRA step, shared by both stores (PostgreSQL runs the same arithmetic in SQL).
export function decide(config: RateLimitConfig, now: number, tat: number | null, cost: number): { tat: number; state: BucketState } {
  const tolerance = config.capacity / config.refillPerSecond;
  const base = Math.max(tat ?? now, now);
  const next = base + cost / config.refillPerSecond;
  if (next - now <= tolerance + EPSILON) return { tat: next, state: stateOf(config, now, next, true, 0) };
  return { tat: base, state: stateOf(config, now, base, false, next - tolerance - now) };
}
