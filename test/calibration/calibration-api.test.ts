import { ApiKeyScope } from '../../src/common/access';
import { MandateStatus } from '../../src/modules/mandate';
import { Mandate } from '../../src/modules/mandate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser, insertCandidacy, RUBRIC_KEYS, type PipelineFixture } from '../helpers/interview-fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import type { User } from '../../src/modules/user';
import { toGlobalId } from '../../src/common/global-id';
import {
  AmendScorecardDocument,
  AssessmentQualityDocument,
  InterviewerCalibrationDocument,
  type InterviewerCalibrationQuery,
  MandateAgreementDocument,
  PresentedMandateAgreementDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let firm: TestFirm;
let b: { user: User; as: GraphQLClient };
let c: { user: User; as: GraphQLClient };
const [K1, K2, K3] = RUBRIC_KEYS;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'kalibra');
  b = await createStaffUser(app, firm, undefined, 'Interviewer B');
  c = await createStaffUser(app, firm, undefined, 'Interviewer C');
});
afterAll(() => app.close());

async function schedule(candidacy: PipelineFixture, interviewers: User[]): Promise<{ interviewId: string; scorecardIds: string[] }> {
  const { scheduleInterview } = await firm.asAdmin.data(ScheduleInterviewDocument, {
    input: {
      candidacyId: candidacy.candidacy.nodeId,
      kind: 'COMPETENCY',
      scheduledAt: '2026-04-01T10:00:00.000Z',
      interviewerIds: interviewers.map((user) => user.nodeId),
    },
  });
  expect(scheduleInterview.userErrors).toEqual([]);
  return { interviewId: scheduleInterview.interview!.id, scorecardIds: scheduleInterview.interview!.scorecards.map((s) => s.id) };
}

const ratingsOf = (scores: Record<string, number>) =>
  Object.entries(scores).map(([competencyKey, score]) => ({ competencyKey, score, evidence: `Told how she met ${score} customers.` }));

async function submit(as: GraphQLClient, interviewId: string, scores: Record<string, number>) {
  const { submitScorecard } = await as.data(SubmitScorecardDocument, {
    input: { interviewId, ratings: ratingsOf(scores), recommendation: 'YES', summary: null },
  });
  expect(submitScorecard.userErrors).toEqual([]);
  return submitScorecard.scorecard!;
}

type Row = InterviewerCalibrationQuery['interviewerCalibration']['nodes'][number];

async function calibration(as: GraphQLClient, filter: Record<string, unknown>, first = 100) {
  const { interviewerCalibration } = await as.data(InterviewerCalibrationDocument, { first, filter });
  return interviewerCalibration;
}

const figures = (row: Row) => {
  const { interviewer, byCompetency: _byCompetency, ...rest } = row;
  return { interviewer: interviewer.id, ...rest };
};

const none = { comparedCells: 0, leniency: null, standardError: null, low: null, high: null, shrunkLeniency: 0 };

