import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLResponse } from '../helpers/graphql-client';
import { DEFAULT_COMPETENCY_KEYS, insertMandate, insertRequirementProfile, storedMandate } from '../helpers/mandate-fixtures';
import { insertCandidacy, scorecardInDatabase, someRatings } from '../helpers/interview-fixtures';
import { insertAssessedMandate, shortlistState } from '../helpers/shortlist-fixtures';
import { ScorecardRevision } from '../../src/modules/interview';
import { localIdOf } from '../../src/common/global-id';
import {
  AddToShortlistDocument,
  AmendScorecardDocument,
  PublishShortlistDocument,
  ReorderShortlistDocument,
  ScheduleInterviewDocument,
  SetRequirementProfileDocument,
  SubmitScorecardDocument,
  UpdateShortlistEntryDocument,
  type RequirementInput,
} from '../generated/graphql';

// 50 callers send a change at the same version at the same moment, over real HTTP: exactly one
// may win; the others must get CONFLICT and leave no trace.
const CALLERS = 50;

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

// Every response is a plain 200 with data; returns the payloads.
function payloadsOf<T, K extends keyof T>(responses: GraphQLResponse<T>[], key: K): T[K][] {
  for (const response of responses) {
    expect({ status: response.status, errors: response.errors }).toEqual({ status: 200, errors: undefined });
  }
  return responses.map((response) => response.data![key]);
}

// The one payload without userErrors, and the others.
function winnerOf<P extends { userErrors: unknown[] }>(payloads: P[]): { index: number; losers: P[] } {
  const winners = payloads.map((payload, index) => (payload.userErrors.length === 0 ? index : -1)).filter((index) => index >= 0);
  expect(winners).toHaveLength(1);
  return { index: winners[0], losers: payloads.filter((_, index) => index !== winners[0]) };
}

describe('setRequirementProfile under concurrency', () => {
  // A distinct valid profile per caller: how many competencies, their weight and target.
  function profile(caller: number): RequirementInput[] {
    const count = 1 + (caller % 9);
    const weight = 1 + (Math.floor(caller / 9) % 5);
    const target = caller < 45 ? 3 : 4;
    return DEFAULT_COMPETENCY_KEYS.slice(0, count).map((competencyKey) => ({ competencyKey, weight, target, minimum: null }));
  }

  it('should let exactly one of 50 changes at the same version win; the others get CONFLICT and write nothing', async () => {
    const mandate = await insertMandate(app, nordlys);
    await insertRequirementProfile(app, nordlys, mandate, [{ competencyKey: 'FORESIGHT', weight: 2, target: 2 }]);
    expect((await storedMandate(app, mandate.id)).version).toBe(2);

    const responses = await Promise.all(
      range(CALLERS).map((caller) =>
        nordlys.asRecruiter.request(SetRequirementProfileDocument, {
          input: { mandateId: mandate.nodeId, requirements: profile(caller), expectedVersion: 2 },
        }),
      ),
    );
    const payloads = payloadsOf(responses, 'setRequirementProfile');
    const { index, losers } = winnerOf(payloads);

    expect(payloads[index].mandate).toEqual({ id: mandate.nodeId, version: 3, requirementProfile: profile(index) });
    expect(losers).toEqual(
      range(CALLERS - 1).map(() => ({
        mandate: null,
        userErrors: [
          {
            code: 'CONFLICT',
            field: ['input', 'expectedVersion'],
            message: 'The requirement profile is at version 3, not 2: it was changed meanwhile. Read it again and redo your change.',
          },
        ],
      })),
    );
    const stored = await storedMandate(app, mandate.id);
    expect(stored.version).toBe(3);
    // Exactly the winner's rows: none of the old profile, none of a loser's.
    expect(stored.requirements.map(({ id: _id, ...row }) => row)).toEqual(
      [...profile(index)].sort((a, b) => a.competencyKey.localeCompare(b.competencyKey)),
    );
  });
});

