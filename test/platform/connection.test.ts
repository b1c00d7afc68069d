import { ApiKeyScope } from '../../src/common/access';
import { encodeCursor } from '../../src/common/connection';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { ApiKeysDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let keyIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  const other = await createTestFirm(app, 'fjellvik');
  keyIds = [];
  for (let index = 0; index < 5; index++) keyIds.push((await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ])).apiKey.nodeId);
  await other.apiKey([ApiKeyScope.CANDIDATES_READ]);
});
afterAll(() => app.close());

describe('connections', () => {
  it('should page through every item once, in order, with exact pageInfo', async () => {
    const first = await nordlys.asAdmin.data(ApiKeysDocument, { first: 2 });
    expect(first.apiKeys.totalCount).toBe(5);
    expect(first.apiKeys.edges.map((edge) => edge.node.id)).toEqual(keyIds.slice(0, 2));
    expect(first.apiKeys.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.apiKeys.edges[0].cursor,
      endCursor: first.apiKeys.edges[1].cursor,
    });
    const second = await nordlys.asAdmin.data(ApiKeysDocument, { first: 2, after: first.apiKeys.pageInfo.endCursor });
    expect(second.apiKeys.edges.map((edge) => edge.node.id)).toEqual(keyIds.slice(2, 4));
    const third = await nordlys.asAdmin.data(ApiKeysDocument, { first: 2, after: second.apiKeys.pageInfo.endCursor });
    expect(third.apiKeys.edges.map((edge) => edge.node.id)).toEqual(keyIds.slice(4));
    expect(third.apiKeys.pageInfo.hasNextPage).toBe(false);
    expect(third.apiKeys.pageInfo.hasPreviousPage).toBe(true);
  });

  it('should give an empty page with null cursors after the last item', async () => {
    const all = await nordlys.asAdmin.data(ApiKeysDocument, { first: 5 });
    const after = await nordlys.asAdmin.data(ApiKeysDocument, { after: all.apiKeys.pageInfo.endCursor });
    expect(after.apiKeys.edges).toEqual([]);
    expect(after.apiKeys.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it.each([0, -1, 101, 1000])('should refuse first: %d with BAD_USER_INPUT instead of capping', async (first) => {
    const response = await nordlys.asAdmin.request(ApiKeysDocument, { first });
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message: `first must be between 1 and 100, got ${first}.`,
        path: ['apiKeys'],
        locations: expect.any(Array),
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
      },
    ]);
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['valid base64 of no JSON', Buffer.from('hello').toString('base64url')],
    ['a cursor of another list', encodeCursor('candidates', ['2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])],
    ['a cursor of the wrong shape', encodeCursor('apiKeys', ['2026-01-01T00:00:00.000Z'])],
  ])('should refuse %s as after with BAD_USER_INPUT', async (_case, after) => {
    const response = await nordlys.asAdmin.request(ApiKeysDocument, { after });
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
    ]);
  });
});
