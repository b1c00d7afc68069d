import { ApiKey } from '../../src/modules/api-key';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { CreateApiKeyDocument, ViewerDocument } from '../generated/graphql';

// What issue 5 asks of users and keys beyond what test/clients/client-users.test.ts (a CLIENT user
// without a client, or with another firm's client) and test/platform/auth.test.ts (keys without
// scopes, revoked keys) pin already; who may call what is in authorization-matrix.test.ts.

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

describe('createApiKey with scopes that do not exist', () => {
  it.each([
    ['an unknown scope name', ['CANDIDATES_READ', 'EVERYTHING']],
    ['a scope written as stored instead of by its name', ['candidates:read']],
    ['a scope in lower case', ['mandates_read']],
  ])('should refuse %s with a GraphQL input error naming it, and store no key', async (_case, scopes) => {
    const before = await app.em().count(ApiKey, {});
    const response = await nordlys.asAdmin.request(CreateApiKeyDocument, { input: { name: 'ATS', scopes: scopes as never } });
    expect(response.status).toBe(400);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const bad = scopes.at(-1)!;
    expect(response.errors![0].message).toContain(`Value "${bad}" does not exist in "ApiKeyScope" enum.`);
    expect(await app.em().count(ApiKey, {})).toBe(before);
  });
});

describe('viewer', () => {
  it('should show a client user their role, no scopes, and their firm', async () => {
    const { viewer } = await nordlys.asClientUser.data(ViewerDocument);
    expect(viewer).toEqual({
      kind: 'USER',
      role: 'CLIENT',
      scopes: [],
      firm: { id: nordlys.firm.nodeId, name: nordlys.firm.name, slug: nordlys.firm.slug },
      user: { id: nordlys.clientUser.nodeId, email: nordlys.clientUser.email, name: nordlys.clientUser.name, role: 'CLIENT' },
      apiKey: null,
    });
  });
});
