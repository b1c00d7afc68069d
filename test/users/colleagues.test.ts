import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { createUser, User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, PASSWORD, signIn, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import {
  ColleaguesDocument,
  DeactivateUserDocument,
  LoginDocument,
  ReactivateUserDocument,
  UpdateUserDocument,
  ViewerDocument,
} from '../generated/graphql';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

// A colleague with the fixtures' password, written straight to the database.
async function addColleague(firm: TestFirm, role: Role, name: string): Promise<User> {
  return app.em().transactional(async (tx) => {
    const user = await createUser(tx as EntityManager, firm.firm.id, {
      email: `${name.toLowerCase().replace(/ /g, '.')}-${randomUUID().slice(0, 8)}@colleagues.example`,
      name,
      role,
      password: PASSWORD,
    });
    await tx.flush();
    return user;
  });
}

async function stored(user: User) {
  const row = await app.em().findOneOrFail(User, user.id, { filters: { tenant: false }, disableIdentityMap: true });
  return { name: row.name, role: row.role, version: row.version, deactivatedAt: row.deactivatedAt };
}

async function sessionsOf(user: User): Promise<number> {
  const [row] = await app.em().getConnection().execute<{ count: string }[]>('select count(*) from session where user_id = ?', [user.id]);
  return Number(row.count);
}

async function isSignedIn(client: GraphQLClient): Promise<boolean> {
  const response = await client.request(ViewerDocument);
  if (response.data?.viewer) return true;
  expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  return false;
}

async function login(email: string) {
  const { login } = await app.anonymous().data(LoginDocument, { input: { email, password: PASSWORD } });
  return login;
}

describe('updateUser', () => {
  let firm: TestFirm;
  beforeAll(async () => {
    firm = await createTestFirm(app, 'colleagues');
  });

  it("should change a colleague's name and role, raise the version, and refuse a stale version with nothing written", async () => {
    const kari = await addColleague(firm, Role.RECRUITER, 'Kari Nordmann');
    const { updateUser } = await firm.asAdmin.data(UpdateUserDocument, {
      input: { userId: kari.nodeId, name: '  Kari Nordmann-Dahl ', role: 'ADMIN', expectedVersion: 1 },
    });
    expect(updateUser).toEqual({
      user: { id: kari.nodeId, name: 'Kari Nordmann-Dahl', role: 'ADMIN', active: true, deactivatedAt: null, version: 2 },
      userErrors: [],
    });
    const stale = await firm.asAdmin.data(UpdateUserDocument, { input: { userId: kari.nodeId, name: 'Someone else', expectedVersion: 1 } });
    expect(stale.updateUser.user).toBeNull();
    expect(stale.updateUser.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'CONFLICT', field: ['input', 'expectedVersion'] },
    ]);
    expect(await stored(kari)).toEqual({ name: 'Kari Nordmann-Dahl', role: Role.ADMIN, version: 2, deactivatedAt: null });
  });

  it('should refuse the CLIENT role, client users, unknown ids, an empty name and demoting the last active admin, writing nothing', async () => {
    const bjorn = await addColleague(firm, Role.RECRUITER, 'Bjørn Dahl');
    const cases = [
      [{ userId: bjorn.nodeId, role: 'CLIENT' as const }, 'INVALID', ['input', 'role']],
      [{ userId: firm.clientUser.nodeId, name: 'New name' }, 'INVALID', ['input', 'userId']],
      [{ userId: 'not an id', name: 'New name' }, 'NOT_FOUND', ['input', 'userId']],
      [{ userId: bjorn.nodeId, name: '   ' }, 'REQUIRED', ['input', 'name']],
    ] as const;
    for (const [input, code, field] of cases) {
      const { updateUser } = await firm.asAdmin.data(UpdateUserDocument, { input });
      expect(updateUser.userErrors.map((error) => ({ code: error.code, field: error.field }))).toEqual([{ code, field }]);
    }
    expect(await stored(bjorn)).toEqual({ name: 'Bjørn Dahl', role: Role.RECRUITER, version: 1, deactivatedAt: null });

    // A firm of its own, so that its admin is the only one.
    const lonely = await createTestFirm(app, 'lonely');
    const { updateUser } = await lonely.asAdmin.data(UpdateUserDocument, { input: { userId: lonely.admin.nodeId, role: 'RECRUITER' } });
    expect(updateUser.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([{ code: 'LAST_ADMIN', field: ['input', 'role'] }]);
    expect((await stored(lonely.admin)).role).toBe(Role.ADMIN);
  });
});

