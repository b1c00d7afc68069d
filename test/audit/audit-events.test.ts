import { ApiKeyScope } from '../../src/common/access';
import { fromGlobalId, toGlobalId } from '../../src/common/global-id';
import { AuditEvent } from '../../src/modules/audit';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { insertCandidate } from '../helpers/candidate-fixtures';
import {
  AuditEventsDocument,
  CandidatesContactDocument,
  CreateCandidateDocument,
  NodeDocument,
  UpdateCandidateDocument,
  UpsertCandidatesFullDocument,
  type AuditEventFilter,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let candidateId: string;
let apiKeyId: string;
// The candidates the API key's sync wrote.
let synced: string[];
let since: Date;
let middle: Date;

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

// In firm nordlys, after `since`: the admin creates a candidate, the recruiter gives it an email
// (and reads it back in the payload; `middle` falls here), an ATS key upserts two candidates,
// the recruiter reads the email.
beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  await pause();
  since = new Date();
  const created = await nordlys.asAdmin.data(CreateCandidateDocument, { input: { firstName: 'Ingrid', lastName: 'Haugland' } });
  candidateId = created.createCandidate.candidate!.id;
  await nordlys.asRecruiter.data(UpdateCandidateDocument, { input: { candidateId, email: 'ingrid.haugland@private.example' } });
  await pause();
  middle = new Date();
  await pause();
  const { apiKey, client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
  apiKeyId = toGlobalId('ApiKey', apiKey.id);
  const { upsertCandidates } = await client.data(UpsertCandidatesFullDocument, {
    input: {
      candidates: [
        { externalRef: { system: 'sap', externalId: 'sap-1' }, firstName: 'Ola', lastName: 'Berg' },
        { externalRef: { system: 'sap', externalId: 'sap-2' }, firstName: 'Siri', lastName: 'Dahl' },
      ],
    },
  });
  synced = upsertCandidates.results.map((result) => result.candidate!.id).sort();
  await nordlys.asRecruiter.data(CandidatesContactDocument, { first: 1 });
  // Something in the other firm, about the same time.
  await fjellvik.asAdmin.data(CreateCandidateDocument, { input: { firstName: 'Per', lastName: 'Lunde' } });
});
afterAll(() => app.close());

async function events(filter: AuditEventFilter, first = 100, after?: string) {
  const { auditEvents } = await nordlys.asAdmin.data(AuditEventsDocument, { filter, first, after });
  return auditEvents;
}

const actions = (connection: Awaited<ReturnType<typeof events>>) => connection.edges.map((edge) => edge.node.action);

