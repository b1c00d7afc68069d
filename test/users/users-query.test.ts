import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { UsersDocument, type UsersQueryVariables } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
// The colleagues added to nordlys, by name (two share one).
const added: User[] = [];

// Written straight to the database: no sign-in needed, and no password hashing to wait for.
async function insertUsers(firm: TestFirm, users: { name: string; email: string; role: Role }[]): Promise<User[]> {
  return app.em().transactional(async (tx) => {
    const rows = users.map((user) =>
      (tx as EntityManager).create(User, { firm: firm.firm, ...user, passwordHash: 'not a hash: cannot sign in', client: null }),
    );
    await tx.flush();
    return rows;
  });
}

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  const unique = nordlys.firm.slug;
  added.push(
    ...(await insertUsers(nordlys, [
      { name: 'Kari Nordmann', email: `kari.1-${unique}@nordlys.example`, role: Role.RECRUITER },
      { name: 'Bjørn Dahl', email: `bjorn-${unique}@nordlys.example`, role: Role.RECRUITER },
      { name: 'Anders Lie', email: `anders-${unique}@nordlys.example`, role: Role.ADMIN },
      { name: 'Kari Nordmann', email: `kari.2-${unique}@nordlys.example`, role: Role.ADMIN },
    ])),
  );
});
afterAll(() => app.close());

const view = (user: User) => ({ id: user.nodeId, name: user.name, email: user.email, role: user.role });

async function users(client: GraphQLClient, variables: UsersQueryVariables = {}) {
  const { users } = await client.data(UsersDocument, variables);
  return { totalCount: users.totalCount, nodes: users.edges.map((edge) => edge.node), pageInfo: users.pageInfo };
}

// The staff of nordlys in name order: the two Karis by id.
function staffInOrder() {
  const [kari1, bjorn, anders, kari2] = added;
  const karis = [kari1, kari2].sort((a, b) => (a.id < b.id ? -1 : 1));
  return [nordlys.admin, anders, bjorn, ...karis, nordlys.recruiter].map(view);
}

describe('Query.users', () => {
  it("should list the firm's staff by name then id, without client users or another firm's users", async () => {
    const result = await users(nordlys.asRecruiter, { first: 100 });
    expect(result).toEqual({
      totalCount: 6,
      nodes: staffInOrder(),
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
    expect(result.nodes.map((node) => node.name)).toEqual([
      'ADMIN of nordlys',
      'Anders Lie',
      'Bjørn Dahl',
      'Kari Nordmann',
      'Kari Nordmann',
      'RECRUITER of nordlys',
    ]);
  });

  it('should page through the list two at a time without skipping or repeating', async () => {
    const seen = [];
    const more: boolean[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof users>> = await users(nordlys.asAdmin, { first: 2, after });
      expect(page.totalCount).toBe(6);
      seen.push(...page.nodes);
      more.push(page.pageInfo.hasNextPage);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(staffInOrder());
    expect(more).toEqual([true, true, false]);
  });

  it('should keep to the roles asked for, client contacts included when asked', async () => {
    const admins = await users(nordlys.asRecruiter, { filter: { roles: ['ADMIN'] } });
    expect(admins.nodes.map((node) => node.name)).toEqual(['ADMIN of nordlys', 'Anders Lie', 'Kari Nordmann']);
    expect(admins.totalCount).toBe(3);
    const clients = await users(nordlys.asRecruiter, { filter: { roles: ['CLIENT'] } });
    expect(clients).toMatchObject({ totalCount: 1, nodes: [view(nordlys.clientUser)] });
  });

  it('should find by part of the name or email, ignoring case, and treat % and _ as plain characters', async () => {
    const [kari1, bjorn, , kari2] = added;
    const byName = await users(nordlys.asRecruiter, { filter: { search: '  NORDMANN ' } });
    expect(byName.nodes.map((node) => node.id).sort()).toEqual([kari1.nodeId, kari2.nodeId].sort());
    expect(byName.totalCount).toBe(2);
    expect((await users(nordlys.asRecruiter, { filter: { search: 'BJORN-' } })).nodes).toEqual([view(bjorn)]);
    expect((await users(nordlys.asRecruiter, { filter: { search: 'nordmann', roles: ['ADMIN'] } })).nodes).toEqual([view(kari2)]);
    expect(await users(nordlys.asRecruiter, { filter: { search: '%' } })).toMatchObject({ totalCount: 0, nodes: [] });
    expect(await users(nordlys.asRecruiter, { filter: { search: 'kari_1' } })).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('should refuse a page size outside 1–100, no roles and an over-long search as BAD_USER_INPUT naming the argument', async () => {
    const cases: [UsersQueryVariables, string, string][] = [
      [{ first: 0 }, 'first', 'first must be between 1 and 100, got 0.'],
      [{ first: 101 }, 'first', 'first must be between 1 and 100, got 101.'],
      [{ filter: { roles: [] } }, 'filter', 'filter.roles must name at least one role; leave it out for the staff.'],
      [{ filter: { search: 'x'.repeat(201) } }, 'filter', 'filter.search is longer than 200 characters.'],
    ];
    for (const [variables, argumentName, message] of cases) {
      const response = await nordlys.asAdmin.request(UsersDocument, variables);
      expect({ data: response.data, errors: response.errors?.map(({ message, extensions }) => ({ message, extensions })) }).toEqual({
        data: null,
        errors: [{ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName }) }],
      });
    }
  });

  it('should refuse client users and API keys (FORBIDDEN) and callers not signed in (UNAUTHENTICATED)', async () => {
    const key = await nordlys.apiKey(Object.values(ApiKeyScope));
    for (const client of [nordlys.asClientUser, key.client]) {
      const response = await client.request(UsersDocument, {});
      expect([response.data, errorCodes(response)]).toEqual([null, ['FORBIDDEN']]);
    }
    const anonymous = await app.anonymous().request(UsersDocument, {});
    expect([anonymous.data, errorCodes(anonymous)]).toEqual([null, ['UNAUTHENTICATED']]);
  });

  it('should list 50 users in as many statements as 5', async () => {
    await insertUsers(
      fjellvik,
      Array.from({ length: 50 }, (_, index) => ({
        name: `Colleague ${String(index).padStart(2, '0')}`,
        email: `colleague-${index}-${fjellvik.firm.slug}@fjellvik.example`,
        role: index % 3 === 0 ? Role.ADMIN : Role.RECRUITER,
      })),
    );
    const sizes: number[] = [];
    const few = await app.countStatements(async () => sizes.push((await users(fjellvik.asRecruiter, { first: 5 })).nodes.length));
    const many = await app.countStatements(async () => sizes.push((await users(fjellvik.asRecruiter, { first: 50 })).nodes.length));
    expect(sizes).toEqual([5, 50]);
    expect(many).toBe(few);
  });
});
