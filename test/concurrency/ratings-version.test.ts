import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createPanel, type PanelMember, RUBRIC_KEYS, schedulePanelInterview } from '../helpers/interview-fixtures';
import { ok, transactionsWaiting } from '../helpers/concurrency';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate } from '../../src/modules/mandate';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { localIdOf } from '../../src/common/global-id';
import {
  AmendScorecardDocument,
  CancelInterviewDocument,
  EraseCandidateDocument,
  MandateAgreementDocument,
  MergeCandidatesDocument,
  SaveScorecardDraftDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

// The firm's ratings version (firm_ratings_version, Migration20261202140000) is one row per firm
// that statement-level triggers update in every transaction that moves a counted rating: rating
// writers of one firm wait for each other on it until commit. Over real HTTP, one firm takes
// at once submits of the three panelists of the same interviews, amendments, a cancellation, an
// erasure and a merge, on different candidacies: every request must succeed with its exact result
// (no deadlock, no INTERNAL_SERVER_ERROR), and the version must move by exactly what the same
// requests move it by one after the other.

let app: TestApp;
let nordlys: TestFirm;
// The three interviewers of every interview: the recruiter and two colleagues.
let panel: PanelMember[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  panel = await createPanel(app, nordlys, 2);
});
afterAll(() => app.close());

// Candidacies of the main mandate by role in the burst.
const SUBMITTED = [0, 1];
const AMENDED = [2, 3];
const CANCELLED = 4;
const ERASED = 5;
const SURVIVOR = 6;
// The duplicate's candidacy is on a second mandate (a merge is refused within one mandate).
const CANDIDACIES = 7;

interface World {
  mandateNodeId: string;
  candidateIds: string[];
  duplicateId: string;
  // Per candidacy of the main mandate, then the duplicate's: interview and the panel's scorecards.
  interviews: { id: string; scorecardIds: string[] }[];
}

function ratingsOf(member: number, round: number) {
  return RUBRIC_KEYS.slice(0, 3).map((competencyKey, index) => ({
    competencyKey,
    score: ((member + index + round) % 5) + 1,
    evidence: 'Seen.',
  }));
}

async function world(): Promise<World> {
  const em = app.em();
  const firm = nordlys.firm.id;
  const rubric = await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
  const mandate = (title: string) =>
    em.create(Mandate, { firm, title, client, leadershipLevel: LeadershipLevel.EXECUTIVE, leadRecruiter: nordlys.recruiter.id, rubric });
  const [main, other] = [mandate('Concurrent'), mandate('Elsewhere')];
  const candidates = Array.from({ length: CANDIDACIES + 1 }, (_, index) =>
    em.create(Candidate, { firm, firstName: `Person${index}`, lastName: 'Solberg', email: `person${index}@example.com` }),
  );
  const candidacies = candidates.map((candidate, index) =>
    em.create(Candidacy, { firm, mandate: index < CANDIDACIES ? main : other, candidate, stage: CandidacyStage.INTERVIEWING }),
  );
  await em.flush();
  const interviews: World['interviews'] = [];
  for (const candidacy of candidacies) {
    const interview = await schedulePanelInterview(nordlys.asAdmin, candidacy.nodeId, panel);
    interviews.push({ ...interview });
  }
  // Before the burst: the amended, erased, survivor's and duplicate's candidacies judged by the
  // whole panel; a draft of the first panelist on the interview to be cancelled.
  for (const index of [...AMENDED, ERASED, SURVIVOR, CANDIDACIES]) {
    for (const [member, { as }] of panel.entries()) {
      const { submitScorecard } = ok(
        await as.request(SubmitScorecardDocument, {
          input: { interviewId: interviews[index].id, ratings: ratingsOf(member, 0), recommendation: 'YES', summary: null },
        }),
      );
      expect(submitScorecard.userErrors).toEqual([]);
    }
  }
  const { saveScorecardDraft } = ok(
    await panel[0].as.request(SaveScorecardDraftDocument, {
      input: { interviewId: interviews[CANCELLED].id, ratings: ratingsOf(0, 0) },
    }),
  );
  expect(saveScorecardDraft.userErrors).toEqual([]);
  return {
    mandateNodeId: main.nodeId,
    candidateIds: candidates.map((candidate) => candidate.nodeId),
    duplicateId: candidates[CANDIDACIES].nodeId,
    interviews,
  };
}

type Kind = 'submit' | 'amend' | 'cancel' | 'erase' | 'merge';

