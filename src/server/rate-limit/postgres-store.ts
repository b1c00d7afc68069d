import pg from 'pg';
import type { RateLimitConfig } from '../../config/limits';
import { stateOf, type BucketState, type RateLimiter } from './token-bucket';

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

export class PostgresRateLimiter implements RateLimiter {
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
