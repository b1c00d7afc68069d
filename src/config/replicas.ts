import { AsyncLocalStorage } from 'node:async_hooks';
import { PostgreSqlDriver, type MikroORM, type Options, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import { DirectReadsDriver, type DirectStatement } from './direct-reads';
import type { ReplicaConfig } from './env';

// Read replicas (README, "Scaling out"). MikroORM's own replica support (`replicas`,
// `preferReadReplicas`) sends every read it can to a random replica; this driver narrows that:
//   - reads go to a replica only inside a request the server routed there (readRoutes): GraphQL
//     queries of a principal whose last write the replica has already replayed. Everything else
//     (mutations, start-up, migrations, the worker, scripts) reads from the primary;
//   - writes, and everything inside a transaction, always run on the primary;
//   - one request reads from one replica (pinned on its first read), so all its reads see one moment;
//   - a replica that is down, not in recovery or further behind than maxLagSeconds is skipped
//     (checked every checkIntervalMs); a read that fails on a replica for a connection reason is
//     run again on the primary. No replica is ever fatal: the primary answers instead.

// What one request reads from; made per request by the server (src/server/read-routing.ts).
export interface ReadRoute {
  side: 'primary' | 'replica';
  // The primary's WAL position the request must see (the principal's last write): a replica
  // that has not replayed up to it is not used.
  minLsn: bigint;
  // The connection of this request's reads, chosen on its first read.
  pinned?: PostgreSqlConnection;
}

export const readRoutes = new AsyncLocalStorage<ReadRoute>();

export interface ReplicaStatus {
  name: string;
  healthy: boolean;
  // How old the newest primary state this replica has replayed is (0: caught up at the last check).
  lagSeconds: number | null;
  replayLsn: string | null;
  // Why the replica is skipped (down, lagging, not a standby), null when healthy.
  problem: string | null;
  checkedAt: Date | null;
}

interface ReplicaState {
  name: string;
  connection: PostgreSqlConnection;
  healthy: boolean;
  lagSeconds: number | null;
  replayLsn: bigint | null;
  problem: string | null;
  checkedAt: Date | null;
}

interface Settings {
  maxLagSeconds: number;
  checkIntervalMs: number;
  // Told when a replica becomes usable or is skipped.
  log?: (message: string, details: Record<string, unknown>) => void;
}

// The ORM options that add the replicas; none without DATABASE_REPLICA_URLS (nothing changes then).
export function replicaOptions(config: ReplicaConfig, log?: Settings['log']): Partial<Options> {
  if (config.urls.length === 0) return {};
  const settings: Settings = { maxLagSeconds: config.maxLagSeconds, checkIntervalMs: config.checkIntervalMs, log };
  return {
    replicas: config.urls.map((clientUrl, index) => ({
      name: `replica-${index + 1}`,
      clientUrl,
      // A replica that does not answer is given up on in 2 s (knex waits 60 s by default), and
      // its reads run on the primary.
      driverOptions: { acquireConnectionTimeout: 2000, connection: { connectionTimeoutMillis: 2000 } },
    })),
    preferReadReplicas: true,
    driver: class extends ReplicaRoutingDriver {
      protected readonly settings = settings;
    },
  };
}

// Replica health and lag, for /metrics and logs: [] without replicas.
export function replicaStatus(orm: MikroORM): ReplicaStatus[] {
  const driver = orm.em.getDriver();
  return driver instanceof ReplicaRoutingDriver ? driver.status() : [];
}

type Execute = PostgreSqlConnection['execute'];

export abstract class ReplicaRoutingDriver extends DirectReadsDriver {
  protected abstract readonly settings: Settings;
  private states: ReplicaState[] | null = null;
  // The primary's WAL position at recent checks, newest last: a replica's lag is how long ago
  // the primary was where the replica is now.
  private samples: { lsn: bigint; at: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private next = 0;

  override async connect(): Promise<PostgreSqlConnection> {
    const connection = await super.connect();
    this.replicaStates();
    // Until its first check a replica is not read from; the first check is waited for, briefly.
    await this.check();
    this.timer ??= setInterval(() => void this.check(), this.settings.checkIntervalMs).unref();
    return connection;
  }

  override async close(force?: boolean): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.checking;
    await super.close(force);
  }

  override getConnection(type: 'read' | 'write' = 'write'): PostgreSqlConnection {
    if (type === 'write') return this.connection;
    const route = readRoutes.getStore();
    if (!route || route.side === 'primary') return this.connection;
    route.pinned ??= this.pickReplica(route.minLsn) ?? this.connection;
    return route.pinned;
  }

  // em.execute (raw SQL, e.g. rows.ts's loaders) runs on the primary in MikroORM; here a read
  // outside a transaction follows the request's route like the query builder's reads.
  override execute<T>(...args: Parameters<PostgreSqlDriver['execute']>): Promise<T> {
    const [query, params, method = 'all', ctx, loggerContext] = args;
    if (ctx || method === 'run') return super.execute(...args) as Promise<T>;
    return this.rethrow(this.getConnection('read').execute(query, params, method, ctx, loggerContext) as Promise<T>);
  }

  // The plain-row reads (direct-reads.ts) fail over like em.execute's (withFallback).
  protected override async readArraysOn(
    connection: PostgreSqlConnection,
    statement: DirectStatement,
    values: readonly unknown[],
  ): Promise<unknown[][]> {
    const state = connection === this.connection ? undefined : this.replicaStates().find((each) => each.connection === connection);
    if (!state) return super.readArraysOn(connection, statement, values);
    try {
      return await super.readArraysOn(connection, statement, values);
    } catch (error) {
      if (!isReplicaProblem(error)) throw error;
      this.failOver(state, error);
      return super.readArraysOn(this.connection, statement, values);
    }
  }

  status(): ReplicaStatus[] {
    return this.replicaStates().map((state) => ({
      name: state.name,
      healthy: state.healthy,
      lagSeconds: state.lagSeconds,
      replayLsn: state.replayLsn === null ? null : formatLsn(state.replayLsn),
      problem: state.problem,
      checkedAt: state.checkedAt,
    }));
  }

  // Round robin over the healthy replicas that have replayed the reader's last write.
  private pickReplica(minLsn: bigint): PostgreSqlConnection | null {
    const states = this.replicaStates();
    for (let tried = 0; tried < states.length; tried++) {
      const state = states[this.next++ % states.length];
      if (state.healthy && state.replayLsn !== null && state.replayLsn >= minLsn) return state.connection;
    }
    return null;
  }

  private replicaStates(): ReplicaState[] {
    this.states ??= this.replicas.map((connection, index) => {
      const state: ReplicaState = {
        name: this.config.get('replicas')?.[index]?.name ?? `replica-${index + 1}`,
        connection,
        healthy: false,
        lagSeconds: null,
        replayLsn: null,
        problem: 'not checked yet',
        checkedAt: null,
      };
      connection.execute = this.withFallback(state, connection.execute.bind(connection));
      return state;
    });
    return this.states;
  }

  // A read that fails on the replica for a reason of the replica (down, restarting, a write sent
  // to it, a query cancelled by recovery) is run on the primary, and the replica is skipped until
  // its next good check. Errors of the statement itself are the caller's.
  private withFallback(state: ReplicaState, execute: Execute): Execute {
    return (async (...args: Parameters<Execute>) => {
      try {
        return await execute(...args);
      } catch (error) {
        if (!isReplicaProblem(error)) throw error;
        this.failOver(state, error);
        return this.connection.execute(...args);
      }
    }) as Execute;
  }

  // The replica is skipped until its next good check, and the request reads on from the primary.
  private failOver(state: ReplicaState, error: unknown): void {
    this.mark(state, { healthy: false, problem: `read failed: ${describe(error)}` });
    const route = readRoutes.getStore();
    if (route) route.pinned = this.connection;
  }

  private check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = null));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    const timeoutMs = Math.max(this.settings.checkIntervalMs, 2000);
    let primaryLsn: bigint;
    try {
      const [row] = await withTimeout(this.connection.execute<{ lsn: string }[]>('select pg_current_wal_lsn()::text as lsn'), timeoutMs);
      primaryLsn = parseLsn(row.lsn);
    } catch {
      // Without the primary's position no lag can be known; the replicas keep their last state.
      return;
    }
    const now = Date.now();
    this.samples.push({ lsn: primaryLsn, at: now });
    const keepMs = this.settings.maxLagSeconds * 1000 + 3 * this.settings.checkIntervalMs;
    while (this.samples.length > 1 && this.samples[0].at < now - keepMs) this.samples.shift();
    await Promise.all(
      this.replicaStates().map(async (state) => {
        try {
          const [row] = await withTimeout(
            state.connection.getKnex().raw('select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn'),
            timeoutMs,
          ).then((result: { rows: { standby: boolean; lsn: string | null }[] }) => result.rows);
          if (!row.standby || row.lsn === null) {
            this.mark(state, { healthy: false, lagSeconds: null, replayLsn: null, problem: 'not a streaming standby' });
            return;
          }
          const replayLsn = parseLsn(row.lsn);
          const lagSeconds = this.lagOf(replayLsn, Date.now());
          const lagging = lagSeconds > this.settings.maxLagSeconds;
          this.mark(state, {
            healthy: !lagging,
            lagSeconds,
            replayLsn,
            problem: lagging ? `${lagSeconds.toFixed(1)} s behind (limit ${this.settings.maxLagSeconds} s)` : null,
          });
        } catch (error) {
          this.mark(state, { healthy: false, lagSeconds: null, problem: `unreachable: ${describe(error)}` });
        }
      }),
    );
  }

  // Seconds since the primary was at a position the replica has replayed (0: it has replayed
  // the position read at the start of this check). Past all samples: at least the oldest one's age.
  private lagOf(replayLsn: bigint, now: number): number {
    for (let index = this.samples.length - 1; index >= 0; index--) {
      if (this.samples[index].lsn <= replayLsn) return index === this.samples.length - 1 ? 0 : (now - this.samples[index].at) / 1000;
    }
    return (now - this.samples[0].at) / 1000;
  }

  private mark(state: ReplicaState, change: Partial<ReplicaState>): void {
    const wasHealthy = state.healthy;
    Object.assign(state, change, { checkedAt: new Date() });
    if (wasHealthy !== state.healthy) {
      this.settings.log?.(state.healthy ? 'read replica in use' : 'read replica skipped', {
        replica: state.name,
        problem: state.problem,
        lagSeconds: state.lagSeconds,
      });
    }
  }
}

// Connection refused/reset/timed out, SQLSTATE classes 08 (connection) and 57P (shutdown),
// 25006 (a write on a read-only standby), 40001 (a query cancelled by a recovery conflict).
function isReplicaProblem(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '25006', '40001'].includes(code)) return true;
  if (code.startsWith('08') || code.startsWith('57P')) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|Timeout acquiring a connection|connection.*(closed|ended)/i.test(message);
}

// PostgreSQL's pg_lsn text ('16/B374D848') as a number.
export function parseLsn(text: string): bigint {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

function withTimeout<T>(promise: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    Promise.resolve(promise).finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]);
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message || String((error as { code?: unknown }).code) : String(error);
  return text.split('\n')[0].slice(0, 200);
}
