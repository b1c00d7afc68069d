import fc from 'fast-check';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createPanel, RUBRIC_KEYS, schedulePanelInterview, submitOrAmend } from '../helpers/interview-fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate } from '../../src/modules/mandate';
import { Candidate, CandidateExternalRef } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { ensureMatchOrder, maintainedAndRebuiltProfiles } from '../../src/modules/competency-profile';
import { fromGlobalId } from '../../src/common/global-id';
import {
  AmendScorecardDocument,
  EraseCandidateDocument,
  SetRequirementProfileDocument,
  TalentPoolDocument,
  SubmitScorecardDocument,
  UpdateCandidateDocument,
  UpsertCandidatesDocument,
} from '../generated/graphql';

// The maintained competency profile against a rebuild from scratch, after random sequences of
// the operations that change it (submit, amend, consent withdrawn and given again through
// updateCandidate or the ATS's upsertCandidates, erasure),
// each through the API as users do it; with it the talent pool's match order of two pool mandates
// (built at the start, dropped by a change of their requirement profile, built again by a read).

let app: TestApp;
let nordlys: TestFirm;
// The two interviewers of every interview: the recruiter and a colleague.
let panel: { nodeId: string; as: GraphQLClient }[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  panel = await createPanel(app, nordlys, 1);
});
afterAll(() => app.close());

interface World {
  candidateIds: string[];
  // Each candidate's id in the ATS (system "ats"), for upsertCandidates.
  candidateRefs: string[];
  // Mandates whose talent pool is read (no candidacies).
  poolMandates: { id: string; nodeId: string }[];
  // Per interview: its id, whose candidate it is, and the scorecard id of each panel member.
  interviews: { id: string; candidate: number; scorecardIds: string[] }[];
}

// Two candidates, each in two mandates, one interview with the two-person panel per candidacy.
async function world(): Promise<World> {
  const em = app.em();
  const firm = nordlys.firm.id;
  const rubric = await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
  const mandates = [0, 1].map((index) =>
    em.create(Mandate, {
      firm,
      title: `Mandate ${index}`,
      client,
      leadershipLevel: LeadershipLevel.EXECUTIVE,
      leadRecruiter: nordlys.recruiter.id,
      rubric,
    }),
  );
  const candidates = ['Ingrid', 'Per'].map((firstName) => em.create(Candidate, { firm, firstName, lastName: 'Solberg' }));
  for (const candidate of candidates) em.create(CandidateExternalRef, { firm, candidate, system: 'ats', externalId: candidate.id });
  const candidacies = candidates.flatMap((candidate, index) =>
    mandates.map((mandate) => ({
      index,
      candidacy: em.create(Candidacy, { firm, mandate, candidate, stage: CandidacyStage.INTERVIEWING }),
    })),
  );
  // Two pool mandates with profiles over the rubric's keys (one with a must-have), orders built.
  const poolMandates = [0, 1].map((index) =>
    em.create(Mandate, {
      firm,
      title: `Pool ${index}`,
      client,
      leadershipLevel: LeadershipLevel.EXECUTIVE,
      leadRecruiter: nordlys.recruiter.id,
      rubric,
    }),
  );
  await em.flush();
  for (const [index, mandate] of poolMandates.entries()) {
    const { setRequirementProfile } = await nordlys.asRecruiter.data(SetRequirementProfileDocument, {
      input: { mandateId: mandate.nodeId, requirements: profileOf(index) },
    });
    expect(setRequirementProfile.userErrors).toEqual([]);
    await ensureMatchOrder(app.em().fork(), firm, mandate.id);
  }
  const interviews: World['interviews'] = [];
  for (const { index, candidacy } of candidacies) {
    const interview = await schedulePanelInterview(nordlys.asAdmin, candidacy.nodeId, panel);
    interviews.push({ candidate: index, ...interview });
  }
  return {
    candidateIds: candidates.map((candidate) => candidate.nodeId),
    candidateRefs: candidates.map((candidate) => candidate.id),
    poolMandates: poolMandates.map((mandate) => ({ id: mandate.id, nodeId: mandate.nodeId })),
    interviews,
  };
}