describe('interviewer calibration', () => {
  // B is lenient by exactly +1 on every cell C also scored.
  let lenient: PipelineFixture;

  beforeAll(async () => {
    lenient = await insertCandidacy(app, firm);
    const { interviewId } = await schedule(lenient, [b.user, c.user]);
    await submit(b.as, interviewId, { [K1]: 4, [K2]: 3, [K3]: 5 });
    await submit(c.as, interviewId, { [K1]: 3, [K2]: 2, [K3]: 4 });
  });

  it('should find an interviewer lenient by exactly +1 on every shared cell, and the colleague severe by −1', async () => {
    const list = await calibration(firm.asAdmin, { mandateId: lenient.mandate.nodeId });
    // |shrunkLeniency| ties: the id decides.
    const inIdOrder = [b.user, c.user].sort((x, y) => (x.id < y.id ? -1 : 1)).map((user) => user.nodeId);
    expect(list.nodes.map((row) => row.interviewer.id)).toEqual(inIdOrder);
    expect(list.totalCount).toBe(2);
    const byId = new Map(list.nodes.map((row) => [row.interviewer.id, row]));
    expect(figures(byId.get(b.user.nodeId)!)).toEqual({
      interviewer: b.user.nodeId,
      comparedCells: 3,
      leniency: 1,
      standardError: 0,
      low: 1,
      high: 1,
      shrunkLeniency: 3 / 13,
    });
    expect(figures(byId.get(c.user.nodeId)!)).toEqual({
      interviewer: c.user.nodeId,
      comparedCells: 3,
      leniency: -1,
      standardError: 0,
      low: -1,
      high: -1,
      shrunkLeniency: -3 / 13,
    });
    // Per competency: one cell each, too few for a standard error.
    expect(byId.get(b.user.nodeId)!.byCompetency).toEqual(
      [K1, K2, K3]
        .sort()
        .map((key) => ({ key, comparedCells: 1, leniency: 1, standardError: null, low: null, high: null, shrunkLeniency: 1 / 11 })),
    );
  });

  it('should narrow to one competency key, a rubric key and a time range', async () => {
    const one = await calibration(firm.asAdmin, { mandateId: lenient.mandate.nodeId, competencyKey: K2 });
    expect(one.nodes.map((row) => [row.interviewer.id, row.comparedCells, row.leniency]).sort()).toEqual(
      [
        [b.user.nodeId, 1, 1],
        [c.user.nodeId, 1, -1],
      ].sort(),
    );
    expect((await calibration(firm.asAdmin, { mandateId: lenient.mandate.nodeId, rubricKey: 'no-such-rubric' })).nodes).toEqual([]);
    expect(
      (await calibration(firm.asAdmin, { mandateId: lenient.mandate.nodeId, rubricKey: 'customer-oriented-leadership' })).totalCount,
    ).toBe(2);
    expect((await calibration(firm.asAdmin, { mandateId: lenient.mandate.nodeId, from: '2026-04-01T10:00:01.000Z' })).nodes).toEqual([]);
    expect(
      (
        await calibration(firm.asAdmin, {
          mandateId: lenient.mandate.nodeId,
          from: '2026-04-01T10:00:00.000Z',
          to: '2026-04-01T10:00:01.000Z',
        })
      ).totalCount,
    ).toBe(2);
    expect((await calibration(firm.asAdmin, { mandateId: lenient.mandate.nodeId, to: '2026-04-01T10:00:00.000Z' })).nodes).toEqual([]);
  });

  it('should give n 0 and no leniency to interviewers who share no cell', async () => {
    const apart = await insertCandidacy(app, firm);
    const first = await schedule(apart, [b.user]);
    const second = await schedule(apart, [c.user]);
    await submit(b.as, first.interviewId, { [K1]: 5 });
    await submit(c.as, second.interviewId, { [K2]: 1 });
    const list = await calibration(firm.asAdmin, { mandateId: apart.mandate.nodeId });
    expect(list.nodes.map(figures).sort((x, y) => (x.interviewer < y.interviewer ? -1 : 1))).toEqual(
      [b.user.nodeId, c.user.nodeId].sort().map((interviewer) => ({ interviewer, ...none })),
    );
  });

  it('should take one interviewer on two interviews of the same candidacy as one value: their mean', async () => {
    const twice = await insertCandidacy(app, firm);
    const first = await schedule(twice, [b.user, c.user]);
    const second = await schedule(twice, [b.user]);
    await submit(b.as, first.interviewId, { [K1]: 2 });
    await submit(b.as, second.interviewId, { [K1]: 4 });
    await submit(c.as, first.interviewId, { [K1]: 2 });
    const byId = new Map(
      (await calibration(firm.asAdmin, { mandateId: twice.mandate.nodeId })).nodes.map((row) => [row.interviewer.id, row]),
    );
    expect([byId.get(b.user.nodeId)!.comparedCells, byId.get(b.user.nodeId)!.leniency, byId.get(b.user.nodeId)!.shrunkLeniency]).toEqual([
      1,
      1,
      1 / 11,
    ]);
    expect([byId.get(c.user.nodeId)!.comparedCells, byId.get(c.user.nodeId)!.leniency]).toEqual([1, -1]);
    // Agreement counts every rating as a value of its cell: 2, 4 and 2 in one unit.
    const { node } = await firm.asAdmin.data(MandateAgreementDocument, { id: twice.mandate.nodeId });
    expect(node?.__typename === 'Mandate' && node.agreement.overall).toMatchObject({ pairableUnits: 1, pairableValues: 3 });
  });

  it('should count the amended rating, also when amended after the other panelist submitted', async () => {
    const amended = await insertCandidacy(app, firm);
    const { interviewId } = await schedule(amended, [b.user, c.user]);
    const scorecard = await submit(b.as, interviewId, { [K1]: 3 });
    await submit(c.as, interviewId, { [K1]: 3 });
    const { amendScorecard } = await b.as.data(AmendScorecardDocument, {
      input: { scorecardId: scorecard.id, ratings: ratingsOf({ [K1]: 5 }), recommendation: 'YES', reason: 'Misread my notes.' },
    });
    expect(amendScorecard.userErrors).toEqual([]);
    const byId = new Map(
      (await calibration(firm.asAdmin, { mandateId: amended.mandate.nodeId })).nodes.map((row) => [row.interviewer.id, row]),
    );
    expect(byId.get(b.user.nodeId)!.leniency).toBe(2);
    expect(byId.get(c.user.nodeId)!.leniency).toBe(-2);
  });

  describe('with a draft on the panel', () => {
    let drafted: PipelineFixture;

    beforeAll(async () => {
      // The recruiter (who leads every mandate here) has not submitted yet.
      drafted = await insertCandidacy(app, firm);
      const { interviewId } = await schedule(drafted, [b.user, c.user, firm.recruiter]);
      await submit(b.as, interviewId, { [K1]: 4 });
      await submit(c.as, interviewId, { [K1]: 2 });
    });

    it('should never count the ratings of a draft scorecard', async () => {
      const list = await calibration(firm.asAdmin, { mandateId: drafted.mandate.nodeId });
      expect(list.nodes.map((row) => [row.interviewer.id, row.leniency]).sort()).toEqual(
        [
          [b.user.nodeId, 2],
          [c.user.nodeId, -2],
        ].sort(),
      );
    });

    it('should leave the candidacy out of every figure its drafting interviewer sees (independent scoring)', async () => {
      const list = await calibration(firm.asRecruiter, { mandateId: drafted.mandate.nodeId });
      expect([list.nodes, list.totalCount]).toEqual([[], 0]);
      const seenBy = async (as: GraphQLClient) => {
        const { node } = await as.data(MandateAgreementDocument, { id: drafted.mandate.nodeId });
        return node?.__typename === 'Mandate' ? node.agreement.overall.pairableUnits : null;
      };
      expect(await seenBy(firm.asRecruiter)).toBe(0);
      expect(await seenBy(firm.asAdmin)).toBe(1);
      const quality = async (as: GraphQLClient) => (await as.data(AssessmentQualityDocument, {})).assessmentQuality.overall.pairableUnits;
      expect((await quality(firm.asAdmin)) - (await quality(firm.asRecruiter))).toBe(1);
    });
  });

  describe('who sees which rows', () => {
    let own: PipelineFixture;

    beforeAll(async () => {
      own = await insertCandidacy(app, firm);
      const { interviewId } = await schedule(own, [firm.recruiter, b.user]);
      await submit(firm.asRecruiter, interviewId, { [K1]: 3 });
      await submit(b.as, interviewId, { [K1]: 4 });
    });

    it('should show a recruiter their own row only, firm-wide', async () => {
      const list = await calibration(firm.asRecruiter, {});
      expect(list.nodes.map((row) => row.interviewer.id)).toEqual([firm.recruiter.nodeId]);
      expect(list.totalCount).toBe(1);
    });

    it('should show a recruiter every interviewer of a mandate they lead, and only their own row on one they do not', async () => {
      expect((await calibration(firm.asRecruiter, { mandateId: lenient.mandate.nodeId })).totalCount).toBe(2);
      await app.em().nativeUpdate(Mandate, { id: own.mandate.id }, { leadRecruiter: firm.admin.id });
      const list = await calibration(firm.asRecruiter, { mandateId: own.mandate.nodeId });
      expect(list.nodes.map((row) => [row.interviewer.id, row.leniency])).toEqual([[firm.recruiter.nodeId, -1]]);
    });

    it('should page through every interviewer of the firm without skipping or repeating, the largest |shrunkLeniency| first', async () => {
      const all = await calibration(firm.asAdmin, {});
      const seen: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const page: InterviewerCalibrationQuery['interviewerCalibration'] = (
          await firm.asAdmin.data(InterviewerCalibrationDocument, { first: 1, after, filter: {} })
        ).interviewerCalibration;
        seen.push(...page.nodes);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.nodes);
      expect(all.totalCount).toBe(all.nodes.length);
      // B, C and the recruiter scored; the admin only schedules.
      expect(new Set(seen.map((row) => row.interviewer.id)).size).toBe(3);
      const magnitudes = seen.map((row) => Math.abs(row.shrunkLeniency));
      expect(magnitudes).toEqual([...magnitudes].sort((x, y) => y - x));
    });
  });

  describe('bad input', () => {
    const refused = async (variables: Record<string, unknown>) => {
      const response = await firm.asAdmin.request(InterviewerCalibrationDocument, variables);
      return [errorCodes(response), response.errors?.[0]?.extensions?.argumentName, response.data];
    };

    it('should refuse a time range that ends before it starts', async () => {
      expect(await refused({ filter: { from: '2026-05-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' } })).toEqual([
        ['BAD_USER_INPUT'],
        'filter',
        null,
      ]);
    });

    it('should refuse a mandateId that names no mandate of the firm', async () => {
      for (const mandateId of ['nonsense', toGlobalId('Mandate', '00000000-0000-4000-8000-000000000000'), lenient.candidacy.nodeId]) {
        expect(await refused({ filter: { mandateId } })).toEqual([['BAD_USER_INPUT'], 'filter', null]);
      }
    });

    it('should refuse a cursor of another list and a page size out of range', async () => {
      expect(await refused({ after: 'bm90IGEgY3Vyc29y' })).toEqual([['BAD_USER_INPUT'], 'after', null]);
      expect(await refused({ first: 0 })).toEqual([['BAD_USER_INPUT'], 'first', null]);
    });
  });
});