// Every request of the burst with what it must answer (null userErrors checked by the caller).
function burst(built: World, round: number): { kind: Kind; send: () => Promise<{ userErrors: unknown[]; check: () => void }> }[] {
  const requests: { kind: Kind; send: () => Promise<{ userErrors: unknown[]; check: () => void }> }[] = [];
  for (const index of SUBMITTED) {
    panel.forEach(({ as }, member) =>
      requests.push({
        kind: 'submit',
        send: async () => {
          const { submitScorecard } = ok(
            await as.request(SubmitScorecardDocument, {
              input: { interviewId: built.interviews[index].id, ratings: ratingsOf(member, round), recommendation: 'YES', summary: null },
            }),
          );
          return {
            userErrors: submitScorecard.userErrors,
            check: () => {
              const scorecard = submitScorecard.scorecard!;
              expect(scorecard).toMatchObject({ id: built.interviews[index].scorecardIds[member], status: 'SUBMITTED' });
              expect(scorecard.revisions.map((revision) => revision.number)).toEqual([1]);
              expect(scorecard.ratings.slice(0, 3).map((rating) => rating.score)).toEqual(
                ratingsOf(member, round).map((rating) => rating.score),
              );
            },
          };
        },
      }),
    );
  }
  for (const index of AMENDED) {
    panel.forEach(({ as }, member) =>
      requests.push({
        kind: 'amend',
        send: async () => {
          const { amendScorecard } = ok(
            await as.request(AmendScorecardDocument, {
              input: {
                scorecardId: built.interviews[index].scorecardIds[member],
                ratings: ratingsOf(member, round + 1),
                recommendation: 'NO',
                summary: null,
                reason: 'Second thoughts.',
              },
            }),
          );
          return {
            userErrors: amendScorecard.userErrors,
            check: () => {
              const scorecard = amendScorecard.scorecard!;
              expect(scorecard.recommendation).toBe('NO');
              expect(scorecard.revisions.map((revision) => revision.number)).toEqual([1, 2]);
              expect(scorecard.ratings.slice(0, 3).map((rating) => rating.score)).toEqual(
                ratingsOf(member, round + 1).map((rating) => rating.score),
              );
            },
          };
        },
      }),
    );
  }
  requests.push({
    kind: 'cancel',
    send: async () => {
      const { cancelInterview } = ok(
        await nordlys.asAdmin.request(CancelInterviewDocument, {
          input: { interviewId: built.interviews[CANCELLED].id, reason: 'Called off.' },
        }),
      );
      return { userErrors: cancelInterview.userErrors, check: () => expect(cancelInterview.interview!.status).toBe('CANCELLED') };
    },
  });
  requests.push({
    kind: 'erase',
    send: async () => {
      const { eraseCandidate } = ok(
        await nordlys.asAdmin.request(EraseCandidateDocument, { input: { candidateId: built.candidateIds[ERASED], reason: 'Request.' } }),
      );
      return { userErrors: eraseCandidate.userErrors, check: () => expect(eraseCandidate.candidate!.email).toBeNull() };
    },
  });
  requests.push({
    kind: 'merge',
    send: async () => {
      const { mergeCandidates } = ok(
        await nordlys.asAdmin.request(MergeCandidatesDocument, {
          input: {
            survivorId: built.candidateIds[SURVIVOR],
            duplicateId: built.duplicateId,
            expectedVersions: { survivor: 1, duplicate: 1 },
          },
        }),
      );
      return {
        userErrors: mergeCandidates.userErrors,
        check: () => expect(mergeCandidates.mergedCandidateId).toBe(built.duplicateId),
      };
    },
  });
  return requests;
}

async function ratingsVersion(): Promise<number> {
  const [row]: { version: string }[] = await app
    .em()
    .execute(`select coalesce((select version from firm_ratings_version where firm_id = ?), 0)::text as version`, [nordlys.firm.id]);
  return Number(row.version);
}

// How far each kind of request moves the version, measured alone, one after the other.
async function sequentialBumps(round: number): Promise<Map<Kind, number[]>> {
  const built = await world();
  const bumps = new Map<Kind, number[]>();
  for (const request of burst(built, round)) {
    const before = await ratingsVersion();
    const { userErrors, check } = await request.send();
    expect(userErrors).toEqual([]);
    check();
    bumps.set(request.kind, [...(bumps.get(request.kind) ?? []), (await ratingsVersion()) - before]);
  }
  return bumps;
}

async function agreementOf(mandateNodeId: string) {
  const response = await nordlys.asAdmin.request(MandateAgreementDocument, { id: mandateNodeId });
  const node = ok(response).node;
  return node?.__typename === 'Mandate' ? node.agreement.overall : null;
}

describe('the firm ratings version under concurrent rating writers', () => {
  it('should serve every concurrent submit, amendment, cancellation, erasure and merge of one firm, and count each', async () => {
    const bumps = await sequentialBumps(0);
    // Per request: one bump per statement that changes watched columns (scorecard, ratings…).
    expect(Object.fromEntries(bumps)).toEqual({
      submit: [2, 2, 2, 2, 2, 2],
      amend: [2, 2, 2, 2, 2, 2],
      cancel: [2],
      erase: [0],
      merge: [0],
    });
    const perBurst = [...bumps.values()].flat().reduce((sum, bump) => sum + bump, 0);

    let waiting = 0;
    for (let round = 1; round <= 4; round++) {
      const built = await world();
      const before = await ratingsVersion();
      let done = false;
      const sent = Promise.all(burst(built, round).map((request) => request.send())).finally(() => (done = true));
      // Meanwhile, how many of the firm's transactions wait on a lock at once: the burst must contend.
      while (!done) {
        waiting = Math.max(waiting, await transactionsWaiting(app));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const answers = await sent;
      for (const { userErrors, check } of answers) {
        expect(userErrors).toEqual([]);
        check();
      }
      expect((await ratingsVersion()) - before).toBe(perBurst);

      // What the figures see afterwards: the submitted and amended candidacies (3 competencies ×
      // 3 panelists each), the erased candidate's and the survivor's; the duplicate's moved with
      // its candidacy to the other mandate; the cancelled interview has none.
      expect(await agreementOf(built.mandateNodeId)).toMatchObject({ pairableUnits: 6 * 3, pairableValues: 6 * 9 });
      const rows: { status: string; revisions: number }[] = await app.em().execute(
        `select s.status, count(v.id)::int as revisions
           from scorecard s left join scorecard_revision v on v.scorecard_id = s.id
          where s.interview_id = any(?::uuid[]) group by s.id order by s.status, revisions`,
        [`{${[...SUBMITTED, ...AMENDED].map((index) => localIdOf(built.interviews[index].id, 'Interview')).join(',')}}`],
      );
      expect(rows).toEqual([
        ...Array(6).fill({ status: 'SUBMITTED', revisions: 1 }),
        ...Array(6).fill({ status: 'SUBMITTED', revisions: 2 }),
      ]);
    }
    expect(waiting).toBeGreaterThanOrEqual(2);
  }, 300_000);
});