// A requirement profile over the rubric's first keys; `variant` moves weights, targets and the must-have.
function profileOf(variant: number) {
  return RUBRIC_KEYS.slice(0, 3).map((competencyKey, index) => ({
    competencyKey,
    weight: 1 + ((index + variant) % 3),
    target: 3 + ((index + variant) % 3),
    minimum: index === variant % 3 ? 2 + (variant % 2) : null,
  }));
}

type Operation =
  | { kind: 'judge'; interview: number; member: number; scores: (number | null)[] }
  | { kind: 'consent'; candidate: number; status: 'WITHDRAWN' | 'GIVEN'; via: 'update' | 'upsert' }
  | { kind: 'erase'; candidate: number }
  | { kind: 'profile'; mandate: number; variant: number }
  | { kind: 'read'; mandate: number };

const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('judge' as const),
      interview: fc.nat(3),
      member: fc.nat(1),
      scores: fc.array(score, { minLength: 1, maxLength: RUBRIC_KEYS.length }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('consent' as const),
      candidate: fc.nat(1),
      status: fc.constantFrom('WITHDRAWN' as const, 'GIVEN' as const),
      via: fc.constantFrom('update' as const, 'upsert' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), candidate: fc.nat(1) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('profile' as const), mandate: fc.nat(1), variant: fc.nat(5) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('read' as const), mandate: fc.nat(1) }) },
);

// Submits the member's scorecard the first time, amends it after; refused (no write) once the
// candidate is erased, which is part of what is checked.
async function apply(world: World, submitted: Set<string>, op: Operation): Promise<void> {
  if (op.kind === 'judge') {
    const interview = world.interviews[op.interview];
    const scorecardId = interview.scorecardIds[op.member];
    const ratings = op.scores.map((value, index) => ({
      competencyKey: RUBRIC_KEYS[index],
      score: value,
      evidence: value === null ? null : `Evidence for ${RUBRIC_KEYS[index]}.`,
    }));
    await submitOrAmend(panel[op.member].as, interview.id, scorecardId, ratings, submitted);
  } else if (op.kind === 'consent') {
    await changeConsent(world, op.candidate, op.status, op.via);
  } else if (op.kind === 'erase') {
    await nordlys.asAdmin.data(EraseCandidateDocument, { input: { candidateId: world.candidateIds[op.candidate], reason: 'Request.' } });
  } else if (op.kind === 'profile') {
    const { setRequirementProfile } = await nordlys.asRecruiter.data(SetRequirementProfileDocument, {
      input: { mandateId: world.poolMandates[op.mandate].nodeId, requirements: profileOf(op.variant) },
    });
    expect(setRequirementProfile.userErrors).toEqual([]);
  } else {
    // The first read after a profile change builds the order again.
    const { node } = await nordlys.asRecruiter.data(TalentPoolDocument, { id: world.poolMandates[op.mandate].nodeId, first: 5 });
    expect(node?.__typename).toBe('Mandate');
  }
}

// Through updateCandidate, or through upsertCandidates as the ATS sends it (matched by its ref).
// Refused (no write) once the candidate is erased, either way.
async function changeConsent(world: World, candidate: number, status: 'WITHDRAWN' | 'GIVEN', via: 'update' | 'upsert'): Promise<void> {
  const consent = status === 'GIVEN' ? { status: 'GIVEN' as const, retainUntil: '2030-01-01T00:00:00Z' } : { status: 'WITHDRAWN' as const };
  if (via === 'update') {
    await nordlys.asRecruiter.data(UpdateCandidateDocument, { input: { candidateId: world.candidateIds[candidate], consent } });
  } else {
    const externalRef = { system: 'ats', externalId: world.candidateRefs[candidate] };
    await nordlys.asRecruiter.data(UpsertCandidatesDocument, { input: { candidates: [{ externalRef, consent }] } });
  }
}