describe('amendScorecard under concurrency', () => {
  it('should let exactly one of 50 amendments at the same version win; the others get CONFLICT and write nothing', async () => {
    const { candidacy } = await insertCandidacy(app, nordlys);
    const { scheduleInterview } = await nordlys.asAdmin.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: candidacy.nodeId,
        kind: 'COMPETENCY',
        scheduledAt: '2026-06-01T12:00:00.000Z',
        interviewerIds: [nordlys.recruiter.nodeId],
      },
    });
    const interview = scheduleInterview.interview!;
    const scorecardId = interview.scorecards[0].id;
    const { submitScorecard } = await nordlys.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId: interview.id, ratings: someRatings(2), recommendation: 'YES', summary: 'First view.' },
    });
    expect(submitScorecard.scorecard!.version).toBe(2);

    const responses = await Promise.all(
      range(CALLERS).map((caller) =>
        nordlys.asRecruiter.request(AmendScorecardDocument, {
          input: {
            scorecardId,
            ratings: [{ competencyKey: 'OUTSIDE_IN', score: 1 + (caller % 5), evidence: `Reference call ${caller}.` }],
            recommendation: 'STRONG_YES',
            summary: `Amendment ${caller}.`,
            reason: `Reason ${caller}.`,
            expectedVersion: 2,
          },
        }),
      ),
    );
    const payloads = payloadsOf(responses, 'amendScorecard');
    const { index, losers } = winnerOf(payloads);

    expect(payloads[index].scorecard).toMatchObject({ id: scorecardId, version: 3, summary: `Amendment ${index}.` });
    expect(losers).toEqual(
      range(CALLERS - 1).map(() => ({
        scorecard: null,
        userErrors: [
          {
            code: 'CONFLICT',
            field: ['input', 'expectedVersion'],
            message: 'The scorecard is at version 3, not 2: it was changed meanwhile. Read it again and redo your change.',
          },
        ],
      })),
    );
    // One new revision (the winner's), with one rating per competency of the rubric.
    expect(await scorecardInDatabase(app, scorecardId)).toMatchObject({
      status: 'SUBMITTED',
      version: 3,
      revisions: [1, 2],
      ratings: 2 * DEFAULT_COMPETENCY_KEYS.length,
    });
    const revisions = await app
      .em()
      .find(ScorecardRevision, { scorecard: localIdOf(scorecardId, 'Scorecard')! }, { orderBy: { number: 'asc' } });
    expect(revisions.map((revision) => [revision.number, revision.summary, revision.reason])).toEqual([
      [1, 'First view.', null],
      [2, `Amendment ${index}.`, `Reason ${index}.`],
    ]);
  });
});

