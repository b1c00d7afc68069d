import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createPanel, type PanelMember, RUBRIC_KEYS, schedulePanelInterview } from '../helpers/interview-fixtures';
import { ok, transactionsWaiting } from '../helpers/concurrency';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate } from '../../src/modules/mandate';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { maintainedAndRebuiltProfiles } from '../../src/modules/competency-profile';
import { localIdOf } from '../../src/common/global-id';
import {
  AmendScorecardDocument,
  EraseCandidateDocument,
  MergeCandidatesDocument,
  SaveScorecardDraftDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

// Rating writes racing an erasure or a merge of the SAME candidate (ratings-version.test.ts races
// them on different candidates). Over real HTTP, at once: the three panelists submit, amend and
// submit-over-a-draft on the interview of a candidate an admin erases, and the same on the
// interview of a duplicate an admin merges into another candidate. Whatever order the database
// puts them in, every request must answer (no deadlock, no INTERNAL_SERVER_ERROR) with a result
// that order allows — a write either lands before the erasure (which then clears its text) or is
// refused as ERASED; every write on the duplicate lands and moves with it —, no text about the
// erased person may remain, and the talent pool's maintained profile must equal a rebuild.

let app: TestApp;
let nordlys: TestFirm;
let panel: PanelMember[];

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  panel = await createPanel(app, nordlys, 2);
});
afterAll(() => app.close());

interface World {
  erased: { candidateId: string; interview: { id: string; scorecardIds: string[] } };
  duplicate: { candidateId: string; interview: { id: string; scorecardIds: string[] } };
  survivorId: string;
}

function ratings(marker: string, score: number) {
  return RUBRIC_KEYS.slice(0, 3).map((competencyKey) => ({ competencyKey, score, evidence: `${marker}: told of ten customer visits.` }));
}

// The person to erase and the survivor in one mandate, the duplicate in another (a merge within
// one mandate's pipeline is refused); an interview with the whole panel for the erased and the
// duplicate. Before the race, panelist 1 has submitted on both (so they can amend) and panelist 2
// has a draft on both.
async function world(round: number): Promise<World> {
  const em = app.em();
  const firm = nordlys.firm.id;
  const rubric = await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
  const client = em.create(Client, { firm, name: 'Fjordnett AS', country: 'NO' });
  const mandate = (title: string) =>
    em.create(Mandate, { firm, title, client, leadershipLevel: LeadershipLevel.EXECUTIVE, leadRecruiter: nordlys.recruiter.id, rubric });
  const [main, other] = [mandate(`Race ${round}`), mandate(`Race ${round}, elsewhere`)];
  const person = (firstName: string) =>
    em.create(Candidate, { firm, firstName, lastName: `Race${round}`, email: `${firstName}${round}@example.com` });
  const [erased, survivor, duplicate] = [person('Erased'), person('Survivor'), person('Duplicate')];
  const candidacies = [
    em.create(Candidacy, { firm, mandate: main, candidate: erased, stage: CandidacyStage.INTERVIEWING }),
    em.create(Candidacy, { firm, mandate: main, candidate: survivor, stage: CandidacyStage.INTERVIEWING }),
    em.create(Candidacy, { firm, mandate: other, candidate: duplicate, stage: CandidacyStage.INTERVIEWING }),
  ];
  await em.flush();
  const [erasedInterview, duplicateInterview] = [
    await schedulePanelInterview(nordlys.asAdmin, candidacies[0].nodeId, panel),
    await schedulePanelInterview(nordlys.asAdmin, candidacies[2].nodeId, panel),
  ];
  for (const [interview, marker] of [
    [erasedInterview, markerOf('erased', round)],
    [duplicateInterview, markerOf('duplicate', round)],
  ] as const) {
    const { submitScorecard } = ok(
      await panel[1].as.request(SubmitScorecardDocument, {
        input: { interviewId: interview.id, ratings: ratings(marker, 3), recommendation: 'YES', summary: `${marker}: first view.` },
      }),
    );
    expect(submitScorecard.userErrors).toEqual([]);
    const { saveScorecardDraft } = ok(
      await panel[2].as.request(SaveScorecardDraftDocument, {
        input: { interviewId: interview.id, ratings: ratings(marker, 2), summary: `${marker}: draft.` },
      }),
    );
    expect(saveScorecardDraft.userErrors).toEqual([]);
  }
  return {
    erased: { candidateId: erased.nodeId, interview: erasedInterview },
    duplicate: { candidateId: duplicate.nodeId, interview: duplicateInterview },
    survivorId: survivor.nodeId,
  };
}

function markerOf(who: 'erased' | 'duplicate', round: number): string {
  return `Race-${who}-${round}`;
}

type Outcome = { kind: 'landed' } | { kind: 'refused'; userErrors: { code: string; field: string[] | null }[] };