describe('agreement', () => {
  let mandate: PipelineFixture;

  beforeAll(async () => {
    mandate = await insertCandidacy(app, firm);
    const { interviewId } = await schedule(mandate, [b.user, c.user]);
    await submit(b.as, interviewId, { [K1]: 4, [K2]: 3, [K3]: 5 });
    await submit(c.as, interviewId, { [K1]: 3, [K2]: 2, [K3]: 4 });
    // Presented to the client user's company.
    await app.em().nativeUpdate(Mandate, { id: mandate.mandate.id }, { client: firm.client.id, status: MandateStatus.OPEN });
  });

  // Units {3,4}, {2,3}, {4,5}: observed Σ o·δ² = 6; expected Σ n_c·n_k·δ² = 66 with n = 6;
  // alpha = 1 − 5 · 6 / 66 = 6/11.
  it('should give the mandate alpha over its cells by hand, with too few units for a reading', async () => {
    const { node } = await firm.asAdmin.data(MandateAgreementDocument, { id: mandate.mandate.nodeId });
    if (node?.__typename !== 'Mandate') throw new Error('no mandate');
    const { overall, byCompetency } = node.agreement;
    expect({ ...overall, alpha: Math.round(overall.alpha! * 1e12) / 1e12 }).toMatchObject({
      metric: 'INTERVAL',
      alpha: Math.round((6 / 11) * 1e12) / 1e12,
      pairableUnits: 3,
      pairableValues: 6,
      reading: 'INSUFFICIENT_DATA',
    });
    expect(overall.low).toBeLessThanOrEqual(overall.alpha!);
    expect(overall.high).toBeGreaterThanOrEqual(overall.alpha!);
    // Every competency of the rubric, in rubric order. One unit {3, 4}: observed and expected
    // disagreement are both 2, alpha = 1 − 1 · 2 / 2 = 0, and every resample is that unit again.
    expect(byCompetency.map((each) => each.key)).toEqual(RUBRIC_KEYS);
    expect(byCompetency[3]).toMatchObject({ pairableUnits: 0, pairableValues: 0, alpha: null, low: null, high: null });
    expect(byCompetency[0]).toEqual({
      key: K1,
      metric: 'INTERVAL',
      alpha: 0,
      pairableUnits: 1,
      pairableValues: 2,
      low: 0,
      high: 0,
      reading: 'INSUFFICIENT_DATA',
    });
  });

  it('should give the same figures on every call (the bootstrap has a fixed seed), per metric', async () => {
    const read = async (metric: 'INTERVAL' | 'ORDINAL') => {
      const { node } = await firm.asAdmin.data(MandateAgreementDocument, { id: mandate.mandate.nodeId, metric });
      return node?.__typename === 'Mandate' ? node.agreement.overall : null;
    };
    expect(await read('INTERVAL')).toEqual(await read('INTERVAL'));
    const ordinal = await read('ORDINAL');
    expect(ordinal?.metric).toBe('ORDINAL');
    expect(ordinal?.pairableUnits).toBe(3);
  });

  it('should give an assessments:read key the mandate agreement', async () => {
    const { client } = await firm.apiKey([ApiKeyScope.MANDATES_READ, ApiKeyScope.ASSESSMENTS_READ]);
    const { node } = await client.data(MandateAgreementDocument, { id: mandate.mandate.nodeId });
    expect(node?.__typename === 'Mandate' && node.agreement.overall.pairableUnits).toBe(3);
  });

  it("should show the client user the mandate's alpha and reading only", async () => {
    const response = await firm.asClientUser.request(PresentedMandateAgreementDocument, {
      id: toGlobalId('PresentedMandate', mandate.mandate.id),
    });
    const node = response.data?.node;
    expect(
      node?.__typename === 'PresentedMandate' && { ...node.agreement, alpha: Math.round(node.agreement.alpha! * 1e12) / 1e12 },
    ).toEqual({
      alpha: Math.round((6 / 11) * 1e12) / 1e12,
      reading: 'INSUFFICIENT_DATA',
    });
    for (const user of [b.user, c.user]) expect(response.raw).not.toContain(user.nodeId);
  });

  it('should refuse an assessment-quality time range that ends before it starts', async () => {
    const response = await firm.asAdmin.request(AssessmentQualityDocument, {
      filter: { from: '2026-05-02T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' },
    });
    expect([errorCodes(response), response.errors?.[0]?.extensions?.argumentName]).toEqual([['BAD_USER_INPUT'], 'filter']);
  });
});
