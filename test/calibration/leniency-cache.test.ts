import fc from 'fast-check';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createPanel, RUBRIC_KEYS, schedulePanelInterview, submitOrAmend } from '../helpers/interview-fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate, Requirement } from '../../src/modules/mandate';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { rankMandate } from '../../src/modules/fit';
import { clearLeniencyCache } from '../../src/modules/calibration';
import { fromGlobalId } from '../../src/common/global-id';
import {
  AmendScorecardDocument,
  CancelInterviewDocument,
  EraseCandidateDocument,
  SubmitScorecardDocument,
  UpdateCandidateDocument,
} from '../generated/graphql';

// The calibrated ranking keeps the firm's leniencies per ratings version (bumped by triggers).
// A change of the ratings that did not bump the version would leave a kept figure wrong: after
// random sequences of the operations that move ratings or drafts (submit, amend, cancel,
// consent changes, erasure), each through the API as users do it, the ranking from the kept
// figures must equal the ranking with the cache emptied (computed from scratch), for every viewer.

let app: TestApp;
let nordlys: TestFirm;
// The three interviewers of every interview: the recruiter and two colleagues.
let panel: { nodeId: string; userId: string; as: GraphQLClient }[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  panel = (await createPanel(app, nordlys, 2)).map((member) => ({ ...member, userId: fromGlobalId(member.nodeId)!.id }));
});
afterAll(() => app.close());

interface World {
  mandateId: string;
  candidateIds: string[];
  interviews: { id: string; scorecardIds: string[] }[];
}

// One mandate with a weighted profile, three candidacies, one interview with the panel each.
async function world(): Promise<World> {
  const em = app.em();
  const firm = nordlys.firm.id;
  const rubric = await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
  const mandate = em.create(Mandate, {
    firm,
    title: 'Calibrated',
    client,
    leadershipLevel: LeadershipLevel.EXECUTIVE,
    leadRecruiter: nordlys.recruiter.id,
    rubric,
  });
  RUBRIC_KEYS.forEach((competencyKey, index) =>
    em.create(Requirement, { firm, mandate, competencyKey, weight: index + 1, target: 4, minimum: null }),
  );
  const candidates = ['Ingrid', 'Per', 'Kari'].map((firstName) => em.create(Candidate, { firm, firstName, lastName: 'Solberg' }));
  const candidacies = candidates.map((candidate) => em.create(Candidacy, { firm, mandate, candidate, stage: CandidacyStage.INTERVIEWING }));
  await em.flush();
  const interviews: World['interviews'] = [];
  for (const candidacy of candidacies) {
    const interview = await schedulePanelInterview(nordlys.asAdmin, candidacy.nodeId, panel);
    interviews.push({ ...interview });
  }
  return { mandateId: mandate.id, candidateIds: candidates.map((candidate) => candidate.nodeId), interviews };
}

type Operation =
  | { kind: 'judge'; interview: number; member: number; scores: (number | null)[] }
  | { kind: 'cancel'; interview: number }
  | { kind: 'consent'; candidate: number; status: 'WITHDRAWN' | 'GIVEN' }
  | { kind: 'erase'; candidate: number };

const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('judge' as const),
      interview: fc.nat(2),
      member: fc.nat(2),
      scores: fc.array(score, { minLength: 1, maxLength: RUBRIC_KEYS.length }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), interview: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('consent' as const),
      candidate: fc.nat(2),
      status: fc.constantFrom('WITHDRAWN' as const, 'GIVEN' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), candidate: fc.nat(2) }) },
);

