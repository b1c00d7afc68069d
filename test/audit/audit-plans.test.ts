import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { firmTableSizes, firmWideScans, readStatements } from '../helpers/plans';
import { AuditEventsDocument } from '../generated/graphql';

// auditEvents(filter: { objectId }) on a firm with a few thousand audit rows, most of them reads
// of a page of 50 candidates (one row naming all 50): the rows naming the object are found through
// the GIN index on object_ids (and object_id's own index for rows of one object), never by walking
// the firm's log (which the order, newest first, would invite). Checked on the plans PostgreSQL really ran (EXPLAIN ANALYZE of the reads sent).

const PAGES = 4_000;
// Named in every 10th page read.
const COMMON_EVERY = 10;

let app: TestApp;
let firm: TestFirm;
let other: TestFirm;
const rare = randomUUID();
const common = randomUUID();
let sizes: Map<string, number>;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'ledger');
  other = await createTestFirm(app, 'otherledger');
  const connection = app.em().getConnection();
  // The oldest rows name the rare candidate: a mutation about it, then two reads of pages with it.
  await connection.execute(
    `insert into audit_event (id, firm_id, occurred_at, actor_kind, actor_user_id, action, object_type, object_id, object_ids, summary)
     select gen_random_uuid(), ?, '2026-01-01'::timestamptz + g * interval '1 minute', 'USER', ?,
            case when g = 0 then 'updateCandidate' else 'read:Candidate' end, 'Candidate', case when g = 0 then ?::uuid end,
            case when g = 0 then array[?::uuid] else array[?::uuid] || array(select gen_random_uuid() from generate_series(1, 49 + 0 * g)) end,
            '{}'::jsonb
       from generate_series(0, 2) g`,
    [firm.firm.id, firm.recruiter.id, rare, rare, rare],
  );
  // Then pages of 50 candidates, the common one in every 10th; the other firm's log alongside.
  for (const [firmId, commonId] of [
    [firm.firm.id, common],
    [other.firm.id, randomUUID()],
  ]) {
    await connection.execute(
      `insert into audit_event (id, firm_id, occurred_at, actor_kind, actor_user_id, action, object_type, object_id, object_ids, summary)
       select gen_random_uuid(), ?, '2026-02-01'::timestamptz + g * interval '1 minute', 'USER', null, 'read:Candidate', 'Candidate', null,
              case when g % ? = 0 then array[?::uuid] else '{}' end || array(select gen_random_uuid() from generate_series(1, 49 + 0 * g)),
              '{"fields": ["email"]}'::jsonb
         from generate_series(1, ?) g`,
      [firmId, COMMON_EVERY, commonId, PAGES],
    );
  }
  await connection.execute('analyze audit_event');
  sizes = await firmTableSizes(app, firm.firm.id, ['audit_event']);
}, 120_000);
afterAll(() => app.close());

interface PlanNode {
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesOf(node: PlanNode, into: string[] = []): string[] {
  if (node['Index Name']) into.push(node['Index Name']);
  for (const child of node.Plans ?? []) indexesOf(child, into);
  return into;
}

describe('auditEvents filtered by an object, on a firm of a few thousand rows', () => {
  // A common object may also be found by walking the log newest first (its rows are soon met);
  // a rare one only through the index.
  it.each([
    { name: 'a rare object, named in its oldest rows', id: () => rare, count: 3, gin: true },
    { name: 'a common object, named in every 10th read', id: () => common, count: PAGES / COMMON_EVERY, gin: false },
  ])('should read the rows naming $name without walking the firm log', async ({ id, count, gin }) => {
    // The rows above and the fixture's three sign-ins.
    expect(sizes.get('audit_event')).toBe(PAGES + 3 + 3);
    const objectId = toGlobalId('Candidate', id());
    let after: string | null = null;
    let seen = 0;
    // The first page and the next (a keyset condition more).
    for (let page = 0; page < 2; page++) {
      let totalCount = 0;
      let ids: string[][] = [];
      let next: string | null = null;
      const statements = await app.recordStatements(async () => {
        const { auditEvents } = await firm.asAdmin.data(AuditEventsDocument, { filter: { objectId }, first: 20, after });
        totalCount = auditEvents.totalCount;
        ids = auditEvents.edges.map((edge) => edge.node.objectIds);
        next = auditEvents.pageInfo.endCursor;
      });
      expect(totalCount).toBe(count);
      expect(ids).toHaveLength(Math.min(20, count - seen));
      for (const objectIds of ids) expect(objectIds).toContain(objectId);
      seen += ids.length;
      after = next;
      const reads = readStatements(statements).filter((statement) => statement.sql.includes('audit_event'));
      // The page and its count. For the rare object, the first page and the count through the two
      // indexes of the filter alone (the next page's cursor is past its oldest row: the log's own index finds nothing there).
      expect(reads).toHaveLength(2);
      const connection = app.em().getConnection();
      for (const { sql, bindings } of gin && page === 0 ? reads : []) {
        const [explained] = await connection.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
          `explain (analyze, format json) ${sql}`,
          bindings,
        );
        // Rows of one object through object_id's index, rows of several through the GIN index.
        expect(indexesOf(explained['QUERY PLAN'][0].Plan)).toEqual([
          'audit_event_firm_id_object_id_occurred_at_index',
          'audit_event_object_ids_index',
        ]);
      }
      expect(await firmWideScans(app, statements, sizes)).toEqual([]);
    }
  });

  // New rows wait in the GIN index's pending list until it passes its limit; the planner counts
  // that list into the index's cost, and with a few MB pending it chose to scan the whole log
  // (CI, stop 26). Checked at every fill of the list, from as it is to the merge.
  it('should keep to the indexes however full the GIN index pending list is', async () => {
    const connection = app.em().getConnection();
    await connection.execute('create extension if not exists pgstattuple');
    const pending = async () =>
      (
        await connection.execute<{ pages: number }[]>(`select pending_pages as pages from pgstatginindex('audit_event_object_ids_index')`)
      )[0].pages;
    const statements = await app.recordStatements(async () => {
      await firm.asAdmin.data(AuditEventsDocument, { filter: { objectId: toGlobalId('Candidate', rare) }, first: 20 });
    });
    const reads = readStatements(statements).filter((statement) => statement.sql.includes('audit_event'));
    expect(reads).toHaveLength(2);
    let before = await pending();
    let fills = 0;
    for (;;) {
      for (const { sql, bindings } of reads) {
        const [explained] = await connection.execute<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`explain (format json) ${sql}`, bindings);
        expect({ pending: before, indexes: indexesOf(explained['QUERY PLAN'][0].Plan) }).toEqual({
          pending: before,
          indexes: ['audit_event_firm_id_object_id_occurred_at_index', 'audit_event_object_ids_index'],
        });
      }
      // Ten more page reads of the other firm (this firm's rows stay as the tests above count them);
      // `0 * g` ties the ids' subquery to its row, so that each row gets ids of its own.
      await connection.execute(
        `insert into audit_event (id, firm_id, occurred_at, actor_kind, action, object_type, object_ids, summary)
         select gen_random_uuid(), ?, now(), 'USER', 'read:Candidate', 'Candidate',
                array(select gen_random_uuid() from generate_series(1, 50 + 0 * g)), '{}'::jsonb
           from generate_series(1, 10) g`,
        [other.firm.id],
      );
      const after = await pending();
      fills++;
      // The list was merged into the index: every fill has been seen.
      if (after < before) break;
      before = after;
    }
    // A merge at a few hundred rows' worth of ids, not at 4 MB (about 4,000 page reads).
    expect(fills).toBeLessThan(40);
  }, 120_000);
});
