import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role } from '../../src/common/access';
import { ormOptions } from '../../src/config/orm.config';
import { createFirm } from '../../src/modules/firm';
import { createUser } from '../../src/modules/user';
import { createApiKey } from '../../src/modules/api-key';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate, MandateStatus } from '../../src/modules/mandate';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { WebhookSubscription } from '../../src/modules/webhook';
import { entities } from '../../src/server/features';

// The world of the reliability tests (crash, replicas), on a PostgreSQL of their own: the real
// migrations, one firm with an admin, API keys, an open mandate and a webhook subscription to
// stage changes. The writers create candidates, add every second one to the mandate and move it.

export const CREATE_CANDIDATE = `mutation Create($input: CreateCandidateInput!) {
  createCandidate(input: $input) { candidate { id lastName externalRefs { system externalId } } userErrors { code message } }
}`;
export const ADD_TO_MANDATE = `mutation Add($input: AddCandidateToMandateInput!) {
  addCandidateToMandate(input: $input) { candidacy { id stage } userErrors { code message } }
}`;
export const MOVE_CANDIDACY = `mutation Move($input: MoveCandidacyInput!) {
  moveCandidacy(input: $input) { candidacy { id stage } userErrors { code message } }
}`;

// What a writer needs: candidates and mandates, read and write.
export const WRITER_SCOPES = [
  ApiKeyScope.CANDIDATES_READ,
  ApiKeyScope.CANDIDATES_WRITE,
  ApiKeyScope.MANDATES_READ,
  ApiKeyScope.MANDATES_WRITE,
];

export interface ReliabilityWorldOptions<Key extends string> {
  // The firm's name; its slug and the admin's e-mail derive from `slug`.
  name: string;
  slug: string;
  // The API keys to make, by name, with their scopes.
  keys: Record<Key, ApiKeyScope[]>;
  // Where the webhook subscription sends the stage changes.
  hookUrl: string;
}

export interface ReliabilityWorld<Key extends string> {
  firmId: string;
  mandateId: string;
  // The secrets of the keys, by name.
  keys: Record<Key, string>;
}

export async function migrateAndSeed<Key extends string>(
  url: string,
  options: ReliabilityWorldOptions<Key>,
): Promise<ReliabilityWorld<Key>> {
  const orm = await MikroORM.init(ormOptions(url, entities, { pool: { min: 0, max: 2 } }));
  try {
    await orm.getMigrator().up();
    return await orm.em.fork().transactional(async (tx) => {
      const em = tx as EntityManager;
      const firm = createFirm(em, { name: options.name, slug: options.slug });
      const admin = await createUser(em, firm.id, {
        email: `admin@${options.slug.replace(/-test$/, '')}.example`,
        name: 'Admin',
        role: Role.ADMIN,
        password: `${options.slug}-password`,
        clientId: null,
      });
      const keys = {} as Record<Key, string>;
      for (const [name, scopes] of Object.entries(options.keys) as [Key, ApiKeyScope[]][]) {
        keys[name] = (await createApiKey(em, firm.id, admin.id, { name, scopes })).secret;
      }
      await em.flush();
      const rubric = await em.findOneOrFail(
        Rubric,
        { firm: firm.id, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED },
        { filters: false },
      );
      const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
      const mandate = em.create(Mandate, {
        firm,
        client,
        title: 'Kundedirektør',
        leadershipLevel: LeadershipLevel.EXECUTIVE,
        leadRecruiter: admin.id,
        rubric,
        status: MandateStatus.OPEN,
      });
      em.create(WebhookSubscription, { firm, url: options.hookUrl, events: ['candidacy.stage_changed'], secret: `whsec-${options.slug}` });
      await em.flush();
      return { firmId: firm.id, mandateId: mandate.id, keys };
    });
  } finally {
    await orm.close(true);
  }
}
