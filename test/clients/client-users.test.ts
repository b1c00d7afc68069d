import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, PASSWORD, signIn, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { insertClient } from '../helpers/mandate-fixtures';
import { CreateUserDocument, UserClientDocument, ViewerClientDocument, type CreateUserInput } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let counter = 0;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

function newEmail(): string {
  counter += 1;
  return `person-${counter}-${Date.now()}@fjordnett.example`;
}

function clientUserInput(overrides: Partial<CreateUserInput> = {}): CreateUserInput {
  return { email: newEmail(), name: 'Kari Nordmann', role: 'CLIENT', password: PASSWORD, clientId: nordlys.client.nodeId, ...overrides };
}

async function storedUserEmails(): Promise<string[]> {
  return (await app.em().find(User, {}, { orderBy: { email: 'asc' } })).map((user) => user.email);
}

describe('createUser', () => {
  it('should create a client user of a client of the firm who can sign in and see their client', async () => {
    const client = await insertClient(app, nordlys, { name: 'Fjordnett AS' });
    const input = clientUserInput({ clientId: client.nodeId });
    const { createUser } = await nordlys.asAdmin.data(CreateUserDocument, { input });
    expect(createUser).toEqual({
      user: {
        id: expect.any(String),
        email: input.email,
        name: 'Kari Nordmann',
        role: 'CLIENT',
        client: { id: client.nodeId, name: 'Fjordnett AS' },
      },
      userErrors: [],
    });
    const stored = await app.em().findOneOrFail(User, { email: input.email });
    expect([stored.firm.id, stored.client?.id, stored.role]).toEqual([nordlys.firm.id, client.id, 'CLIENT']);

    const asNewUser = await signIn(app, input.email);
    const { viewer } = await asNewUser.data(ViewerClientDocument);
    expect(viewer.user).toEqual({ id: createUser.user!.id, client: { id: client.nodeId, name: 'Fjordnett AS' } });
  });

  it.each(['ADMIN', 'RECRUITER'] as const)('should create a %s without a client', async (role) => {
    const { createUser } = await nordlys.asAdmin.data(CreateUserDocument, {
      input: { email: newEmail(), name: 'Ola Konsulent', role, password: PASSWORD },
    });
    expect(createUser.userErrors).toEqual([]);
    expect(createUser.user).toMatchObject({ role, client: null });
  });

  it.each([
    [
      'a CLIENT user without a client',
      { clientId: null },
      { code: 'REQUIRED', field: ['input', 'clientId'], message: 'clientId is required for a CLIENT user.' },
    ],
    [
      'a CLIENT user of a client of another firm',
      { clientId: 'FJELLVIK' },
      { code: 'NOT_FOUND', field: ['input', 'clientId'], message: 'No client with this id.' },
    ],
    [
      'a CLIENT user of a client that does not exist',
      { clientId: toGlobalId('Client', '00000000-0000-4000-8000-000000000000') },
      { code: 'NOT_FOUND', field: ['input', 'clientId'], message: 'No client with this id.' },
    ],
    [
      'a CLIENT user with an id of another type as client',
      { clientId: 'RECRUITER' },
      { code: 'NOT_FOUND', field: ['input', 'clientId'], message: 'No client with this id.' },
    ],
    [
      'a CLIENT user with a malformed client id',
      { clientId: 'garbage' },
      { code: 'NOT_FOUND', field: ['input', 'clientId'], message: 'No client with this id.' },
    ],
    [
      'a RECRUITER with a client',
      { role: 'RECRUITER' as const },
      {
        code: 'INVALID',
        field: ['input', 'clientId'],
        message: 'RECRUITER users belong to the firm, not to a client: leave clientId out.',
      },
    ],
    [
      'an ADMIN with a client',
      { role: 'ADMIN' as const },
      { code: 'INVALID', field: ['input', 'clientId'], message: 'ADMIN users belong to the firm, not to a client: leave clientId out.' },
    ],
  ])('should refuse %s and store nothing', async (_case, overrides, error) => {
    const ids: Record<string, string> = { FJELLVIK: fjellvik.client.nodeId, RECRUITER: nordlys.recruiter.nodeId };
    const given = 'clientId' in overrides ? overrides.clientId : nordlys.client.nodeId;
    const clientId = typeof given === 'string' ? (ids[given] ?? given) : given;
    const before = await storedUserEmails();
    const { createUser } = await nordlys.asAdmin.data(CreateUserDocument, { input: clientUserInput({ ...overrides, clientId }) });
    expect(createUser).toEqual({ user: null, userErrors: [error] });
    expect(await storedUserEmails()).toEqual(before);
  });

  it('should report the client problem together with the other problems of the input', async () => {
    const { createUser } = await nordlys.asAdmin.data(CreateUserDocument, {
      input: { email: nordlys.admin.email, name: '', role: 'CLIENT', password: 'short' },
    });
    expect(createUser.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'name'], message: 'name is required.' },
      { code: 'INVALID', field: ['input', 'password'], message: 'password must be 10 to 200 characters.' },
      { code: 'ALREADY_EXISTS', field: ['input', 'email'], message: 'A user with this email already exists.' },
      { code: 'REQUIRED', field: ['input', 'clientId'], message: 'clientId is required for a CLIENT user.' },
    ]);
  });

  it('should refuse a name over 200 and an email over 254 characters with TOO_LONG and store nothing', async () => {
    const before = await storedUserEmails();
    const { createUser } = await nordlys.asAdmin.data(CreateUserDocument, {
      input: clientUserInput({ email: `${'e'.repeat(244)}@nordlys.no`, name: 'N'.repeat(201) }),
    });
    expect(createUser).toEqual({
      user: null,
      userErrors: [
        { code: 'TOO_LONG', field: ['input', 'email'], message: 'email is longer than 254 characters.' },
        { code: 'TOO_LONG', field: ['input', 'name'], message: 'name is longer than 200 characters.' },
      ],
    });
    expect(await storedUserEmails()).toEqual(before);
  });

  it('should create one user and refuse the others with ALREADY_EXISTS when the same email is added several times at once', async () => {
    const email = newEmail();
    const results = await Promise.all(
      [1, 2, 3].map(() => nordlys.asAdmin.request(CreateUserDocument, { input: clientUserInput({ email }) })),
    );
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
    const userErrors = results.map((result) => result.data!.createUser.userErrors);
    expect([...userErrors].sort((a, b) => a.length - b.length)).toEqual([
      [],
      [{ code: 'ALREADY_EXISTS', field: ['input', 'email'], message: 'A user with this email already exists.' }],
      [{ code: 'ALREADY_EXISTS', field: ['input', 'email'], message: 'A user with this email already exists.' }],
    ]);
    expect((await storedUserEmails()).filter((stored) => stored === email)).toEqual([email]);
  });

  it.each([
    ['recruiter', () => nordlys.asRecruiter],
    ['client user', () => nordlys.asClientUser],
  ])('should refuse a %s as FORBIDDEN', async (_case, caller) => {
    const before = await storedUserEmails();
    const response = await caller().request(CreateUserDocument, { input: clientUserInput() });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await storedUserEmails()).toEqual(before);
  });

  it('should refuse an API key, whatever its scopes, as FORBIDDEN', async () => {
    const { client } = await nordlys.apiKey(Object.values(ApiKeyScope));
    const response = await client.request(CreateUserDocument, { input: clientUserInput() });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('should refuse a caller without a token as UNAUTHENTICATED', async () => {
    const response = await app.anonymous().request(CreateUserDocument, { input: clientUserInput() });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it("should create the user in the admin's own firm only", async () => {
    const input = clientUserInput({ clientId: fjellvik.client.nodeId });
    const { createUser } = await fjellvik.asAdmin.data(CreateUserDocument, { input });
    expect(createUser.userErrors).toEqual([]);
    const stored = await app.em().findOneOrFail(User, { email: input.email });
    expect(stored.firm.id).toBe(fjellvik.firm.id);
    expect((await nordlys.asAdmin.data(UserClientDocument, { id: createUser.user!.id })).node).toBeNull();
  });
});

describe('User.client', () => {
  it.each([
    ['admin', () => nordlys.asAdmin],
    ['recruiter', () => nordlys.asRecruiter],
    ['client user themself', () => nordlys.asClientUser],
  ])("should show the %s a client user's client", async (_case, caller) => {
    const { node } = await caller().data(UserClientDocument, { id: nordlys.clientUser.nodeId });
    expect(node).toEqual({
      id: nordlys.clientUser.nodeId,
      role: 'CLIENT',
      client: { id: nordlys.client.nodeId, name: nordlys.client.name },
    });
  });

  it("should be null for the firm's own staff", async () => {
    const { node } = await nordlys.asAdmin.data(UserClientDocument, { id: nordlys.recruiter.nodeId });
    expect(node).toEqual({ id: nordlys.recruiter.nodeId, role: 'RECRUITER', client: null });
  });

  it('should not show another firm the client user at all', async () => {
    const { node } = await fjellvik.asAdmin.data(UserClientDocument, { id: nordlys.clientUser.nodeId });
    expect(node).toBeNull();
  });
});
