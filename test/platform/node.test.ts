import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { NodeDocument, NodesDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

describe('node and nodes', () => {
  it('should return a user of the own firm with its type', async () => {
    const { node } = await nordlys.asRecruiter.data(NodeDocument, { id: nordlys.admin.nodeId });
    expect(node).toEqual({ __typename: 'User', id: nordlys.admin.nodeId, email: nordlys.admin.email, role: 'ADMIN' });
  });

  it('should return the own firm', async () => {
    const { node } = await nordlys.asClientUser.data(NodeDocument, { id: nordlys.firm.nodeId });
    expect(node).toEqual({ __typename: 'Firm', id: nordlys.firm.nodeId, name: nordlys.firm.name });
  });

  it('should answer null for objects of another firm, exactly as for ids that do not exist', async () => {
    const otherFirmsUser = await nordlys.asAdmin.request(NodeDocument, { id: fjellvik.admin.nodeId });
    const otherFirm = await nordlys.asAdmin.request(NodeDocument, { id: fjellvik.firm.nodeId });
    const missing = await nordlys.asAdmin.request(NodeDocument, {
      id: toGlobalId('User', '00000000-0000-4000-8000-000000000000'),
    });
    for (const response of [otherFirmsUser, otherFirm, missing]) {
      expect(response.status).toBe(200);
      expect(JSON.parse(response.raw)).toEqual({ data: { node: null } });
    }
  });

  it.each([
    ['garbage', 'not-an-id'],
    ['an empty id', ''],
    ['an unknown type', toGlobalId('Spaceship', '00000000-0000-4000-8000-000000000000')],
    ['a type with a bad uuid', toGlobalId('User', '1; drop table "user"')],
    ['a very long id', 'A'.repeat(5000)],
  ])('should answer null, not an error, for %s', async (_case, id) => {
    const response = await nordlys.asAdmin.request(NodeDocument, { id });
    expect(JSON.parse(response.raw)).toEqual({ data: { node: null } });
  });

  it('should keep order and put null where an id is not visible', async () => {
    const { nodes } = await nordlys.asAdmin.data(NodesDocument, {
      ids: [nordlys.recruiter.nodeId, fjellvik.recruiter.nodeId, 'junk', nordlys.firm.nodeId, nordlys.recruiter.nodeId],
    });
    expect(nodes).toEqual([
      { __typename: 'User', id: nordlys.recruiter.nodeId },
      null,
      null,
      { __typename: 'Firm', id: nordlys.firm.nodeId },
      { __typename: 'User', id: nordlys.recruiter.nodeId },
    ]);
  });

  it('should let a client user see only themself among the users', async () => {
    const { nodes } = await nordlys.asClientUser.data(NodesDocument, {
      ids: [nordlys.clientUser.nodeId, nordlys.recruiter.nodeId, nordlys.admin.nodeId],
    });
    expect(nodes).toEqual([{ __typename: 'User', id: nordlys.clientUser.nodeId }, null, null]);
  });

  it('should show API keys to admins only, and a key to itself', async () => {
    const { apiKey, client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ]);
    expect((await nordlys.asAdmin.data(NodeDocument, { id: apiKey.nodeId })).node).toEqual({
      __typename: 'ApiKey',
      id: apiKey.nodeId,
      name: apiKey.name,
    });
    expect((await nordlys.asRecruiter.data(NodeDocument, { id: apiKey.nodeId })).node).toBeNull();
    expect((await fjellvik.asAdmin.data(NodeDocument, { id: apiKey.nodeId })).node).toBeNull();
    expect((await client.data(NodeDocument, { id: apiKey.nodeId })).node).toEqual({
      __typename: 'ApiKey',
      id: apiKey.nodeId,
      name: apiKey.name,
    });
    expect((await client.data(NodeDocument, { id: nordlys.admin.nodeId })).node).toBeNull();
  });

  it('should refuse node without a token as UNAUTHENTICATED', async () => {
    const response = await app.anonymous().request(NodeDocument, { id: nordlys.admin.nodeId });
    expect(response.data).toEqual({ node: null });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('should refuse more than 100 ids', async () => {
    const response = await nordlys.asAdmin.request(NodesDocument, { ids: Array(101).fill(nordlys.admin.nodeId) });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.argumentName).toBe('ids');
  });
});

describe('SQL statements', () => {
  it('should load any number of nodes of one type with the same number of statements', async () => {
    const few = await app.countStatements(() => nordlys.asAdmin.data(NodesDocument, { ids: [nordlys.admin.nodeId] }));
    const many = await app.countStatements(() =>
      nordlys.asAdmin.data(NodesDocument, {
        ids: [nordlys.admin.nodeId, nordlys.recruiter.nodeId, nordlys.clientUser.nodeId, nordlys.firm.nodeId],
      }),
    );
    // One more statement for the second type (Firm), none for more users.
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few + 1);
  });
});