describe('shortlist changes under concurrency', () => {
  // A shortlist of three entries at version 3 (and a fourth candidacy not on it).
  async function threeEntries() {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 4 });
    const ids: string[] = [];
    for (const index of [0, 1, 2]) {
      const { addToShortlist } = await nordlys.asRecruiter.data(AddToShortlistDocument, {
        input: { mandateId: world.mandate.nodeId, candidacyId: world.candidacies[index].candidacy.nodeId, note: `Note ${index}.` },
      });
      ids.push(addToShortlist.entry!.id);
    }
    return { world, ids };
  }

  const CONFLICT = {
    code: 'CONFLICT',
    field: ['input', 'expectedVersion'],
    message: 'The shortlist is at version 4, not 3: it was changed meanwhile. Read it again and redo your change.',
  };

  it('should let exactly one of 50 note changes at the same version win; the others get CONFLICT and write nothing', async () => {
    const { world, ids } = await threeEntries();
    const responses = await Promise.all(
      range(CALLERS).map((caller) =>
        nordlys.asRecruiter.request(UpdateShortlistEntryDocument, {
          input: { entryId: ids[1], note: `Note from caller ${caller}.`, expectedVersion: 3 },
        }),
      ),
    );
    const payloads = payloadsOf(responses, 'updateShortlistEntry');
    const { index, losers } = winnerOf(payloads);
    expect(payloads[index]).toMatchObject({ entry: { id: ids[1], note: `Note from caller ${index}.` }, shortlist: { version: 4 } });
    expect(losers).toEqual(range(CALLERS - 1).map(() => ({ entry: null, shortlist: null, userErrors: [CONFLICT] })));

    const state = await shortlistState(app, world.mandate.id);
    expect(state.shortlist.map((row) => row.version)).toEqual([4]);
    expect(state.entries.map((row) => row.note).sort()).toEqual(['Note 0.', 'Note 2.', `Note from caller ${index}.`].sort());
  });

  it('should serialise every kind of shortlist change on one version: reorders, notes, an add and a publication', async () => {
    const { world, ids } = await threeEntries();
    const before = await shortlistState(app, world.mandate.id);
    // The five orders that differ from the current one (each raises the version).
    const orders = [
      [ids[0], ids[2], ids[1]],
      [ids[1], ids[0], ids[2]],
      [ids[1], ids[2], ids[0]],
      [ids[2], ids[0], ids[1]],
      [ids[2], ids[1], ids[0]],
    ];
    type Sent = { kind: 'reorder'; order: string[] } | { kind: 'note'; note: string } | { kind: 'add' } | { kind: 'publish' };
    const sent: Sent[] = range(CALLERS).map((caller) =>
      caller === 0
        ? { kind: 'add' }
        : caller === 1
          ? { kind: 'publish' }
          : caller % 2
            ? { kind: 'reorder', order: orders[caller % 5] }
            : { kind: 'note', note: `Note ${caller}.` },
    );
    const mandateId = world.mandate.nodeId;
    const payloads = await Promise.all(
      sent.map(async (request) => {
        switch (request.kind) {
          case 'add':
            return payloadsOf(
              [
                await nordlys.asRecruiter.request(AddToShortlistDocument, {
                  input: { mandateId, candidacyId: world.candidacies[3].candidacy.nodeId, note: 'Fourth.', expectedVersion: 3 },
                }),
              ],
              'addToShortlist',
            )[0];
          case 'publish':
            return payloadsOf(
              [await nordlys.asRecruiter.request(PublishShortlistDocument, { input: { mandateId, expectedVersion: 3 } })],
              'publishShortlist',
            )[0];
          case 'reorder':
            return payloadsOf(
              [
                await nordlys.asRecruiter.request(ReorderShortlistDocument, {
                  input: { mandateId, entryIds: request.order, expectedVersion: 3 },
                }),
              ],
              'reorderShortlist',
            )[0];
          case 'note':
            return payloadsOf(
              [
                await nordlys.asRecruiter.request(UpdateShortlistEntryDocument, {
                  input: { entryId: ids[0], note: request.note, expectedVersion: 3 },
                }),
              ],
              'updateShortlistEntry',
            )[0];
        }
      }),
    );
    const { index, losers } = winnerOf(payloads);
    const winner = sent[index];
    // Every other change was judged against the winner's version 4 and refused as CONFLICT. Only
    // a won add makes the reorders' entry lists incomplete as well; otherwise the stale version
    // is the one fault.
    for (const loser of losers) {
      if (winner.kind === 'add') expect(loser.userErrors).toContainEqual(CONFLICT);
      else expect(loser.userErrors).toEqual([CONFLICT]);
    }

    const after = await shortlistState(app, world.mandate.id);
    expect(after.shortlist.map((row) => row.version)).toEqual([4]);
    const positions = (state: typeof before) => Object.fromEntries(state.entries.map((row) => [row.id, row.position]));
    const notes = (state: typeof before) => Object.fromEntries(state.entries.map((row) => [row.id, row.note]));
    const local = (id: string) => localIdOf(id, 'ShortlistEntry')!;
    expect({ publications: after.publications.length, entries: after.entries.length }).toEqual({
      publications: winner.kind === 'publish' ? 1 : 0,
      entries: winner.kind === 'add' ? 4 : 3,
    });
    if (winner.kind === 'reorder') {
      expect(positions(after)).toEqual(Object.fromEntries(winner.order.map((id, position) => [local(id), position + 1])));
    } else if (winner.kind !== 'add') {
      expect(positions(after)).toEqual(positions(before));
    }
    expect(notes(after)[local(ids[0])]).toBe(winner.kind === 'note' ? winner.note : 'Note 0.');
  });
});
