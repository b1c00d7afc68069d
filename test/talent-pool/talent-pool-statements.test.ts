import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser } from '../helpers/interview-fixtures';
import { insertMandate, insertRequirementProfile } from '../helpers/mandate-fixtures';
import { insertEarlierPool, type PersonPlan } from '../helpers/talent-pool-fixtures';
import type { Mandate } from '../../src/modules/mandate';
import { TalentPoolDocument, TalentPoolWithEvidenceDocument } from '../generated/graphql';

// The talent pool's statements do not grow with the page: 50 matches with candidate, pooled fit,
// competency names and the evidence behind each (mandate, interview, scorecard) in as many
// statements as 5, once the mandate's match order is built (by the first read).

let app: TestApp;
let firm: TestFirm;
let mandate: Mandate;

const KEYS = ['CUSTOMER_INSIGHT', 'OUTSIDE_IN', 'FORESIGHT', 'EXECUTION'];

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'poolstatements');
  const colleague = await createStaffUser(app, firm);
  const people: PersonPlan[] = Array.from({ length: 60 }, (_, index) => ({
    firstName: `Person ${index}`,
    lastName: 'Pooled',
    assessments: [0, 1, 2].map((mandateIndex) => ({
      mandate: mandateIndex,
      interviewer: (index + mandateIndex) % 2,
      submittedAt: new Date(Date.UTC(2026, mandateIndex, 1 + (index % 28))),
      scores: Object.fromEntries(KEYS.map((key, keyIndex) => [key, 1 + ((index + keyIndex + mandateIndex) % 5)])),
    })),
  }));
  await insertEarlierPool(app, firm, [firm.recruiter, colleague.user], 3, people);
  mandate = await insertMandate(app, firm, { title: 'Chief Digital Officer' });
  await insertRequirementProfile(
    app,
    firm,
    mandate,
    KEYS.map((competencyKey, index) => ({ competencyKey, weight: index + 1, target: 4, minimum: index === 0 ? 2 : null })),
  );
}, 180_000);
afterAll(() => app.close());

describe('SQL statements of the talent pool', () => {
  it('should read a page of 50 matches with candidate, fit and evidence in as many statements as 5', async () => {
    const read = async (first: number) => {
      const { node } = await firm.asRecruiter.data(TalentPoolWithEvidenceDocument, { id: mandate.nodeId, first });
      if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
      const matches = node.talentPool.nodes;
      // The whole depth is really there, so every loader had work to do.
      expect(matches).toHaveLength(first);
      expect(new Set(matches.map((match) => match.candidate.id)).size).toBe(first);
      for (const match of matches) {
        expect(match.fit.competencies.map((each) => [each.key, each.ratingsCount, each.mandatesCount])).toEqual(
          KEYS.map((key) => [key, 3, 3]),
        );
        expect(match.evidence.map((each) => [each.competencyKeys, each.scorecard.status])).toEqual([
          [[...KEYS].sort(), 'SUBMITTED'],
          [[...KEYS].sort(), 'SUBMITTED'],
          [[...KEYS].sort(), 'SUBMITTED'],
        ]);
        expect(new Set(match.evidence.map((each) => each.mandate.title)).size).toBe(3);
        expect(match.fit.competencies.every((each) => each.name.length > 0)).toBe(true);
      }
    };
    // The first read builds the mandate's match order: 7 statements more whatever the pool (the page that finds the order stale, begin, the
    // firm's lock, the check again, the delete, the insert, commit); the pages after it walk it.
    const building = await app.countStatements(() => read(5));
    const forFive = await app.countStatements(() => read(5));
    expect(building).toBe(forFive + 7);
    const forFifty = await app.countStatements(() => read(50));
    expect(forFive).toBeGreaterThan(0);
    expect(forFifty).toBe(forFive);
  }, 60_000);

  it("should read a page in one statement of the pool's own, and its count in one more", async () => {
    const read = () => firm.asRecruiter.data(TalentPoolDocument, { id: mandate.nodeId, first: 50 });
    await read();
    const statements = await app.recordStatements(read);
    // The session; node(id)'s mandate; the page, with the order's freshness check, the weighted
    // requirements and each match's candidate; totalCount, with its freshness check; the
    // competencies' names (Fit's loaders: the mandate, its rubric's competencies); the audit row.
    expect(statements).toHaveLength(7);
    expect(statements.filter((each) => each.sql.includes('talent_pool_match'))).toHaveLength(2);
  }, 60_000);
});
