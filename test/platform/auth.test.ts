import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { Session } from '../../src/modules/auth';
import { createUser, User } from '../../src/modules/user';
import { ApiKey } from '../../src/modules/api-key';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, PASSWORD, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import {
  CreateCandidateDocument,
  ApiKeysDocument,
  CreateApiKeyDocument,
  LoginDocument,
  LogoutDocument,
  RevokeApiKeyDocument,
  ViewerDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

describe('login', () => {
  it('should return a session token and the user when the password is right', async () => {
    const { login } = await app.anonymous().data(LoginDocument, {
      input: { email: nordlys.recruiter.email.toUpperCase(), password: PASSWORD },
    });
    expect(login.userErrors).toEqual([]);
    expect(login.token).toMatch(/^oi_session_[\w-]{43}$/);
    expect(login.user).toEqual({
      id: nordlys.recruiter.nodeId,
      email: nordlys.recruiter.email,
      name: nordlys.recruiter.name,
      role: 'RECRUITER',
    });
    const expiresIn = Date.parse(login.expiresAt!) - Date.now();
    expect(expiresIn).toBeGreaterThan(11.9 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(12 * 3600_000);
  });

  it('should give the same answer for a wrong password and an unknown email', async () => {
    const wrongPassword = await app.anonymous().data(LoginDocument, {
      input: { email: nordlys.admin.email, password: 'not the password' },
    });
    const unknownEmail = await app.anonymous().data(LoginDocument, {
      input: { email: 'nobody@nowhere.example', password: PASSWORD },
    });
    const expected = {
      token: null,
      expiresAt: null,
      user: null,
      userErrors: [{ code: 'INVALID_CREDENTIALS', field: ['input'], message: 'The email or password is not correct.' }],
    };
    expect(wrongPassword.login).toEqual(expected);
    expect(unknownEmail.login).toEqual(expected);
  });

  it('should store only a scrypt hash of the password and a SHA-256 of the token', async () => {
    // Made by createUser, as the API and the seeds make users (the fixtures' users have a cheaper hash).
    const email = 'hashed@nordlys.example';
    await app.em().transactional((tx) =>
      createUser(tx as EntityManager, nordlys.firm.id, {
        email,
        name: 'Hashed',
        role: Role.RECRUITER,
        password: PASSWORD,
        clientId: null,
      }),
    );
    const { login } = await app.anonymous().data(LoginDocument, { input: { email, password: PASSWORD } });
    const em = app.em();
    const user = await em.findOneOrFail(User, { email });
    expect(user.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    const sessions = await em.find(Session, { user: user.id });
    expect(sessions.map((session) => session.tokenHash)).toContain(createHash('sha256').update(login.token!).digest('hex'));
    expect(sessions.map((session) => session.tokenHash)).not.toContain(login.token);
  });
});

describe('bearer tokens', () => {
  it('should answer viewer with the user, role and firm of a session token', async () => {
    const { viewer } = await nordlys.asRecruiter.data(ViewerDocument);
    expect(viewer).toEqual({
      kind: 'USER',
      role: 'RECRUITER',
      scopes: [],
      firm: { id: nordlys.firm.nodeId, name: nordlys.firm.name, slug: nordlys.firm.slug },
      user: { id: nordlys.recruiter.nodeId, email: nordlys.recruiter.email, name: nordlys.recruiter.name, role: 'RECRUITER' },
      apiKey: null,
    });
  });

  it('should refuse viewer with UNAUTHENTICATED when no token is sent', async () => {
    const response = await app.anonymous().request(ViewerDocument);
    expect(response.status).toBe(200);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['an unknown session token', 'Bearer oi_session_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['an unknown API key', 'Bearer oi_key_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a token of no known kind', 'Bearer hello'],
    ['a header that is not Bearer', 'Basic dXNlcjpwYXNz'],
    ['an empty Bearer header', 'Bearer '],
  ])('should refuse the request with 401 UNAUTHENTICATED when given %s', async (_case, header) => {
    const response = await app.anonymous().request(ViewerDocument, undefined, { authorization: header });
    expect(response.status).toBe(401);
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('should refuse an expired session token with 401 UNAUTHENTICATED', async () => {
    const { login } = await app.anonymous().data(LoginDocument, { input: { email: nordlys.admin.email, password: PASSWORD } });
    const tokenHash = createHash('sha256').update(login.token!).digest('hex');
    await app.em().nativeUpdate(Session, { tokenHash }, { expiresAt: new Date(Date.now() - 1000) });
    const response = await app.client(login.token!).request(ViewerDocument);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('should end the session on logout so the token stops working', async () => {
    const { login } = await app.anonymous().data(LoginDocument, { input: { email: nordlys.admin.email, password: PASSWORD } });
    const client = app.client(login.token!);
    expect((await client.data(LogoutDocument)).logout).toEqual({ loggedOut: true, userErrors: [] });
    const response = await client.request(ViewerDocument);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('API keys', () => {
  it('should create a key whose secret is shown once and works as a bearer token', async () => {
    const { createApiKey } = await nordlys.asAdmin.data(CreateApiKeyDocument, {
      input: { name: 'Greenhouse sync', scopes: ['CANDIDATES_READ', 'CANDIDATES_WRITE', 'CANDIDATES_READ'] },
    });
    expect(createApiKey.userErrors).toEqual([]);
    expect(createApiKey.secret).toMatch(/^oi_key_[\w-]{43}$/);
    expect(createApiKey.apiKey).toEqual({
      id: expect.any(String),
      name: 'Greenhouse sync',
      scopes: ['CANDIDATES_READ', 'CANDIDATES_WRITE'],
      prefix: createApiKey.secret!.slice(0, 11),
      revokedAt: null,
    });
    const stored = await app.em().findOneOrFail(ApiKey, { name: 'Greenhouse sync' });
    expect(stored.secretHash).toBe(createHash('sha256').update(createApiKey.secret!).digest('hex'));
    expect(stored.lastUsedAt).toBeNull();

    const { viewer } = await app.client(createApiKey.secret!).data(ViewerDocument);
    expect(viewer).toEqual({
      kind: 'API_KEY',
      role: null,
      scopes: ['CANDIDATES_READ', 'CANDIDATES_WRITE'],
      firm: { id: nordlys.firm.nodeId, name: nordlys.firm.name, slug: nordlys.firm.slug },
      user: null,
      apiKey: {
        id: createApiKey.apiKey!.id,
        name: 'Greenhouse sync',
        scopes: ['CANDIDATES_READ', 'CANDIDATES_WRITE'],
        lastUsedAt: expect.any(String),
      },
    });
    const used = await app.em().findOneOrFail(ApiKey, { name: 'Greenhouse sync' });
    expect(used.lastUsedAt).toBeInstanceOf(Date);
  });

  // Found by an independent review: authentication loaded the key into the request's entity
  // manager and set lastUsedAt on it; the first mutation's flush then wrote the key row again,
  // bumping updatedAt (and the authorization matrix saw it change).
  it("should not write the key's row when its first use is a mutation", async () => {
    const { apiKey, client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    const before = await app.em().findOneOrFail(ApiKey, { id: apiKey.id });
    expect(before.lastUsedAt).toBeNull();
    const { createCandidate } = await client.data(CreateCandidateDocument, { input: { firstName: 'Ingrid', lastName: 'Solberg' } });
    expect(createCandidate.userErrors).toEqual([]);
    const after = await app.em().findOneOrFail(ApiKey, { id: apiKey.id });
    expect(after.lastUsedAt).toBeInstanceOf(Date);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('should stop a revoked key at once', async () => {
    const { apiKey, client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ]);
    expect((await client.request(ViewerDocument)).status).toBe(200);
    const { revokeApiKey } = await nordlys.asAdmin.data(RevokeApiKeyDocument, { input: { apiKeyId: apiKey.nodeId } });
    expect(revokeApiKey.userErrors).toEqual([]);
    expect(revokeApiKey.apiKey?.revokedAt).toEqual(expect.any(String));
    const response = await client.request(ViewerDocument);
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('should reject a key without a name or scopes, and store nothing', async () => {
    const before = await app.em().count(ApiKey, {});
    const { createApiKey } = await nordlys.asAdmin.data(CreateApiKeyDocument, { input: { name: '  ', scopes: [] } });
    expect(createApiKey).toEqual({
      apiKey: null,
      secret: null,
      userErrors: [
        { code: 'REQUIRED', field: ['input', 'name'], message: 'name is required.' },
        { code: 'REQUIRED', field: ['input', 'scopes'], message: 'Give the key at least one scope.' },
      ],
    });
    expect(await app.em().count(ApiKey, {})).toBe(before);
  });

  it('should refuse a scope that does not exist as a GraphQL input error', async () => {
    const response = await nordlys.asAdmin.request(CreateApiKeyDocument, {
      input: { name: 'bad', scopes: ['EVERYTHING' as never] },
    });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it.each([
    ['a recruiter', () => nordlys.asRecruiter],
    ['a client user', () => nordlys.asClientUser],
  ])('should refuse key management with FORBIDDEN for %s', async (_who, caller) => {
    const created = await caller().request(CreateApiKeyDocument, { input: { name: 'x', scopes: ['CANDIDATES_READ'] } });
    expect(errorCodes(created)).toEqual(['FORBIDDEN']);
    const listed = await caller().request(ApiKeysDocument, {});
    expect(errorCodes(listed)).toEqual(['FORBIDDEN']);
  });

  it('should refuse key management with FORBIDDEN for an API key, whatever its scopes', async () => {
    const { client } = await nordlys.apiKey(Object.values(ApiKeyScope));
    const response = await client.request(CreateApiKeyDocument, { input: { name: 'x', scopes: ['CANDIDATES_READ'] } });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  it('should refuse to revoke a key of another firm as NOT_FOUND', async () => {
    const other = await createTestFirm(app, 'fjellvik');
    const { apiKey } = await other.apiKey([ApiKeyScope.CANDIDATES_READ]);
    const { revokeApiKey } = await nordlys.asAdmin.data(RevokeApiKeyDocument, { input: { apiKeyId: apiKey.nodeId } });
    expect(revokeApiKey).toEqual({
      apiKey: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'apiKeyId'], message: 'No API key with this id.' }],
    });
    const stored = await app.em().findOneOrFail(ApiKey, apiKey.id);
    expect(stored.revokedAt).toBeNull();
  });
});
