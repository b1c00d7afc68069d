import type { EntityManager } from '@mikro-orm/postgresql';
import { InterviewKind, Recommendation, scheduleInterview, submitScorecard } from '../../src/modules/interview';
import type { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS } from '../helpers/interview-fixtures';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { CalibratedRankingInDepthDocument, InterviewerCalibrationDocument, MandatesAgreementDocument } from '../generated/graphql';

let app: TestApp;
let firm: TestFirm;
const interviewers: User[] = [];
const candidacies: Candidacy[] = [];

async function score(candidacy: Candidacy, index: number) {
  const panel = [interviewers[index], interviewers[(index + 1) % 6]];
  await app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const { interview } = await scheduleInterview(em, firm.firm.id, {
      candidacyId: candidacy.id,
      kind: InterviewKind.COMPETENCY,
      scheduledAt: new Date('2026-03-01T10:00:00Z'),
      interviewerIds: panel.map((user) => user.nodeId),
    });
    await em.flush();
    for (const [place, interviewer] of panel.entries()) {
      await submitScorecard(em, firm.firm.id, interviewer.id, {
        interviewId: interview.id,
        ratings: RUBRIC_KEYS.slice(0, 3).map((competencyKey, key) => ({
          competencyKey,
          score: 2 + ((index + key) % 3) + (place === 0 ? 1 : 0),
          evidence: 'Told how she met the customers.',
        })),
        recommendation: Recommendation.YES,
        summary: null,
      });
      await em.flush();
    }
  });
}

// Six mandates of one candidacy each; interviewers i and i+1 (of six) on the panel of mandate i,
// the first one point more lenient: every interviewer has compared cells and a leniency.
beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'statements');
  for (let index = 0; index < 6; index++) interviewers.push((await createStaffUser(app, firm, undefined, `Interviewer ${index}`)).user);
  for (let index = 0; index < 6; index++) {
    const { candidacy } = await insertCandidacy(app, firm);
    candidacies.push(candidacy);
    await score(candidacy, index);
  }
});
afterAll(() => app.close());

describe('SQL statements of calibration', () => {
  it('should list 6 interviewers with their per-competency figures in as many statements as 1', async () => {
    const read = async (first: number) => {
      const { interviewerCalibration } = await firm.asAdmin.data(InterviewerCalibrationDocument, { first, filter: {} });
      expect(interviewerCalibration.nodes).toHaveLength(first);
      for (const row of interviewerCalibration.nodes) {
        expect(row.comparedCells).toBe(6);
        expect(row.byCompetency.map((each) => each.comparedCells)).toEqual([2, 2, 2]);
      }
    };
    const forOne = await app.countStatements(() => read(1));
    const forSix = await app.countStatements(() => read(6));
    expect(forOne).toBeGreaterThan(0);
    expect(forSix).toBe(forOne);
  });

  it("should give 6 mandates' agreement in as many statements as 1", async () => {
    const read = async (first: number) => {
      const { mandates } = await firm.asAdmin.data(MandatesAgreementDocument, { first });
      expect(mandates.nodes).toHaveLength(first);
      for (const mandate of mandates.nodes) {
        expect(mandate.agreement.overall.pairableUnits).toBe(3);
        expect(mandate.agreement.byCompetency.map((each) => each.pairableUnits)).toEqual([1, 1, 1, ...RUBRIC_KEYS.slice(3).map(() => 0)]);
      }
    };
    const forOne = await app.countStatements(() => read(1));
    const forSix = await app.countStatements(() => read(6));
    expect(forOne).toBeGreaterThan(0);
    expect(forSix).toBe(forOne);
  });
  it('should rank 6 candidacies on calibrated scores, with the interviewers behind each score, in as many statements as 1', async () => {
    // Six candidacies on a mandate of their own, scored like the others (the other tests ran first).
    const em = app.em();
    const { mandate, candidacy: first } = await insertCandidacy(app, firm);
    await score(first, 0);
    const more = Array.from({ length: 5 }, (_, index) =>
      em.create(Candidacy, {
        firm: firm.firm.id,
        mandate: mandate.id,
        candidate: em.create(Candidate, { firm: firm.firm.id, firstName: `Person ${index}`, lastName: 'Ranked' }),
        stage: CandidacyStage.INTERVIEWING,
      }),
    );
    await em.flush();
    for (const [index, candidacy] of more.entries()) await score(candidacy, index + 1);
    const read = async (first: number) => {
      const { node } = await firm.asAdmin.data(CalibratedRankingInDepthDocument, { id: mandate.nodeId, first });
      if (node?.__typename !== 'Mandate') throw new Error('no mandate');
      expect(node.ranking.nodes).toHaveLength(first);
      for (const candidacy of node.ranking.nodes) {
        expect(candidacy.assessment!.competencies.slice(0, 3).map((each) => each.interviewers.length)).toEqual([2, 2, 2]);
      }
    };
    // The firm's leniencies are kept per ratings version: the first read computes them (one more
    // statement), the ones after take them from the cache; both counted warm.
    await read(1);
    const forOne = await app.countStatements(() => read(1));
    const forSix = await app.countStatements(() => read(6));
    expect(forOne).toBeGreaterThan(0);
    expect(forSix).toBe(forOne);
  });
});
