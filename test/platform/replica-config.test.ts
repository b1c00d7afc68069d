import fc from 'fast-check';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, readConfig } from '../../src/config/env';
import { ormOptions } from '../../src/config/orm.config';
import { findFreePort } from '../../src/config/embedded-postgres';
import { formatLsn, parseLsn, poolUse, readRoutes, replicaOptions, replicaStatus } from '../../src/config/replicas';
import { entities } from '../../src/server/features';
import { createTestDatabase } from '../helpers/database';

// DATABASE_REPLICA_URLS and what happens to replicas that cannot be used. The streaming replica
// itself, with two API processes, is test/reliability/replicas.test.ts.

describe('replica configuration', () => {
  const primary = 'postgres://u:p@db.example:5432/outside_in';

  it('should read the replica URLs, the lag limit and the check interval', () => {
    expect(readConfig({ DATABASE_URL: primary }).replicas).toEqual({ urls: [], maxLagSeconds: 5, checkIntervalMs: 1000 });
    expect(
      readConfig({
        DATABASE_URL: primary,
        DATABASE_REPLICA_URLS: ' postgres://u:p@r1:5432/outside_in, postgresql://u:p@r2/outside_in ,',
        DATABASE_REPLICA_MAX_LAG_SECONDS: '2.5',
        DATABASE_REPLICA_CHECK_INTERVAL_MS: '250',
      }).replicas,
    ).toEqual({ urls: ['postgres://u:p@r1:5432/outside_in', 'postgresql://u:p@r2/outside_in'], maxLagSeconds: 2.5, checkIntervalMs: 250 });
  });

  it.each([
    [
      { DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'mysql://u:secret@r1/x' },
      /DATABASE_REPLICA_URLS must be postgres:\/\/ URLs.*"mysql:\/\/u:…@r1\/x"/,
    ],
    [{ DATABASE_REPLICA_URLS: 'postgres://r1/outside_in' }, /DATABASE_REPLICA_URLS needs DATABASE_URL/],
    [
      { DATABASE_URL: primary, DATABASE_REPLICA_MAX_LAG_SECONDS: '0' },
      /DATABASE_REPLICA_MAX_LAG_SECONDS must be a number above 0, got "0"/,
    ],
    [
      { DATABASE_URL: primary, DATABASE_REPLICA_CHECK_INTERVAL_MS: '10' },
      /DATABASE_REPLICA_CHECK_INTERVAL_MS must be a whole number of at least 50/,
    ],
  ])('should refuse %j with a ConfigError that does not show the password', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
    expect(() => readConfig(env)).not.toThrow(/secret/);
  });

  it('should add nothing to the ORM options without replicas', () => {
    expect(replicaOptions({ urls: [], maxLagSeconds: 5, checkIntervalMs: 1000 })).toEqual({});
  });

  it('should read and write WAL positions as PostgreSQL prints them', () => {
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
    expect(formatLsn(0x16b374d848n)).toBe('16/B374D848');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (lsn) => parseLsn(formatLsn(lsn)) === lsn),
      { numRuns: 500 },
    );
  });
});

describe('replicas that cannot be used', () => {
  let plain: MikroORM;
  let orm: MikroORM;

  beforeAll(async () => {
    plain = await createTestDatabase();
    const url = plain.config.get('clientUrl')!;
    const closed = new URL(url);
    closed.port = String(await findFreePort());
    // One replica that is the primary itself (not a standby), one where nothing listens.
    orm = await MikroORM.init(
      ormOptions(url, entities, {
        ...replicaOptions({ urls: [url, closed.toString()], maxLagSeconds: 5, checkIntervalMs: 100 }),
        pool: { min: 0, max: 2 },
      }),
    );
  });

  afterAll(async () => {
    await orm?.close(true);
    await plain?.close(true);
  });

  it('should start, mark them skipped with the reason, and read from the primary', async () => {
    const status = replicaStatus(orm);
    expect(status.map(({ name, healthy, lagSeconds, replayLsn }) => ({ name, healthy, lagSeconds, replayLsn }))).toEqual([
      { name: 'replica-1', healthy: false, lagSeconds: null, replayLsn: null },
      { name: 'replica-2', healthy: false, lagSeconds: null, replayLsn: null },
    ]);
    expect(status[0].problem).toBe('not a streaming standby');
    expect(status[1].problem).toMatch(/^unreachable: /);
    // A request routed to the replicas reads from the primary instead, both through the query
    // builder and through raw SQL.
    const em = orm.em.fork();
    const rows = await readRoutes.run({ side: 'replica', minLsn: 0n }, async () => {
      const fromOrm = await em.createQueryBuilder('Firm').select('id').execute('all');
      const raw = await em.execute<{ standby: boolean }[]>('select pg_is_in_recovery() as standby');
      return { fromOrm, raw, route: readRoutes.getStore() };
    });
    expect(rows.fromOrm).toEqual([]);
    expect(rows.raw).toEqual([{ standby: false }]);
    expect(rows.route?.pinned).toBe(orm.em.getDriver().getConnection('write'));
    expect(poolUse(orm).map((pool) => pool.name)).toEqual(['primary', 'replica-1', 'replica-2']);
    expect(replicaStatus(plain)).toEqual([]);
  });
});
