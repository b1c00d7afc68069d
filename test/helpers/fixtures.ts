import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { createFirm } from '../../src/modules/firm';
import { User } from '../../src/modules/user';
import { Firm } from '../../src/common/firm.entity';
import { type ApiKey, createApiKey } from '../../src/modules/api-key';
import { Client } from '../../src/modules/client';
import type { TestApp } from './test-app';
import type { GraphQLClient } from './graphql-client';
import { LoginDocument } from '../generated/graphql';

export const PASSWORD = 'correct horse battery staple';

// The fixture users' password hash: scrypt in the product's format, but with N=2^10 instead of the
// product's 2^15. The parameters travel with the hash and sign-in reads them from it, so a fixture
// user signs in through the real login at a thirty-second of the cost: the suite signs in ~1,000
// of them. Users made through createUser keep the product's parameters (test/platform/auth.test.ts
// pins them; test/users tests create users through the API).
const FIXTURE_PASSWORD_HASH = (() => {
  const salt = randomBytes(16);
  const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return `scrypt$${2 ** 10}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
})();

// A user with the password PASSWORD, written as createUser writes one (the caller flushes).
export function insertUser(
  em: EntityManager,
  firmId: string,
  data: { email: string; name: string; role: Role; clientId?: string | null },
): User {
  const user = em.create(User, {
    firm: em.getReference(Firm, firmId),
    email: data.email.toLowerCase(),
    name: data.name,
    role: data.role,
    passwordHash: FIXTURE_PASSWORD_HASH,
    client: data.clientId ? em.getReference(Client, data.clientId) : null,
  });
  em.persist(user);
  return user;
}

export interface TestFirm {
  firm: Firm;
  // The client company the client user speaks for.
  client: Client;
  admin: User;
  recruiter: User;
  clientUser: User;
  // One signed-in client per kind of caller.
  asAdmin: GraphQLClient;
  asRecruiter: GraphQLClient;
  asClientUser: GraphQLClient;
  apiKey(scopes: ApiKeyScope[]): Promise<{ apiKey: ApiKey; client: GraphQLClient }>;
}

// A firm with one user of each role, each signed in over HTTP.
export async function createTestFirm(app: TestApp, label = 'firm'): Promise<TestFirm> {
  const unique = randomUUID().slice(0, 8);
  const em = app.em();
  const { firm, client, admin, recruiter, clientUser } = await em.transactional(async (tx) => {
    const transaction = tx as EntityManager;
    const firm = createFirm(transaction, { name: `${label} ${unique}`, slug: `${label}-${unique}` });
    const client = transaction.create(Client, { firm, name: `${label} client ${unique}`, country: 'NO' });
    const user = (role: Role) =>
      insertUser(transaction, firm.id, {
        email: `${role.toLowerCase()}-${unique}@${label}.example`,
        name: `${role} of ${label}`,
        role,
        clientId: role === Role.CLIENT ? client.id : null,
      });
    return { firm, client, admin: user(Role.ADMIN), recruiter: user(Role.RECRUITER), clientUser: user(Role.CLIENT) };
  });
  return {
    firm,
    client,
    admin,
    recruiter,
    clientUser,
    asAdmin: await signIn(app, admin.email),
    asRecruiter: await signIn(app, recruiter.email),
    asClientUser: await signIn(app, clientUser.email),
    async apiKey(scopes) {
      const { apiKey, secret } = await app
        .em()
        .transactional((tx) => createApiKey(tx as EntityManager, firm.id, admin.id, { name: `key ${randomUUID().slice(0, 8)}`, scopes }));
      return { apiKey, client: app.client(secret) };
    },
  };
}

export async function signIn(app: TestApp, email: string, password = PASSWORD): Promise<GraphQLClient> {
  const { login } = await app.anonymous().data(LoginDocument, { input: { email, password } });
  if (!login.token) throw new Error(`could not sign in ${email}: ${JSON.stringify(login.userErrors)}`);
  return app.client(login.token);
}
