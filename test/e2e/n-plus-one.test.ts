import type { EntityManager } from '@mikro-orm/postgresql';
import type { Mandate } from '../../src/modules/mandate';
import type { User } from '../../src/modules/user';
import { createCandidate } from '../../src/modules/candidate';
import { addCandidateToMandate, CandidacyStage, moveCandidacy } from '../../src/modules/candidacy';
import { amendScorecard, InterviewKind, Recommendation, scheduleInterview, submitScorecard } from '../../src/modules/interview';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, someRatings } from '../helpers/interview-fixtures';
import { DEFAULT_COMPETENCY_KEYS, insertMandate } from '../helpers/mandate-fixtures';
import { MandateInDepthDocument, MyInterviewsDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let colleague: User;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  colleague = (await createStaffUser(app, nordlys)).user;
});
afterAll(() => app.close());

// A mandate whose `size` candidacies are all alike: a candidate moved to INTERVIEWING, one
// interview with the recruiter and a colleague on its panel, both scorecards submitted and the
// recruiter's amended. Written with the services themselves, much faster than over HTTP; one
// transaction (and so one small unit of work) per candidacy.
async function mandateWithPipeline(size: number): Promise<Mandate> {
  const mandate = await insertMandate(app, nordlys, { title: `Pipeline of ${size}` });
  const firmId = nordlys.firm.id;
  const recruiterId = nordlys.recruiter.id;
  for (let index = 0; index < size; index++) {
    await app.em().transactional(async (tx) => {
      const em = tx as EntityManager;
      const { candidate } = await createCandidate(em, firmId, { firstName: `Person ${index}`, lastName: `Of ${size}` });
      const { candidacy } = await addCandidateToMandate(em, firmId, recruiterId, { mandateId: mandate.id, candidateId: candidate.id });
      for (const stage of [CandidacyStage.SCREENING, CandidacyStage.INTERVIEWING]) {
        await moveCandidacy(em, firmId, recruiterId, { candidacyId: candidacy.id, stage });
        await em.flush();
      }
      const { interview } = await scheduleInterview(em, firmId, {
        candidacyId: candidacy.id,
        kind: InterviewKind.COMPETENCY,
        scheduledAt: new Date(Date.UTC(2026, 2, 1 + (index % 28))),
        interviewerIds: [nordlys.recruiter.nodeId, colleague.nodeId],
      });
      await em.flush();
      const content = { ratings: someRatings(3), recommendation: Recommendation.YES, summary: 'Solid.' };
      const { scorecard } = await submitScorecard(em, firmId, recruiterId, { ...content, interviewId: interview.id });
      await submitScorecard(em, firmId, colleague.id, { ...content, interviewId: interview.id });
      await em.flush();
      await amendScorecard(em, firmId, recruiterId, { ...content, scorecardId: scorecard.id, reason: 'Rethought.' });
    });
  }
  return mandate;
}

describe('SQL statements', () => {
  let five: Mandate;
  let fifty: Mandate;

  beforeAll(async () => {
    five = await mandateWithPipeline(5);
    fifty = await mandateWithPipeline(50);
  });

  it('should list 50 candidacies with candidate, interviews and scorecards in as many statements as 5', async () => {
    const read = async (mandate: Mandate, size: number) => {
      const { node } = await nordlys.asRecruiter.data(MandateInDepthDocument, { id: mandate.nodeId, first: 50 });
      if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
      const candidacies = node.candidacies.nodes;
      // The whole depth is really there, so every loader had work to do.
      expect(node.candidacies.totalCount).toBe(size);
      expect(candidacies).toHaveLength(size);
      expect(new Set(candidacies.map((candidacy) => candidacy.candidate.id)).size).toBe(size);
      for (const candidacy of candidacies) {
        expect(candidacy.stage).toBe('INTERVIEWING');
        expect(candidacy.history.map((change) => [change.toStage, change.movedBy?.id])).toEqual([
          ['SOURCED', nordlys.recruiter.nodeId],
          ['SCREENING', nordlys.recruiter.nodeId],
          ['INTERVIEWING', nordlys.recruiter.nodeId],
        ]);
        expect(candidacy.interviews).toHaveLength(1);
        const [interview] = candidacy.interviews;
        expect(interview.panel.map((user) => user.id)).toEqual([nordlys.recruiter.nodeId, colleague.nodeId]);
        expect(
          interview.scorecards.map((scorecard) => [
            scorecard.interviewer.id,
            scorecard.status,
            scorecard.ratings.length,
            scorecard.revisions.map((revision) => [revision.number, revision.author.id, revision.ratings.length]),
          ]),
        ).toEqual([
          [
            nordlys.recruiter.nodeId,
            'SUBMITTED',
            DEFAULT_COMPETENCY_KEYS.length,
            [
              [1, nordlys.recruiter.nodeId, DEFAULT_COMPETENCY_KEYS.length],
              [2, nordlys.recruiter.nodeId, DEFAULT_COMPETENCY_KEYS.length],
            ],
          ],
          [colleague.nodeId, 'SUBMITTED', DEFAULT_COMPETENCY_KEYS.length, [[1, colleague.nodeId, DEFAULT_COMPETENCY_KEYS.length]]],
        ]);
      }
    };

    const forFive = await app.countStatements(() => read(five, 5));
    const forFifty = await app.countStatements(() => read(fifty, 50));
    expect(forFive).toBeGreaterThan(0);
    expect(forFifty).toBe(forFive);
  });

  it("should list a page of 50 of the recruiter's interviews, with candidate, mandate, kit and own scorecard, in as many statements as 5", async () => {
    const read = async (size: number) => {
      const { myInterviews } = await nordlys.asRecruiter.data(MyInterviewsDocument, { first: size, locale: 'NB' });
      // The recruiter sits on all 55 panels: every page is full, with every level there.
      expect(myInterviews.totalCount).toBe(55);
      expect(myInterviews.nodes).toHaveLength(size);
      expect(new Set(myInterviews.nodes.map((node) => node.candidacy.candidate.id)).size).toBe(size);
      for (const node of myInterviews.nodes) {
        expect(node.myScorecard).toMatchObject({ status: 'SUBMITTED' });
        expect(node.candidacy.mandate.title).toMatch(/^Pipeline of/);
      }
    };
    const forFive = await app.countStatements(() => read(5));
    const forFifty = await app.countStatements(() => read(50));
    expect(forFive).toBeGreaterThan(0);
    expect(forFifty).toBe(forFive);
  });
});
