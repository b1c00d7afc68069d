import type { EntityManager } from '@mikro-orm/postgresql';
import { seedDemo } from '../../seeds/demo.seeder';
import { demoFirms } from '../../seeds/data/demo-world';
import { demoTalentPoolMandates } from '../../seeds/data/demo-talent-pool';
import { Mandate } from '../../src/modules/mandate';
import { Firm } from '../../src/common/firm.entity';
import { talentPool, type PoolCandidate, type PoolRating } from '../../src/modules/talent-pool';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { signIn } from '../helpers/fixtures';
import { TalentPoolWithEvidenceDocument } from '../generated/graphql';

// The demo's talent rediscovery (issue 17): the Vestfjell mandate, opened after the earlier
// searches with nobody in its pipeline, shows the candidates interviewed there, ranked on their
// pooled evidence, each with the scorecards behind it. Held to the pure model over the demo data.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemo(app.orm.em.fork() as EntityManager);
}, 180_000);
afterAll(() => app.close());

const nordlys = demoFirms.find((firm) => firm.slug === 'nordlys')!;
const [poolMandate] = demoTalentPoolMandates.nordlys;
const viewer = nordlys.users.find((user) => user.email === poolMandate.leadRecruiterEmail)!;

// The demo data as the pure model's input, seen by the mandate's lead recruiter.
function reference() {
  const ratings: PoolRating[] = [];
  const blind = new Set<string>();
  for (const mandate of nordlys.mandates) {
    for (const candidacy of mandate.candidacies) {
      const candidacyId = `${mandate.ref}/${candidacy.candidateRef}`;
      for (const interview of candidacy.interviews) {
        // Every panelist has a scorecard from the scheduling on (a DRAFT until submitted); the
        // viewer's unsubmitted one blinds them unless the interview was cancelled or nobody came.
        const live = interview.status !== 'CANCELLED' && interview.status !== 'NO_SHOW';
        const viewerSubmitted = interview.scorecards.some(
          (scorecard) => scorecard.interviewerEmail === viewer.email && scorecard.status === 'SUBMITTED',
        );
        if (live && interview.interviewerEmails.includes(viewer.email) && !viewerSubmitted) blind.add(candidacyId);
        for (const scorecard of interview.scorecards) {
          if (scorecard.status !== 'SUBMITTED') continue;
          for (const rating of scorecard.ratings) {
            if (rating.score === null) continue;
            ratings.push({
              candidateId: candidacy.candidateRef,
              candidacyId,
              mandateId: mandate.ref,
              competencyKey: rating.competencyKey,
              score: rating.score,
              submittedAt: new Date(scorecard.submittedAt!),
            });
          }
        }
      }
    }
  }
  const today = new Date().toISOString().slice(0, 10);
  const candidates: PoolCandidate[] = nordlys.candidates.map((candidate) => ({
    id: candidate.ref,
    eligible: candidate.consent.status !== 'WITHDRAWN' && (!candidate.consent.retainUntil || candidate.consent.retainUntil >= today),
    inPipeline: false,
  }));
  const requirements = poolMandate.requirements.map((each) => ({ ...each, minimum: each.minimum ?? null }));
  return talentPool(candidates, ratings, {
    requirements,
    blindCandidacyIds: blind,
    includePipeline: false,
    minCoverage: null,
    assessedSince: null,
  });
}

describe('the demo talent pool', () => {
  it("should rank the earlier-assessed candidates against the new mandate's profile, with the evidence behind each", async () => {
    const firm = await app.em().findOneOrFail(Firm, { slug: 'nordlys' }, { filters: false });
    const mandate = await app.em().findOneOrFail(Mandate, { firm: firm.id, title: poolMandate.title }, { filters: false });
    const recruiter = await signIn(app, viewer.email, viewer.password);
    const { node } = await recruiter.data(TalentPoolWithEvidenceDocument, { id: mandate.nodeId, first: 100 });
    if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
    const matches = node.talentPool.nodes;

    const expected = reference();
    const nameOf = (ref: string) => {
      const candidate = nordlys.candidates.find((each) => each.ref === ref)!;
      return `${candidate.firstName} ${candidate.lastName}`;
    };
    // Earlier-assessed demo candidates, enough to show a real ranking.
    expect(matches.length).toBeGreaterThanOrEqual(10);
    expect(matches.map((match) => `${match.candidate.firstName} ${match.candidate.lastName}`)).toEqual(
      expected.map((match) => nameOf(match.candidateId)),
    );
    matches.forEach((match, index) => {
      const want = expected[index].fit;
      expect(match.fit.fit).toBeCloseTo(want.fit!, 9);
      expect(match.fit.coverage).toBeCloseTo(want.coverage, 12);
      expect(match.fit.mustHavesMet).toBe(want.mustHavesMet);
      expect(match.inPipeline).toBe(false);
      // The evidence behind every assessed competency: scorecards of earlier mandates.
      const evidenced = new Set(match.evidence.flatMap((each) => each.competencyKeys));
      const assessed = match.fit.competencies.filter((each) => each.score !== null).map((each) => each.key);
      expect([...evidenced].sort()).toEqual([...assessed].sort());
      expect(match.evidence.every((each) => each.mandate.id !== mandate.nodeId && each.scorecard.status === 'SUBMITTED')).toBe(true);
      const counted = match.fit.competencies.reduce((sum, each) => sum + each.ratingsCount, 0);
      expect(counted).toBeGreaterThan(0);
    });
    // Every assessed competency says where its evidence comes from.
    for (const match of matches) {
      for (const competency of match.fit.competencies.filter((each) => each.score !== null)) {
        expect(competency.mandatesCount).toBeGreaterThanOrEqual(1);
        expect(competency.lastAssessedAt).not.toBeNull();
      }
    }
  }, 60_000);
});
