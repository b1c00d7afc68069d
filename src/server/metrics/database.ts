import type { MikroORM } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import type { Metrics, PoolUse, ReplicaStatus } from './metrics';

export interface NamedConnection {
  // "primary", "replica-1", … (label values: never a URL, it carries a password).
  name: string;
  knex: Knex;
}

// The ORM's connections: the primary and, when DATABASE_REPLICA_URLS configures them, MikroORM's
// read replicas (the driver keeps them in a field it does not expose otherwise).
export function ormConnections(orm: MikroORM): NamedConnection[] {
  const driver = orm.em.getDriver();
  const replicas = (driver as unknown as { replicas?: { getKnex(): Knex }[] }).replicas ?? [];
  return [
    { name: 'primary', knex: driver.getConnection('write').getKnex() },
    ...replicas.map((replica, index) => ({ name: `replica-${index + 1}`, knex: replica.getKnex() })),
  ];
}

// The knex (tarn) pool of a connection: used, free, waiting; null before it exists or after it closed.
export function knexPoolUse(knex: Knex): PoolUse | null {
  const pool = knex.client.pool;
  if (!pool) return null;
  return { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires(), max: pool.max };
}

// Pool use of each connection, as db_pool_connections{pool=name}.
export function registerPoolMetrics(metrics: Metrics, connections: NamedConnection[]): void {
  for (const { name, knex } of connections) metrics.addPool(name, () => knexPoolUse(knex));
}

// The hook for read replicas: `source` says, at each scrape, which replicas there are, whether
// each is in use and how far it lags (db_replica_up, db_replica_lag_seconds). Keep it cheap (a
// status the replica checks keep anyway); a source that throws leaves the series out of that scrape.
export function registerReplicaMetrics(metrics: Metrics, source: () => ReplicaStatus[] | Promise<ReplicaStatus[]>): void {
  metrics.addReplicaSource(source);
}