// Submits the member's scorecard the first time, amends it after; refused ones write nothing.
async function apply(built: World, submitted: Set<string>, op: Operation): Promise<void> {
  if (op.kind === 'judge') {
    const interview = built.interviews[op.interview];
    const scorecardId = interview.scorecardIds[op.member];
    const ratings = op.scores.map((value, index) => ({
      competencyKey: RUBRIC_KEYS[index],
      score: value,
      evidence: value === null ? null : 'Seen.',
    }));
    await submitOrAmend(panel[op.member].as, interview.id, scorecardId, ratings, submitted);
  } else if (op.kind === 'cancel') {
    await nordlys.asAdmin.data(CancelInterviewDocument, {
      input: { interviewId: built.interviews[op.interview].id, reason: 'Called off.' },
    });
  } else if (op.kind === 'consent') {
    const consent =
      op.status === 'GIVEN' ? { status: 'GIVEN' as const, retainUntil: '2030-01-01T00:00:00Z' } : { status: 'WITHDRAWN' as const };
    await nordlys.asRecruiter.data(UpdateCandidateDocument, { input: { candidateId: built.candidateIds[op.candidate], consent } });
  } else {
    await nordlys.asAdmin.data(EraseCandidateDocument, { input: { candidateId: built.candidateIds[op.candidate], reason: 'Request.' } });
  }
}

// The whole calibrated ranking of the mandate as one viewer sees it.
async function ranking(mandateId: string, viewerUserId: string | null) {
  const { rows } = await rankMandate(app.em().fork() as EntityManager, nordlys.firm.id, mandateId, {
    limit: 50,
    viewerUserId,
    calibrated: true,
  });
  return rows.map((row) => ({ id: row.id, fit: row.fit, coverage: row.coverage, blind: row.blind }));
}

describe('the kept leniencies of the calibrated ranking', () => {
  it('should rank as a computation from scratch after any sequence of submits, amends, cancellations, consent changes and erasures', async () => {
    let sawFit = false;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        const built = await world();
        const submitted = new Set<string>();
        const viewers = [null, ...panel.map((member) => member.userId)];
        // Figures kept before the operations, for every viewer.
        for (const viewer of viewers) await ranking(built.mandateId, viewer);
        for (const op of operations) {
          await apply(built, submitted, op);
          // Twice from the kept figures (the first may find them outdated, the second uses new
          // ones), then from scratch; every viewer's figures were kept before the operation.
          const first = [];
          const kept = [];
          for (const viewer of viewers) {
            first.push(await ranking(built.mandateId, viewer));
            kept.push(await ranking(built.mandateId, viewer));
          }
          clearLeniencyCache();
          const scratch = [];
          for (const viewer of viewers) scratch.push(await ranking(built.mandateId, viewer));
          expect(first).toEqual(scratch);
          expect(kept).toEqual(scratch);
          if (scratch.flat().some((row) => row.fit !== null)) sawFit = true;
        }
      }),
      { numRuns: 8, interruptAfterTimeLimit: 270_000 },
    );
    // The sequences did assess someone: the comparison was not of empty rankings.
    expect(sawFit).toBe(true);
  }, 300_000);

  it('should bump the firm ratings version on a submit, an amendment and a cancellation, and not on a reading', async () => {
    const built = await world();
    const version = async () => {
      const [row]: { version: string | null }[] = await app
        .em()
        .getConnection()
        .execute('select version::text from firm_ratings_version where firm_id = ?', [nordlys.firm.id]);
      return row ? Number(row.version) : 0;
    };
    const ratings = [{ competencyKey: RUBRIC_KEYS[0], score: 4, evidence: 'Seen.' }];
    let before = await version();
    const { submitScorecard } = await panel[0].as.data(SubmitScorecardDocument, {
      input: { interviewId: built.interviews[0].id, ratings, recommendation: 'YES', summary: null },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    expect(await version()).toBeGreaterThan(before);
    before = await version();
    const { amendScorecard } = await panel[0].as.data(AmendScorecardDocument, {
      input: { scorecardId: built.interviews[0].scorecardIds[0], ratings, recommendation: 'NO', summary: null, reason: 'Call.' },
    });
    expect(amendScorecard.userErrors).toEqual([]);
    expect(await version()).toBeGreaterThan(before);
    before = await version();
    await ranking(built.mandateId, panel[1].userId);
    expect(await version()).toBe(before);
    const { cancelInterview } = await nordlys.asAdmin.data(CancelInterviewDocument, {
      input: { interviewId: built.interviews[1].id, reason: 'Called off.' },
    });
    expect(cancelInterview.userErrors).toEqual([]);
    expect(await version()).toBeGreaterThan(before);
  });
});
