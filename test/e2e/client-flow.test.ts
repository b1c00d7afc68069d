import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLResponse } from '../helpers/graphql-client';
import { having } from '../helpers/shortlist-fixtures';
import {
  AddCandidateToMandateDocument,
  AddToShortlistDocument,
  CandidateNodeDocument,
  CandidatesDocument,
  ChangeMandateStatusDocument,
  CreateCandidateDocument,
  CreateClientDocument,
  CreateMandateDocument,
  CreateUserDocument,
  EntryFeedbackDocument,
  GiveShortlistFeedbackDocument,
  LoginDocument,
  MandateFeedbackDocument,
  MandateShortlistDocument,
  MandatesDocument,
  MoveCandidacyDocument,
  PresentedMandatesDocument,
  PresentedNodeDocument,
  PublishShortlistDocument,
  ScheduleInterviewDocument,
  SetRequirementProfileDocument,
  SubmitScorecardDocument,
  UpdateShortlistEntryDocument,
} from '../generated/graphql';

// Recruiter → shortlist → publish → the client's contact signs in and sees exactly the published
// entries, with nothing of what the firm keeps to itself → feedback → the recruiter reads it.
// Everything over HTTP, through the API, as the people would do it.

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

const CONTACT = { email: 'kari.berg@fjordnett.example', password: 'fjordnett-client-password' };

const PEOPLE = [
  {
    firstName: 'Ingrid',
    lastName: 'Østergård',
    email: 'ingrid.ostergard@privat.example',
    phone: '+47 913 57 911',
    headline: 'Kundedirektør, Fjordkraft',
  },
  {
    firstName: 'Lars',
    lastName: 'Haugen',
    email: 'lars.haugen@privat.example',
    phone: '+47 922 44 180',
    headline: 'Servicedirektør, Telenor',
  },
  {
    firstName: 'Sofie',
    lastName: 'Lund',
    email: 'sofie.lund@privat.example',
    phone: '+46 70 123 45 67',
    headline: 'COO, Volvo Cars Retail',
  },
];

// What each interviewer saw and heard, per competency: [admin, recruiter].
const SCORES: Record<string, [number, number]> = { OUTSIDE_IN: [5, 4], SERVICE_CULTURE: [4, 4], EXECUTION: [3, 4] };
const EVIDENCE = (who: string, key: string) =>
  `${who} noted (${key}): she phoned ten lost customers herself and changed the returns policy the same week.`;
const SUMMARY = 'Panel summary: rare outside-in instinct, must be paired with a strong CFO.';

async function ok<T extends { userErrors: unknown[] }>(promise: Promise<T>): Promise<T> {
  const payload = await promise;
  expect(payload.userErrors).toEqual([]);
  return payload;
}

