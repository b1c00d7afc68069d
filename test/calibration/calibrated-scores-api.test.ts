import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { Requirement } from '../../src/modules/mandate';
import type { User } from '../../src/modules/user';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS, type PipelineFixture } from '../helpers/interview-fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import {
  CandidacyCalibratedDocument,
  MandateCalibratedDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let firm: TestFirm;
let lenient: { user: User; as: GraphQLClient };
let severe: { user: User; as: GraphQLClient };
let fixture: PipelineFixture;
// Y: rated by the lenient interviewer alone, created first. X: rated by both.
let x: Candidacy;
let y: Candidacy;
const [K1, K2] = RUBRIC_KEYS;

async function scoreBy(candidacy: Candidacy, panel: { user: User; as: GraphQLClient }[], scores: Record<string, number>[]) {
  const { scheduleInterview } = await firm.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-04-01T10:00:00.000Z',
      interviewerIds: panel.map((each) => each.user.nodeId),
    },
  });
  for (const [index, interviewer] of panel.entries()) {
    const { submitScorecard } = await interviewer.as.data(SubmitScorecardDocument, {
      input: {
        interviewId: scheduleInterview.interview!.id,
        ratings: Object.entries(scores[index]).map(([competencyKey, score]) => ({ competencyKey, score, evidence: 'Met the customers.' })),
        recommendation: 'YES',
        summary: null,
      },
    });
    expect(submitScorecard.userErrors).toEqual([]);
  }
}

// The lenient interviewer gives 5 and 4 where the severe one gives 3 and 2 (X): leniency +2 on
// 2 cells, shrunk 2 · 2 / 12 = 1/3; the severe one −1/3. Y's lone 4 has no one to compare with.
beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'calibrated');
  lenient = await createStaffUser(app, firm, undefined, 'Lenient');
  severe = await createStaffUser(app, firm, undefined, 'Severe');
  fixture = await insertCandidacy(app, firm);
  const em = app.em();
  y = fixture.candidacy;
  x = em.create(Candidacy, {
    firm: firm.firm.id,
    mandate: fixture.mandate.id,
    candidate: em.create(Candidate, { firm: firm.firm.id, firstName: 'Xenia', lastName: 'Berg' }),
    stage: CandidacyStage.INTERVIEWING,
  });
  em.create(Requirement, { firm: firm.firm.id, mandate: fixture.mandate.id, competencyKey: K1, weight: 1, target: 5, minimum: null });
  await em.flush();
  await scoreBy(
    x,
    [lenient, severe],
    [
      { [K1]: 5, [K2]: 4 },
      { [K1]: 3, [K2]: 2 },
    ],
  );
  await scoreBy(y, [lenient], [{ [K1]: 4 }]);
});
afterAll(() => app.close());

async function candidacy(id: string, calibrated?: boolean) {
  const { node } = await firm.asAdmin.data(CandidacyCalibratedDocument, { id, calibrated });
  if (node?.__typename !== 'Candidacy') throw new Error('no candidacy');
  return node;
}

const close = (value: number | null | undefined) => (value == null ? value : Math.round(value * 1e9) / 1e9);

describe('calibrated scores', () => {
  it('should show the calibrated score beside the score, and the interviewers behind it with their leniency', async () => {
    const plain = await candidacy(y.nodeId);
    expect(plain.assessment!.calibrated).toBe(false);
    const [first] = plain.assessment!.competencies;
    expect([first.key, first.score, close(first.calibratedScore)]).toEqual([K1, 4, close(11 / 3)]);
    expect(
      first.interviewers.map((each) => ({
        ...each,
        calibratedScore: close(each.calibratedScore),
        shrunkLeniency: close(each.shrunkLeniency),
      })),
    ).toEqual([
      {
        interviewer: { id: lenient.user.nodeId },
        score: 4,
        calibratedScore: close(11 / 3),
        shrunkLeniency: close(1 / 3),
        comparedCells: 2,
      },
    ]);

    const both = (await candidacy(x.nodeId)).assessment!.competencies[0];
    expect(both.interviewers.map((each) => [each.interviewer.id, each.score, close(each.calibratedScore)]).sort()).toEqual(
      [
        [lenient.user.nodeId, 5, close(14 / 3)],
        [severe.user.nodeId, 3, close(10 / 3)],
      ].sort(),
    );
  });

  it('should apply §3 to calibrated scores when asked, and say so; the spread stays that of the scores as given', async () => {
    const calibrated = await candidacy(y.nodeId, true);
    expect(calibrated.assessment!.calibrated).toBe(true);
    expect(close(calibrated.assessment!.competencies[0].score)).toBe(close(11 / 3));
    // (11/3 − 1) / (5 − 1) × 100
    expect([calibrated.fit!.calibrated, close(calibrated.fit!.fit)]).toEqual([true, close((100 * (8 / 3)) / 4)]);
    const [spread] = (await candidacy(x.nodeId, true)).assessment!.competencies.map((each) => [each.score, each.spread]);
    expect(spread).toEqual([4, 2]);
  });

  it('should rank and compare on calibrated scores when asked', async () => {
    const read = async (calibrated: boolean) => {
      const { node } = await firm.asAdmin.data(MandateCalibratedDocument, {
        id: fixture.mandate.nodeId,
        calibrated,
        candidacyIds: [x.nodeId, y.nodeId],
      });
      if (node?.__typename !== 'Mandate') throw new Error('no mandate');
      return node;
    };
    // Plain: both have a 4 on the one weighted competency (fit 75): the older, Y, first.
    const plain = await read(false);
    expect([plain.ranking.calibrated, plain.ranking.nodes.map((each) => each.id)]).toEqual([false, [y.nodeId, x.nodeId]]);
    expect(plain.comparison.columns.map((column) => [column.fit.calibrated, column.fit.fit])).toEqual([
      [false, 75],
      [false, 75],
    ]);
    // Calibrated: X keeps 4 (the two corrections cancel), Y drops to 11/3.
    const calibrated = await read(true);
    expect([calibrated.ranking.calibrated, calibrated.ranking.nodes.map((each) => each.id)]).toEqual([true, [x.nodeId, y.nodeId]]);
    expect([calibrated.comparison.calibrated, ...calibrated.comparison.columns.map((column) => close(column.fit.fit))]).toEqual([
      true,
      75,
      close((100 * (8 / 3)) / 4),
    ]);
  });
});