// The panel's three writes on one interview: submit, amend, submit over a draft.
function writes(interview: World['erased']['interview'], marker: string): (() => Promise<Outcome>)[] {
  const outcome = (userErrors: { code: string; field?: string[] | null }[], status: string | undefined): Outcome => {
    if (userErrors.length === 0) {
      expect(status).toBe('SUBMITTED');
      return { kind: 'landed' };
    }
    return { kind: 'refused', userErrors: userErrors.map(({ code, field }) => ({ code, field: field ?? null })) };
  };
  const submit = (member: number, score: number) => async () => {
    const { submitScorecard } = ok(
      await panel[member].as.request(SubmitScorecardDocument, {
        input: { interviewId: interview.id, ratings: ratings(marker, score), recommendation: 'NO', summary: `${marker}: in the room.` },
      }),
    );
    return outcome(submitScorecard.userErrors, submitScorecard.scorecard?.status);
  };
  const amend = async () => {
    const { amendScorecard } = ok(
      await panel[1].as.request(AmendScorecardDocument, {
        input: {
          scorecardId: interview.scorecardIds[1],
          ratings: ratings(marker, 5),
          recommendation: 'STRONG_YES',
          summary: `${marker}: second view.`,
          reason: `${marker}: thought again.`,
        },
      }),
    );
    return outcome(amendScorecard.userErrors, amendScorecard.scorecard?.status);
  };
  return [submit(0, 4), amend, submit(2, 1)];
}

// Rows in any table that holds text written about a person in an interview, with this marker.
async function textRowsWith(marker: string): Promise<Record<string, number>> {
  const [row]: Record<string, number>[] = await app.em().execute(
    `select (select count(*) from rating where evidence like ?)::int as ratings,
            (select count(*) from scorecard_revision where summary like ? or reason like ?)::int as revisions,
            (select count(*) from scorecard_draft where summary like ?)::int as drafts,
            (select count(*) from draft_rating where evidence like ?)::int as "draftRatings"`,
    Array(5).fill(`%${marker}%`),
  );
  return row;
}

describe('rating writes racing an erasure or a merge of the same candidate', () => {
  it('should answer every request with a result its order allows, and leave no text about the erased person', async () => {
    let waiting = 0;
    for (let round = 1; round <= 4; round++) {
      const built = await world(round);
      const erasedMarker = markerOf('erased', round);
      const duplicateMarker = markerOf('duplicate', round);
      const erase = async () => {
        const { eraseCandidate } = ok(
          await nordlys.asAdmin.request(EraseCandidateDocument, { input: { candidateId: built.erased.candidateId, reason: 'Request.' } }),
        );
        expect(eraseCandidate.userErrors).toEqual([]);
        expect(eraseCandidate.candidate!.email).toBeNull();
      };
      const merge = async () => {
        const { mergeCandidates } = ok(
          await nordlys.asAdmin.request(MergeCandidatesDocument, {
            input: {
              survivorId: built.survivorId,
              duplicateId: built.duplicate.candidateId,
              expectedVersions: { survivor: 1, duplicate: 1 },
            },
          }),
        );
        expect(mergeCandidates.userErrors).toEqual([]);
        expect(mergeCandidates.mergedCandidateId).toBe(built.duplicate.candidateId);
      };
      const erasedWrites = writes(built.erased.interview, erasedMarker);
      const duplicateWrites = writes(built.duplicate.interview, duplicateMarker);

      let done = false;
      const sent = Promise.all([
        Promise.all(erasedWrites.map((send) => send())),
        Promise.all(duplicateWrites.map((send) => send())),
        erase(),
        merge(),
      ]).finally(() => (done = true));
      while (!done) {
        waiting = Math.max(waiting, await transactionsWaiting(app));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const [erasedOutcomes, duplicateOutcomes] = await sent;

      // On the erased person: landed before the erasure, or refused after it, with the field it names.
      const expectedRefusal = [
        [{ code: 'ERASED', field: ['input', 'interviewId'] }],
        [{ code: 'ERASED', field: ['input', 'scorecardId'] }],
        [{ code: 'ERASED', field: ['input', 'interviewId'] }],
      ];
      erasedOutcomes.forEach((outcome, index) => {
        if (outcome.kind === 'refused') expect(outcome.userErrors).toEqual(expectedRefusal[index]);
      });
      // On the duplicate: every write lands, before or after the merge moves its candidacy.
      expect(duplicateOutcomes).toEqual([{ kind: 'landed' }, { kind: 'landed' }, { kind: 'landed' }]);

      // No text about the erased person anywhere; the duplicate's evidence all kept (two
      // submitted revisions of the amended scorecard, one of each other: 4 revisions × 3 ratings).
      expect(await textRowsWith(erasedMarker)).toEqual({ ratings: 0, revisions: 0, drafts: 0, draftRatings: 0 });
      expect((await textRowsWith(duplicateMarker)).ratings).toBe(4 * 3);
      const [moved]: { candidate: string }[] = await app
        .em()
        .execute(`select y.candidate_id as candidate from interview i join candidacy y on y.id = i.candidacy_id where i.id = ?`, [
          localIdOf(built.duplicate.interview.id, 'Interview'),
        ]);
      expect(moved.candidate).toBe(localIdOf(built.survivorId, 'Candidate'));

      const profiles = await maintainedAndRebuiltProfiles(app.em(), nordlys.firm.id);
      expect(profiles.maintained).toEqual(profiles.rebuilt);
      expect(profiles.maintainedRollup).toEqual(profiles.rebuiltRollup);
      expect(profiles.maintainedMatches).toEqual(profiles.rebuiltMatches);
    }
    // The race was real: some requests waited on another's locks.
    expect(waiting).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