describe('the maintained competency profile', () => {
  // 12 runs, each arranging a firm and up to 10 operations over HTTP: beyond the 30 s default on a busy machine.
  it('should equal a rebuild from scratch after any sequence of submits, amends, consent changes, erasures, profile changes and reads', async () => {
    let sawRows = false;
    let sawMatches = false;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 10 }), async (operations) => {
        const built = await world();
        const submitted = new Set<string>();
        for (const op of operations) {
          await apply(built, submitted, op);
          const { maintained, rebuilt, maintainedRollup, rebuiltRollup, maintainedMatches, rebuiltMatches } =
            await maintainedAndRebuiltProfiles(app.em().fork(), nordlys.firm.id);
          expect(maintained).toEqual(rebuilt);
          // The per-candidate rollup the pool reads, against one summed from the ratings from scratch.
          expect(maintainedRollup).toEqual(rebuiltRollup);
          // The built match orders, against rows computed from that rollup with the current profiles.
          expect(maintainedMatches).toEqual(rebuiltMatches);
          if (maintained.length > 0 && maintainedRollup.length > 0) sawRows = true;
          if (maintainedMatches.some((row) => built.poolMandates.some((mandate) => mandate.id === row.mandateId))) sawMatches = true;
        }
      }),
      { numRuns: 12, interruptAfterTimeLimit: 270_000 },
    );
    // The sequences did assess someone: the comparison was not of two empty tables.
    expect(sawRows).toBe(true);
    expect(sawMatches).toBe(true);
  }, 300_000);

  it('should hold per candidacy and key the sum, count and last submission of the counted ratings', async () => {
    const built = await world();
    const [first] = built.interviews;
    const ratings = (scores: (number | null)[]) =>
      scores.map((value, index) => ({ competencyKey: RUBRIC_KEYS[index], score: value, evidence: value === null ? null : 'Seen.' }));
    for (const [member, scores] of [
      [0, [4, 2, null]],
      [1, [5, null, 3]],
    ] as const) {
      const { submitScorecard } = await panel[member].as.data(SubmitScorecardDocument, {
        input: { interviewId: first.id, ratings: ratings([...scores]), recommendation: 'YES', summary: null },
      });
      expect(submitScorecard.userErrors).toEqual([]);
    }
    // An amendment replaces the member's earlier ratings: only the latest revision counts.
    await panel[0].as.data(AmendScorecardDocument, {
      input: { scorecardId: first.scorecardIds[0], ratings: ratings([1]), recommendation: 'NO', summary: null, reason: 'Reference call.' },
    });
    const rowsOf = async () => {
      const { maintained } = await maintainedAndRebuiltProfiles(app.em().fork(), nordlys.firm.id);
      return maintained
        .filter((row) => row.candidateId === fromGlobal(built.candidateIds[0]))
        .map(({ competencyKey, scoreSum, ratingsCount }) => ({ competencyKey, scoreSum, ratingsCount }))
        .sort((a, b) => a.competencyKey.localeCompare(b.competencyKey));
    };
    expect(await rowsOf()).toEqual(
      [
        { competencyKey: RUBRIC_KEYS[0], scoreSum: 6, ratingsCount: 2 },
        { competencyKey: RUBRIC_KEYS[2], scoreSum: 3, ratingsCount: 1 },
      ].sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)),
    );
    const rows = await rowsOf();
    await changeConsent(built, 0, 'WITHDRAWN', 'update');
    expect(await rowsOf()).toEqual([]);
    // Given again and withdrawn again as the ATS sends it: the same rows, then none.
    await changeConsent(built, 0, 'GIVEN', 'upsert');
    expect(await rowsOf()).toEqual(rows);
    await changeConsent(built, 0, 'WITHDRAWN', 'upsert');
    expect(await rowsOf()).toEqual([]);
  });
});

function fromGlobal(nodeId: string): string {
  return fromGlobalId(nodeId)!.id;
}
