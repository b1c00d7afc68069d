import { performance } from 'node:perf_hooks';
import type { RateLimitConfig } from '../../config/limits';
import { decide, stateOf, type BucketState, type RateLimiter } from './token-bucket';

// The bucket of every key in this process: for one API process (the default).
export class MemoryRateLimiter implements RateLimiter {
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
