import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { createFirm } from '../../src/modules/firm';
import { createUser, type User } from '../../src/modules/user';
import { type ApiKey, createApiKey } from '../../src/modules/api-key';
import type { Firm } from '../../src/common/firm.entity';
import { Client } from '../../src/modules/client';
import type { TestApp } from './test-app';
import type { GraphQLClient } from './graphql-client';
import { LoginDocument } from '../generated/graphql';

export const PASSWORD = 'correct horse battery staple';

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
      createUser(transaction, firm.id, {
        email: `${role.toLowerCase()}-${unique}@${label}.example`,
        name: `${role} of ${label}`,
        role,
        password: PASSWORD,
        clientId: role === Role.CLIENT ? client.id : null,
      });
    return { firm, client, admin: await user(Role.ADMIN), recruiter: await user(Role.RECRUITER), clientUser: await user(Role.CLIENT) };
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
