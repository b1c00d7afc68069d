import { randomUUID } from 'node:crypto';
import { toGlobalId } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { AuditEventsDocument } from '../generated/graphql';

// Migration20261203071000 rewrites no row: the rows written before object_ids (and those an older
// build writes during a deploy) keep their one object in object_id, where the filter by object
// and AuditEvent.objectIds find it.
const MIGRATION = 'Migration20261203071000';

let app: TestApp;
let firm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'backfill');
});
afterAll(() => app.close());

it('should find older rows and rows written as before by their object without rewriting them', async () => {
  const migrator = app.orm.getMigrator();
  await migrator.down({ migrations: [MIGRATION] });
  expect((await migrator.getPendingMigrations()).map((migration) => migration.name)).toEqual([MIGRATION]);
  // Rows as the log was written before: a mutation, a read of one candidate, a mutation about no object.
  const candidate = randomUUID();
  const rows = [
    { id: randomUUID(), action: 'updateCandidate', objectType: 'Candidate', objectId: candidate, minute: 1 },
    { id: randomUUID(), action: 'read:Candidate', objectType: 'Candidate', objectId: candidate, minute: 2 },
    { id: randomUUID(), action: 'upsertCandidates', objectType: null, objectId: null, minute: 3 },
  ];
  const connection = app.em().getConnection();
  for (const row of rows) {
    await connection.execute(
      `insert into audit_event (id, firm_id, occurred_at, actor_kind, actor_user_id, action, object_type, object_id, summary)
       values (?, ?, '2026-11-30'::timestamptz + ? * interval '1 minute', 'USER', ?, ?, ?, ?, '{}')`,
      [row.id, firm.firm.id, row.minute, firm.admin.id, row.action, row.objectType, row.objectId],
    );
  }
  await migrator.up({ migrations: [MIGRATION] });
  expect(await migrator.getPendingMigrations()).toEqual([]);
  // An older build still running during the deploy writes a row as before, after the migration.
  const during = { id: randomUUID(), action: 'read:Candidate', objectType: 'Candidate', objectId: candidate, minute: 4 };
  await connection.execute(
    `insert into audit_event (id, firm_id, occurred_at, actor_kind, actor_user_id, action, object_type, object_id, summary)
     values (?, ?, '2026-11-30'::timestamptz + ? * interval '1 minute', 'USER', ?, ?, ?, ?, '{}')`,
    [during.id, firm.firm.id, during.minute, firm.admin.id, during.action, during.objectType, during.objectId],
  );

  const migrated: { id: string; object_id: string | null; object_ids: string[] }[] = await connection.execute(
    `select id, object_id, object_ids from audit_event where id = any(?::uuid[]) order by occurred_at`,
    [`{${[...rows, during].map((row) => row.id).join(',')}}`],
  );
  expect(migrated).toEqual([
    { id: rows[0].id, object_id: candidate, object_ids: [] },
    { id: rows[1].id, object_id: candidate, object_ids: [] },
    { id: rows[2].id, object_id: null, object_ids: [] },
    { id: during.id, object_id: candidate, object_ids: [] },
  ]);
  const objectId = toGlobalId('Candidate', candidate);
  const { auditEvents } = await firm.asAdmin.data(AuditEventsDocument, { filter: { objectId } });
  expect(auditEvents.edges.map(({ node }) => [node.action, node.objectId, node.objectIds])).toEqual([
    ['read:Candidate', objectId, [objectId]],
    ['read:Candidate', objectId, [objectId]],
    ['updateCandidate', objectId, [objectId]],
  ]);
});