describe('auditEvents', () => {
  it("should list the firm's events newest first, with actor, object, summary and request id", async () => {
    const page = await events({ since: since.toISOString() });
    expect(actions(page)).toEqual(['read:Candidate', 'upsertCandidates', 'read:Candidate', 'updateCandidate', 'createCandidate']);
    expect(page.totalCount).toBe(5);
    const update = page.edges[3].node;
    expect(update).toEqual({
      id: expect.any(String),
      occurredAt: expect.any(String),
      actorKind: 'USER',
      actorId: nordlys.recruiter.nodeId,
      action: 'updateCandidate',
      objectType: 'Candidate',
      objectId: candidateId,
      objectIds: [candidateId],
      summary: { input: { candidateId, email: '[redacted]' }, result: { version: 2 } },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // A sync names no main object: the candidates it wrote.
    expect(page.edges[1].node).toMatchObject({
      actorKind: 'API_KEY',
      actorId: apiKeyId,
      objectType: 'Candidate',
      objectId: null,
      objectIds: synced,
    });
    const times = page.edges.map((edge) => Date.parse(edge.node.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('should filter by action, actor, object and time', async () => {
    expect(actions(await events({ since: since.toISOString(), action: 'updateCandidate' }))).toEqual(['updateCandidate']);
    expect(actions(await events({ since: since.toISOString(), actorId: nordlys.recruiter.nodeId }))).toEqual([
      'read:Candidate',
      'read:Candidate',
      'updateCandidate',
    ]);
    expect(actions(await events({ actorId: apiKeyId }))).toEqual(['upsertCandidates']);
    for (const objectId of synced) expect(actions(await events({ objectId }))).toEqual(['upsertCandidates']);
    expect(actions(await events({ objectId: candidateId }))).toEqual([
      'read:Candidate',
      'read:Candidate',
      'updateCandidate',
      'createCandidate',
    ]);
    expect(actions(await events({ since: since.toISOString(), until: middle.toISOString() }))).toEqual([
      'read:Candidate',
      'updateCandidate',
      'createCandidate',
    ]);
    expect(actions(await events({ since: middle.toISOString(), action: 'createCandidate' }))).toEqual([]);
    // Sign-ins of the fixture, before `since`: the admin's own.
    expect(actions(await events({ until: since.toISOString(), actorId: nordlys.admin.nodeId }))).toEqual(['login']);
  });

  it('should page through every event once, newest first, with keyset cursors', async () => {
    const all = await events({});
    expect(all.totalCount).toBe(all.edges.length);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await events({}, 2, after);
      seen.push(...page.edges.map((edge) => edge.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all.edges.map((edge) => edge.node.id));
    expect(pages).toBe(Math.ceil(all.edges.length / 2));
  });

  it("should show a firm only its own events, and hide another firm's like missing ones", async () => {
    const { auditEvents } = await fjellvik.asAdmin.data(AuditEventsDocument, { first: 100 });
    expect(actions(auditEvents).sort()).toEqual(['createCandidate', 'login', 'login', 'login']);
    const em = app.em();
    for (const { node } of auditEvents.edges) {
      const event = await em.findOneOrFail(AuditEvent, fromGlobalId(node.id)!.id);
      expect(event.firm.id).toBe(fjellvik.firm.id);
    }
    expect((await fjellvik.asAdmin.data(AuditEventsDocument, { filter: { objectId: candidateId } })).auditEvents.totalCount).toBe(0);
    const nordlysEvent = (await events({ action: 'updateCandidate' })).edges[0].node.id;
    expect((await nordlys.asAdmin.data(NodeDocument, { id: nordlysEvent })).node).toEqual({ __typename: 'AuditEvent', id: nordlysEvent });
    expect((await fjellvik.asAdmin.data(NodeDocument, { id: nordlysEvent })).node).toBeNull();
  });

  it('should refuse recruiters, client users and API keys, and anyone not signed in', async () => {
    const { client: allScopes } = await nordlys.apiKey(Object.values(ApiKeyScope));
    for (const caller of [nordlys.asRecruiter, nordlys.asClientUser, allScopes]) {
      const response = await caller.request(AuditEventsDocument, {});
      expect([response.status, errorCodes(response), response.data]).toEqual([200, ['FORBIDDEN'], null]);
    }
    expect(errorCodes(await app.anonymous().request(AuditEventsDocument, {}))).toEqual(['UNAUTHENTICATED']);
    const nordlysEvent = (await events({ action: 'updateCandidate' })).edges[0].node.id;
    expect((await nordlys.asRecruiter.data(NodeDocument, { id: nordlysEvent })).node).toBeNull();
  });

  it('should find a read of several objects by each of them: objectId null, objectIds naming them all', async () => {
    const vinterly = await createTestFirm(app, 'vinterly');
    const read = [];
    for (const name of ['Astrid', 'Bjørn', 'Cecilie']) {
      read.push(await insertCandidate(app, vinterly, { firstName: name, lastName: 'Vik', email: `${name}.vik@private.example` }));
    }
    await vinterly.asRecruiter.data(CandidatesContactDocument, { first: 10 });
    await vinterly.asRecruiter.data(UpdateCandidateDocument, { input: { candidateId: read[1].nodeId, headline: 'CFO' } });
    const page = (filter: AuditEventFilter) => vinterly.asAdmin.data(AuditEventsDocument, { filter, first: 10 });
    const pageRead = {
      action: 'read:Candidate',
      objectType: 'Candidate',
      objectId: null,
      objectIds: [...read].sort((a, b) => a.id.localeCompare(b.id)).map((candidate) => candidate.nodeId),
      summary: { fields: ['email'] },
    };
    const found = await page({ objectId: read[0].nodeId });
    expect([found.auditEvents.totalCount, found.auditEvents.edges.map((edge) => edge.node)]).toEqual([
      1,
      [expect.objectContaining(pageRead)],
    ]);
    // The updated one: its mutation and the payload's read of its email (about it alone), and the page that named it.
    const updated = await page({ objectId: read[1].nodeId });
    expect(updated.auditEvents.edges.map(({ node }) => [node.action, node.objectId, node.objectIds, node.summary])).toEqual([
      ['read:Candidate', read[1].nodeId, [read[1].nodeId], { fields: ['email'] }],
      [
        'updateCandidate',
        read[1].nodeId,
        [read[1].nodeId],
        { input: { candidateId: read[1].nodeId, headline: '[redacted]' }, result: { version: 2 } },
      ],
      [pageRead.action, null, pageRead.objectIds, pageRead.summary],
    ]);
    expect(updated.auditEvents.totalCount).toBe(3);
    // Another firm's admin finds none of it.
    expect((await nordlys.asAdmin.data(AuditEventsDocument, { filter: { objectId: read[2].nodeId } })).auditEvents.totalCount).toBe(0);
  });

  it('should refuse an actorId that is no user or key, and an objectId that is no id of ours', async () => {
    for (const filter of [{ actorId: candidateId }, { objectId: 'not-an-id' }]) {
      const response = await nordlys.asAdmin.request(AuditEventsDocument, { filter });
      expect(response.errors?.map((error) => [error.extensions?.code, error.extensions?.argumentName])).toEqual([
        ['BAD_USER_INPUT', 'filter'],
      ]);
    }
  });
});
