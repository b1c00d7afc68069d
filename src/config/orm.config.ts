import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { SeedManager } from '@mikro-orm/seeder';
import { DirectReadsDriver } from './direct-reads';
import { migrationsList } from '../migrations';

// Scopes every query to one firm. Enabled by default and without a default firm: a query
// made before the request's firm is known fails loudly instead of reading across firms.
const tenantFilter = {
  name: 'tenant',
  default: true,
  cond: (
    args: { firmId?: string },
    _type: unknown,
    em: { getMetadata(): { find(name: unknown): { properties: object } | undefined } },
    _options: unknown,
    entityName: unknown,
  ) => {
    const meta = em.getMetadata().find(entityName);
    return meta && 'firm' in meta.properties ? { firm: args.firmId } : {};
  },
};

// `entities`: every feature's tables (server/features.ts), passed in so that configuration knows no feature.
export function ormOptions(clientUrl: string, entities: Options['entities'], overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    // PostgreSQL, with the plain-row reads straight on pg (direct-reads.ts).
    driver: DirectReadsDriver,
    discovery: { requireEntitiesArray: true, disableDynamicFileAccess: true },
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList,
      path: 'src/migrations',
      pathTs: 'src/migrations',
      emit: 'ts',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    filters: { tenant: tenantFilter as never },
    // Every tenant row carries its own firm_id, so the filter on the row itself is enough. By
    // default MikroORM would also join every many-to-one target to filter it by firm too: a page of
    // 50 candidacies then joined all of the firm's candidates, and a page cost grew with the firm
    // (test/e2e/read-path.test.ts).
    autoJoinRefsForFilters: false,
    // Tables no entity maps, written by SQL only: the rate limiter's (Migration20261122150100) and
    // the talent pool's maintained competency profile and its per-candidate rollup (Migration20261202090000,
    // Migration20261202142000, profile.repository.ts) and per-mandate match order (Migration20261202151000,
    // match-order.repository.ts), the read-your-writes positions
    // (Migration20261202125500, server/read-routing.ts), the firms' ratings versions
    // (Migration20261202140000, written by triggers).
    schemaGenerator: {
      ignoreSchema: ['rate_limit'],
      skipTables: [
        'candidate_competency_profile',
        'candidate_competency_rollup',
        'talent_pool_match',
        'talent_pool_match_built',
        'talent_pool_match_wanted',
        'principal_write',
        'firm_ratings_version',
      ],
    },
    forceUtcTimezone: true,
    // Entities are read through request forks only; the global manager must not be used.
    allowGlobalContext: false,
    pool: { min: 0, max: 10 },
    ...overrides,
  });
}