describe('deactivateUser and reactivateUser', () => {
  let firm: TestFirm;
  beforeAll(async () => {
    firm = await createTestFirm(app, 'deactivation');
  });

  it('should end the sessions at once, refuse sign-in as a wrong password, and let the user back in once reactivated', async () => {
    const anders = await addColleague(firm, Role.RECRUITER, 'Anders Lie');
    const asAnders = await signIn(app, anders.email);
    const onPhone = await signIn(app, anders.email);
    expect(await isSignedIn(asAnders)).toBe(true);

    const { deactivateUser } = await firm.asAdmin.data(DeactivateUserDocument, { input: { userId: anders.nodeId } });
    expect(deactivateUser.userErrors).toEqual([]);
    expect(deactivateUser.user).toMatchObject({ id: anders.nodeId, active: false, version: 2 });
    expect(deactivateUser.user?.deactivatedAt).not.toBeNull();
    expect(await isSignedIn(asAnders)).toBe(false);
    expect(await isSignedIn(onPhone)).toBe(false);
    expect(await sessionsOf(anders)).toBe(0);
    const refused = await login(anders.email);
    expect(refused.token).toBeNull();
    expect(refused.userErrors.map(({ code, field }) => ({ code, field }))).toEqual([{ code: 'INVALID_CREDENTIALS', field: ['input'] }]);

    // Deactivating again changes nothing.
    const again = await firm.asAdmin.data(DeactivateUserDocument, { input: { userId: anders.nodeId } });
    expect(again.deactivateUser.user?.version).toBe(2);

    const listed = async (active: boolean) =>
      (await firm.asAdmin.data(ColleaguesDocument, { filter: { active } })).users.nodes.map((edge) => edge.node.id);
    expect(await listed(false)).toEqual([anders.nodeId]);
    expect(await listed(true)).toEqual(expect.not.arrayContaining([anders.nodeId]));
    expect(await listed(true)).toEqual(expect.arrayContaining([firm.admin.nodeId, firm.recruiter.nodeId]));

    const { reactivateUser } = await firm.asAdmin.data(ReactivateUserDocument, { input: { userId: anders.nodeId } });
    expect(reactivateUser).toEqual({
      user: { id: anders.nodeId, name: 'Anders Lie', role: 'RECRUITER', active: true, deactivatedAt: null, version: 3 },
      userErrors: [],
    });
    // The old sessions stay ended; a new sign-in works.
    expect(await isSignedIn(asAnders)).toBe(false);
    expect((await login(anders.email)).token).toEqual(expect.any(String));
  });

  it('should refuse deactivating yourself (SELF), client users and unknown ids, writing nothing', async () => {
    const cases = [
      [firm.admin.nodeId, 'SELF'],
      [firm.clientUser.nodeId, 'INVALID'],
      ['not an id', 'NOT_FOUND'],
    ] as const;
    for (const [userId, code] of cases) {
      const { deactivateUser } = await firm.asAdmin.data(DeactivateUserDocument, { input: { userId } });
      expect(deactivateUser.userErrors.map((error) => ({ code: error.code, field: error.field }))).toEqual([
        { code, field: ['input', 'userId'] },
      ]);
    }
    expect((await stored(firm.admin)).deactivatedAt).toBeNull();
    expect(await isSignedIn(firm.asAdmin)).toBe(true);
    expect(await isSignedIn(firm.asClientUser)).toBe(true);
  });

  it('should keep one active admin when two admins deactivate each other at the same moment', async () => {
    const pair = await createTestFirm(app, 'pair');
    const second = await addColleague(pair, Role.ADMIN, 'Second Admin');
    const asSecond = await signIn(app, second.email);
    const responses = await Promise.all([
      pair.asAdmin.request(DeactivateUserDocument, { input: { userId: second.nodeId } }),
      asSecond.request(DeactivateUserDocument, { input: { userId: pair.admin.nodeId } }),
    ]);
    // The loser either waited for the winner's lock (LAST_ADMIN) or came in after its commit,
    // when its own session had already ended (UNAUTHENTICATED).
    const outcomes = responses.map(
      (response) => errorCodes(response).join() || response.data!.deactivateUser.userErrors.map((error) => error.code).join() || 'done',
    );
    expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome !== 'done')).toEqual([expect.stringMatching(/^(LAST_ADMIN|UNAUTHENTICATED)$/)]);
    const active = [await stored(pair.admin), await stored(second)].filter((user) => user.deactivatedAt === null);
    expect(active).toHaveLength(1);
  });

  it('should refuse recruiters, client users and API keys (FORBIDDEN)', async () => {
    const target = await addColleague(firm, Role.RECRUITER, 'Target Person');
    const { client: key } = await firm.apiKey(Object.values(ApiKeyScope));
    for (const caller of [firm.asRecruiter, firm.asClientUser, key]) {
      for (const response of [
        await caller.request(DeactivateUserDocument, { input: { userId: target.nodeId } }),
        await caller.request(ReactivateUserDocument, { input: { userId: target.nodeId } }),
        await caller.request(UpdateUserDocument, { input: { userId: target.nodeId, name: 'Hacked' } }),
      ]) {
        expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      }
    }
    expect(await stored(target)).toEqual({ name: 'Target Person', role: Role.RECRUITER, version: 1, deactivatedAt: null });
  });
});
