import { Role } from '../../src/common/access';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createUser } from '../../src/modules/user';
import { RubricStatus } from '../../src/modules/rubric';
import { LeadershipLevel } from '../../src/modules/mandate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, PASSWORD, type TestFirm } from '../helpers/fixtures';
import { insertRubric } from '../helpers/rubric-fixtures';
import { DEFAULT_COMPETENCY_KEYS, insertClient, insertMandate, insertRequirementProfile } from '../helpers/mandate-fixtures';
import { ClientsDocument, MandatesDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;

// 50 mandates of 50 clients, led by 10 people, pinned to two rubrics, each with a profile.
beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  const leads = [nordlys.recruiter, nordlys.admin];
  for (let index = 0; index < 8; index++) {
    leads.push(
      await app.em().transactional((tx) =>
        createUser(tx as EntityManager, nordlys.firm.id, {
          email: `lead-${index}-${nordlys.firm.slug}@nordlys.example`,
          name: `Lead ${index}`,
          role: Role.RECRUITER,
          password: PASSWORD,
        }),
      ),
    );
  }
  const salesRubric = await insertRubric(app, nordlys.firm, {
    key: 'sales-leadership',
    status: RubricStatus.PUBLISHED,
    competencyKeys: ['PIPELINE', 'COACHING'],
  });
  const levels = Object.values(LeadershipLevel);
  for (let index = 0; index < 50; index++) {
    const client = await insertClient(app, nordlys, { name: `Client ${index}` });
    const sales = index % 5 === 0;
    const mandate = await insertMandate(app, nordlys, {
      title: `Mandate ${index}`,
      clientId: client.id,
      leadRecruiterId: leads[index % leads.length].id,
      leadershipLevel: levels[index % levels.length],
      ...(sales ? { rubricId: salesRubric.id } : {}),
    });
    const keys = sales ? ['COACHING', 'PIPELINE'] : DEFAULT_COMPETENCY_KEYS.slice(index % 4);
    await insertRequirementProfile(
      app,
      nordlys,
      mandate,
      keys.map((competencyKey, position) => ({ competencyKey, weight: 1 + (position % 5), target: 3, minimum: null })),
    );
  }
});
afterAll(() => app.close());

describe('SQL statements', () => {
  it('should list 50 mandates with client, lead recruiter, rubric and profile in as many statements as 5', async () => {
    let few = 0;
    let many = 0;
    const fewStatements = await app.countStatements(async () => {
      const { mandates } = await nordlys.asRecruiter.data(MandatesDocument, { first: 5 });
      few = mandates.edges.length;
    });
    const manyStatements = await app.countStatements(async () => {
      const { mandates } = await nordlys.asRecruiter.data(MandatesDocument, { first: 50 });
      many = mandates.edges.length;
      // The data is really there, so the loaders had work to do.
      expect(new Set(mandates.edges.map((edge) => edge.node.client.id)).size).toBe(50);
      expect(new Set(mandates.edges.map((edge) => edge.node.leadRecruiter.id)).size).toBe(10);
      expect(new Set(mandates.edges.map((edge) => edge.node.rubric.key)).size).toBe(2);
      expect(mandates.edges.every((edge) => edge.node.requirementProfile.length > 0)).toBe(true);
    });
    expect([few, many]).toEqual([5, 50]);
    expect(fewStatements).toBeGreaterThan(0);
    expect(manyStatements).toBe(fewStatements);
  });

  it('should list 50 clients in as many statements as 5', async () => {
    const few = await app.countStatements(() => nordlys.asRecruiter.data(ClientsDocument, { first: 5 }));
    const many = await app.countStatements(() => nordlys.asRecruiter.data(ClientsDocument, { first: 50 }));
    expect(many).toBe(few);
  });
});
