import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { toGlobalId } from '../../src/common/global-id';
import { encodeCursor } from '../../src/common/connection';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { firmTableSizes, firmWideScans, readStatements } from '../helpers/plans';
import { generateFirm, type GeneratedFirm } from '../bench/generate-firm';
import { prepareTalentPool } from '../bench/talent-pool-bench';

// Every filter of the talent pool is served by an index on a large firm: no statement of a pool
// page, with any filter, common or rare value, first page or a cursor deep in the order, reads most
// of a firm-sized table. Checked on the plans PostgreSQL really ran (EXPLAIN ANALYZE of every
// SELECT the server sent) on the benchmark's generated firm with every candidate pooled (the same
// preparation as `npm run bench`), a few candidates given a rare location, language and tag.

const CANDIDATES = 20_000;
const RARE = 20;
// The tables that grow with the firm; a page may read a few of their rows, never most of them.
const FIRM_SIZED = ['talent_pool_match', 'candidate', 'candidacy', 'candidate_competency_profile', 'candidate_competency_rollup'];

let app: TestApp;
let firm: GeneratedFirm;
let mandateId: string;
let middle: string;
// A time after which a few candidates were assessed, and how many.
let recent: { since: string; count: number };
let firmRows: Map<string, number>;

beforeAll(async () => {
  app = await startTestApp();
  const em = app.em();
  firm = await generateFirm(em, app.orm.config.get('clientUrl')!, {
    seed: 17,
    candidates: CANDIDATES,
    mandateSizes: [600, 100, 300],
    recruiters: 6,
    clients: 3,
  });
  ({ mandateId } = await prepareTalentPool(em, firm.firmId, firm.mandateIds[0], { assessAll: true }));
  const connection = em.getConnection();
  await connection.execute(
    `update candidate set location = ' TROMSØ ', languages = languages || '{fi}', tags = tags || '{rare-find}'
      where id in (select id from candidate where firm_id = ? order by md5(id::text) limit ?)`,
    [firm.firmId, RARE],
  );
  await connection.execute('analyze candidate');
  firmRows = await firmTableSizes(app, firm.firmId, FIRM_SIZED);
  const [since] = await connection.execute<{ since: string; count: number }[]>(
    `select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as since,
            (select count(*)::int from talent_pool_match where firm_id = ? and mandate_id = ? and last_assessed_at >= t) as count
       from (select date_trunc('second', last_assessed_at) as t from talent_pool_match where firm_id = ? and mandate_id = ?
              order by last_assessed_at desc offset 30 limit 1) s`,
    [firm.firmId, mandateId, firm.firmId, mandateId],
  );
  recent = since;
  // A cursor halfway down the mandate's order.
  const [position] = await connection.execute<Record<string, number | string>[]>(
    `select missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key::text as assessed_key, candidate_id
       from talent_pool_match where firm_id = ? and mandate_id = ?
      order by missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key, candidate_id
      offset ? limit 1`,
    [firm.firmId, mandateId, CANDIDATES / 2],
  );
  middle = encodeCursor(`talentPool:${mandateId}`, [
    position.missed_rank,
    position.unknown_fit_rank,
    position.fit_key,
    position.coverage_key,
    position.assessed_key,
    position.candidate_id,
  ]);
}, 300_000);
afterAll(() => app.close());

const TALENT_POOL = parse(`query PoolPage($id: ID!, $first: Int!, $after: String, $filter: TalentPoolFilter) {
  node(id: $id) { ... on Mandate { talentPool(first: $first, after: $after, filter: $filter) {
    edges { node { candidate { id } fit { fit coverage } } }
  } } }
}`) as TypedDocumentNode<{ node: { talentPool: { edges: unknown[] } } }, Record<string, unknown>>;

// Filters with a common value (the order's walk stops early) and a rare one (another index leads),
// with the size of their first page (null: some; the combined filters). Functions: `recent` is
// known once the firm is made.
const CASES: { name: string; filter: () => Record<string, unknown>; page: () => number | null }[] = [
  { name: 'no filter', filter: () => ({}), page: () => 50 },
  { name: 'minCoverage', filter: () => ({ minCoverage: 0.8 }), page: () => 50 },
  { name: 'assessedSince, most candidates', filter: () => ({ assessedSince: '2024-03-01T00:00:00Z' }), page: () => 50 },
  { name: 'assessedSince, a few candidates', filter: () => ({ assessedSince: recent.since }), page: () => Math.min(50, recent.count) },
  { name: 'assessedSince, nobody', filter: () => ({ assessedSince: '2027-01-01T00:00:00Z' }), page: () => 0 },
  { name: 'locations, a common one', filter: () => ({ locations: ['oslo'] }), page: () => 50 },
  { name: 'locations, a rare one', filter: () => ({ locations: ['Tromsø'] }), page: () => RARE },
  { name: 'languages, a common one', filter: () => ({ languages: ['sv'] }), page: () => 50 },
  { name: 'languages, a rare one', filter: () => ({ languages: ['fi'] }), page: () => RARE },
  { name: 'tags, a common one', filter: () => ({ tags: ['board'] }), page: () => 50 },
  { name: 'tags, a rare one', filter: () => ({ tags: ['rare-find'] }), page: () => RARE },
  { name: 'includePipeline', filter: () => ({ includePipeline: true }), page: () => 50 },
  {
    name: 'every filter at once',
    filter: () => ({
      minCoverage: 0.5,
      assessedSince: '2024-03-01T00:00:00Z',
      locations: ['Oslo', 'Bergen'],
      languages: ['sv', 'da'],
      tags: ['board'],
    }),
    page: () => null,
  },
];

describe('the talent pool filters on a large firm', () => {
  it.each(CASES)(
    'should read a page filtered by $name, first and deep in the order, without scanning the firm',
    async ({ filter, page }) => {
      const api = app.client(firm.apiKeySecret);
      const id = toGlobalId('Mandate', mandateId);
      for (const after of [null, middle]) {
        let edges: unknown[] = [];
        const statements = await app.recordStatements(async () => {
          edges = (await api.data(TALENT_POOL, { id, first: 50, after, filter: filter() })).node.talentPool.edges;
        });
        // The first page really found its rows, so the plan is the one that finds them.
        const size = page();
        if (after === null && size !== null) expect(edges).toHaveLength(size);
        if (after === null && size === null) expect(edges.length).toBeGreaterThan(0);
        expect(readStatements(statements).some((statement) => statement.sql.includes('talent_pool_match'))).toBe(true);
        expect(await firmWideScans(app, statements, firmRows)).toEqual([]);
      }
    },
  );
});