it('should walk a shortlist from the recruiter to the client and the client’s answer back', async () => {
  const { asAdmin, asRecruiter } = nordlys;

  // The partner sets up the client and its contact person.
  const { client } = await ok(
    asAdmin
      .data(CreateClientDocument, { input: { name: 'Fjordnett AS', country: 'NO', industry: 'Telecom', employeeCount: 420 } })
      .then((r) => r.createClient),
  );
  const { user: contact } = await ok(
    asAdmin
      .data(CreateUserDocument, { input: { ...CONTACT, name: 'Kari Berg', role: 'CLIENT', clientId: client!.id } })
      .then((r) => r.createUser),
  );

  // The recruiter opens the mandate with what the role needs.
  const { mandate } = await ok(
    asRecruiter
      .data(CreateMandateDocument, {
        input: { title: 'Kundedirektør', clientId: client!.id, leadershipLevel: 'EXECUTIVE', location: 'Bergen' },
      })
      .then((r) => r.createMandate),
  );
  await ok(
    asRecruiter.data(ChangeMandateStatusDocument, { input: { mandateId: mandate!.id, status: 'OPEN' } }).then((r) => r.changeMandateStatus),
  );
  await ok(
    asRecruiter
      .data(SetRequirementProfileDocument, {
        input: {
          mandateId: mandate!.id,
          requirements: [
            { competencyKey: 'OUTSIDE_IN', weight: 5, target: 4, minimum: 3 },
            { competencyKey: 'SERVICE_CULTURE', weight: 3, target: 4 },
            { competencyKey: 'EXECUTION', weight: 2, target: 4 },
          ],
        },
      })
      .then((r) => r.setRequirementProfile),
  );

  // Three candidates, interviewed by a panel of two who both submit their scorecards.
  const candidacies: string[] = [];
  const candidates: string[] = [];
  for (const person of PEOPLE) {
    const { candidate } = await ok(
      asRecruiter
        .data(CreateCandidateDocument, {
          input: {
            ...person,
            location: 'Oslo',
            languages: ['nb', 'en'],
            linkedinUrl: `https://www.linkedin.com/in/${person.firstName.toLowerCase()}-private`,
            tags: ['do-not-contact-before-q1'],
          },
        })
        .then((r) => r.createCandidate),
    );
    candidates.push(candidate!.id);
    const { candidacy } = await ok(
      asRecruiter
        .data(AddCandidateToMandateDocument, {
          input: { mandateId: mandate!.id, candidateId: candidate!.id, reason: 'Referred by the chair.' },
        })
        .then((r) => r.addCandidateToMandate),
    );
    candidacies.push(candidacy!.id);
    for (const stage of ['SCREENING', 'INTERVIEWING'] as const) {
      await ok(asRecruiter.data(MoveCandidacyDocument, { input: { candidacyId: candidacy!.id, stage } }).then((r) => r.moveCandidacy));
    }
    const { interview } = await ok(
      asRecruiter
        .data(ScheduleInterviewDocument, {
          input: {
            candidacyId: candidacy!.id,
            kind: 'COMPETENCY',
            scheduledAt: '2026-11-10T09:00:00Z',
            interviewerIds: [nordlys.admin.nodeId, nordlys.recruiter.nodeId],
          },
        })
        .then((r) => r.scheduleInterview),
    );
    for (const [index, as] of [asAdmin, asRecruiter].entries()) {
      await ok(
        as
          .data(SubmitScorecardDocument, {
            input: {
              interviewId: interview!.id,
              ratings: Object.entries(SCORES).map(([competencyKey, scores]) => ({
                competencyKey,
                score: scores[index],
                evidence: EVIDENCE(index === 0 ? 'Partner' : 'Consultant', competencyKey),
              })),
              recommendation: 'YES',
              summary: SUMMARY,
            },
          })
          .then((r) => r.submitScorecard),
      );
    }
  }

  // Two of them go on the shortlist, second one first; the third stays internal.
  const second = await ok(
    asRecruiter
      .data(AddToShortlistDocument, {
        input: { mandateId: mandate!.id, candidacyId: candidacies[1], note: 'Turned around customer service at Telenor in 18 months.' },
      })
      .then((r) => r.addToShortlist),
  );
  const first = await ok(
    asRecruiter
      .data(AddToShortlistDocument, {
        input: { mandateId: mandate!.id, candidacyId: candidacies[0], note: 'The strongest outside-in record we have seen this year.' },
      })
      .then((r) => r.addToShortlist),
  );
  const published = await ok(
    asRecruiter.data(PublishShortlistDocument, { input: { mandateId: mandate!.id, expectedVersion: 2 } }).then((r) => r.publishShortlist),
  );
  expect(published.shortlist).toMatchObject({
    version: 3,
    publishedVersion: 3,
    publicationCount: 1,
    mandate: { id: mandate!.id, status: 'PRESENTED' },
  });
  expect(published.shortlist!.entries.map((entry) => [entry.candidacy.id, entry.candidacy.stage])).toEqual([
    [candidacies[1], 'PRESENTED'],
    [candidacies[0], 'PRESENTED'],
  ]);
  // An edit after publishing waits for the next publication.
  await ok(
    asRecruiter
      .data(UpdateShortlistEntryDocument, {
        input: { entryId: first.entry!.id, note: 'DRAFT NOTE: check references with the former CEO.' },
      })
      .then((r) => r.updateShortlistEntry),
  );

  // The contact signs in and reads what was presented to Fjordnett.
  const { login } = await app.anonymous().data(LoginDocument, { input: CONTACT });
  expect(login.userErrors).toEqual([]);
  const asContact = app.client(login.token!);
  const responses: GraphQLResponse<unknown>[] = [];
  const presented = await asContact.request(PresentedMandatesDocument, {});
  responses.push(presented);
  const mandates = presented.data!.presentedMandates.edges.map((edge) => edge.node);
  expect(mandates.map((shown) => [shown.title, shown.leadershipLevel, shown.status])).toEqual([
    ['Kundedirektør', 'EXECUTIVE', 'PRESENTED'],
  ]);
  expect(
    mandates[0].requirementProfile.map((requirement) => [
      requirement.competencyKey,
      requirement.weight,
      requirement.target,
      requirement.minimum,
    ]),
  ).toEqual([
    ['OUTSIDE_IN', 5, 4, 3],
    ['SERVICE_CULTURE', 3, 4, null],
    ['EXECUTION', 2, 4, null],
  ]);
  const entries = mandates[0].shortlist!.entries;
  expect(
    entries.map((entry) => [entry.position, entry.candidate.firstName, entry.candidate.lastName, entry.candidate.headline, entry.note]),
  ).toEqual([
    [1, 'Lars', 'Haugen', 'Servicedirektør, Telenor', 'Turned around customer service at Telenor in 18 months.'],
    [2, 'Ingrid', 'Østergård', 'Kundedirektør, Fjordkraft', 'The strongest outside-in record we have seen this year.'],
  ]);
  // OUTSIDE_IN 4.5 → 1, SERVICE_CULTURE 4 → 1, EXECUTION 3.5 → 5/6: fit = 100 × (5 + 3 + 2 × 5/6) / 10.
  expect(entries[0].fit).toBeCloseTo((100 * (8 + 10 / 6)) / 10, 10);
  expect(entries[0]).toMatchObject({ coverage: 1, mustHavesMet: true, myFeedback: null });
  expect(entries[0].competencies.map((competency) => [competency.key, competency.score, competency.target, competency.gap])).toEqual([
    ['OUTSIDE_IN', 4.5, 4, 0.5],
    ['SERVICE_CULTURE', 4, 4, 0],
    ['EXECUTION', 3.5, 4, -0.5],
  ]);
  for (const entry of entries) responses.push(await asContact.request(PresentedNodeDocument, { id: entry.id }));

  // The firm's own records stay closed to the contact.
  for (const response of [await asContact.request(MandatesDocument, {}), await asContact.request(CandidatesDocument, {})]) {
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  }
  const internalNode = await asContact.request(CandidateNodeDocument, { id: candidates[0] });
  expect(JSON.parse(internalNode.raw)).toEqual({ data: { node: null } });

  // The contact answers; later answers replace earlier ones for them.
  for (const [entry, decision, comment] of [
    [entries[0], 'MAYBE', 'Interesting, but is he hands-on enough?'],
    [entries[0], 'INTERESTED', 'We want to meet Lars next week.'],
    [entries[1], 'DECLINED', 'Too far from our sales floor.'],
  ] as const) {
    const answer = await asContact.request(GiveShortlistFeedbackDocument, { input: { entryId: entry.id, decision, comment } });
    expect(answer.data!.giveShortlistFeedback.userErrors).toEqual([]);
    responses.push(answer);
  }
  const again = await asContact.data(PresentedMandatesDocument, {});
  expect(again.presentedMandates.edges[0].node.shortlist!.entries.map((entry) => entry.myFeedback?.decision)).toEqual([
    'INTERESTED',
    'DECLINED',
  ]);

  // Nothing the firm keeps to itself is anywhere in what the contact received.
  const secrets = [
    ...PEOPLE.flatMap((person) => [person.email, person.phone]),
    'Sofie',
    'linkedin',
    'do-not-contact-before-q1',
    'phoned ten lost customers',
    'Panel summary',
    'DRAFT NOTE',
    'Referred by the chair',
    nordlys.admin.email,
    nordlys.recruiter.email,
    nordlys.admin.name,
    nordlys.recruiter.name,
    ...candidacies,
    ...candidates,
    'INTERVIEWING',
    'SHORTLISTED',
  ];
  for (const response of responses) {
    expect(response.errors).toBeUndefined();
    expect(secrets.filter((secret) => response.raw.includes(secret))).toEqual([]);
  }

  // The recruiter reads every answer, the latest per person marked.
  const { node: firstEntry } = await asRecruiter.data(EntryFeedbackDocument, { id: second.entry!.id });
  expect(
    having(firstEntry, 'feedback').feedback.map((answer) => [answer.decision, answer.comment, answer.isLatest, answer.author?.id]),
  ).toEqual([
    ['MAYBE', 'Interesting, but is he hands-on enough?', false, contact!.id],
    ['INTERESTED', 'We want to meet Lars next week.', true, contact!.id],
  ]);
  const { node: withFeedback } = await asRecruiter.data(MandateFeedbackDocument, { id: mandate!.id });
  const all = having(withFeedback, 'shortlist').shortlist.feedback;
  expect(all.totalCount).toBe(3);
  expect(all.edges.map((edge) => [edge.node.entry.id, edge.node.decision, edge.node.isLatest])).toEqual([
    [second.entry!.id, 'MAYBE', false],
    [second.entry!.id, 'INTERESTED', true],
    [first.entry!.id, 'DECLINED', true],
  ]);
  const { node: shortlisted } = await asRecruiter.data(MandateShortlistDocument, { id: mandate!.id });
  expect(having(shortlisted, 'shortlist').shortlist.entries.map((entry) => [entry.note, entry.publishedNote])).toEqual([
    ['Turned around customer service at Telenor in 18 months.', 'Turned around customer service at Telenor in 18 months.'],
    ['DRAFT NOTE: check references with the former CEO.', 'The strongest outside-in record we have seen this year.'],
  ]);
});
