import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { defaultRubricOf } from '../helpers/rubric-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/mandate-fixtures';
import {
  AddCandidateToMandateDocument,
  AmendScorecardDocument,
  CandidatesDocument,
  CreateCandidateDocument,
  CreateClientDocument,
  CreateMandateDocument,
  CreateUserDocument,
  InterviewNodeDocument,
  LoginDocument,
  MandateInDepthDocument,
  MoveCandidacyDocument,
  ScheduleInterviewDocument,
  SetRequirementProfileDocument,
  SubmitScorecardDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

const PASSWORDS = { kari: 'kari-is-a-headhunter', jonas: 'jonas-interviews-too' };

// Every competency of the default rubric, in rubric order, with what was sent or "not assessed".
function ratings(sent: Record<string, [number | null, string]>) {
  return DEFAULT_COMPETENCY_KEYS.map((competencyKey) => ({
    competencyKey,
    score: sent[competencyKey]?.[0] ?? null,
    evidence: sent[competencyKey]?.[1] ?? null,
  }));
}

// Signs in over HTTP, as a recruiter would, and returns a client that sends the session token.
async function login(email: string, password: string): Promise<{ as: GraphQLClient; userId: string }> {
  const { login } = await app.anonymous().data(LoginDocument, { input: { email, password } });
  expect(login.userErrors).toEqual([]);
  return { as: app.client(login.token!), userId: login.user!.id };
}

describe('a recruiter working a mandate from start to finish', () => {
  it('should take a mandate from client to amended scorecards and read all of it back', async () => {
    // 1. The admin adds two recruiters to the firm.
    const users: Record<'kari' | 'jonas', string> = { kari: '', jonas: '' };
    for (const [key, name] of [
      ['kari', 'Kari Nordmann'],
      ['jonas', 'Jonas Berg'],
    ] as const) {
      const email = `${key}@${nordlys.firm.slug}.example`;
      const { createUser } = await nordlys.asAdmin.data(CreateUserDocument, {
        input: { email: email.toUpperCase(), name, role: 'RECRUITER', password: PASSWORDS[key] },
      });
      expect(createUser).toEqual({
        user: { id: expect.any(String), email, name, role: 'RECRUITER', client: null },
        userErrors: [],
      });
      users[key] = createUser.user!.id;
    }

    // 2. Both sign in; Kari runs the search.
    const kari = await login(`kari@${nordlys.firm.slug}.example`, PASSWORDS.kari);
    const jonas = await login(`jonas@${nordlys.firm.slug}.example`, PASSWORDS.jonas);
    expect([kari.userId, jonas.userId]).toEqual([users.kari, users.jonas]);

    // 3. The client.
    const { createClient } = await kari.as.data(CreateClientDocument, {
      input: { name: ' Fjordnett AS ', organisationNumber: '987654321', industry: 'Telecommunications', employeeCount: 420, country: 'no' },
    });
    const client = {
      id: expect.any(String),
      name: 'Fjordnett AS',
      organisationNumber: '987654321',
      industry: 'Telecommunications',
      employeeCount: 420,
      country: 'NO',
    };
    expect(createClient).toEqual({ client, userErrors: [] });
    const clientId = createClient.client!.id;

    // 4. The mandate: a DRAFT led by Kari, pinned to the firm's published default rubric.
    const defaultRubric = await defaultRubricOf(app, nordlys.firm);
    const rubric = { id: defaultRubric.nodeId, key: 'customer-oriented-leadership', version: 1, status: 'PUBLISHED' };
    const { createMandate } = await kari.as.data(CreateMandateDocument, {
      input: { title: 'Administrerende direktør', clientId, leadershipLevel: 'EXECUTIVE', location: 'Bergen' },
    });
    expect(createMandate).toEqual({
      mandate: {
        id: expect.any(String),
        title: 'Administrerende direktør',
        leadershipLevel: 'EXECUTIVE',
        location: 'Bergen',
        status: 'DRAFT',
        version: 1,
        client: { id: clientId, name: 'Fjordnett AS' },
        leadRecruiter: { id: users.kari, name: 'Kari Nordmann' },
        rubric,
        requirementProfile: [],
      },
      userErrors: [],
    });
    const mandateId = createMandate.mandate!.id;

    // 5. The requirement profile, given in any order, kept in rubric order.
    const profile = [
      { competencyKey: 'CUSTOMER_INSIGHT', weight: 4, target: 4, minimum: null },
      { competencyKey: 'OUTSIDE_IN', weight: 5, target: 4, minimum: 3 },
      { competencyKey: 'EXECUTION', weight: 3, target: 3, minimum: 2 },
      { competencyKey: 'LOYALTY_ECONOMICS', weight: 2, target: 3, minimum: null },
    ];
    const { setRequirementProfile } = await kari.as.data(SetRequirementProfileDocument, {
      input: { mandateId, requirements: [profile[3], profile[1], profile[0], profile[2]], expectedVersion: 1 },
    });
    expect(setRequirementProfile).toEqual({ mandate: { id: mandateId, version: 2, requirementProfile: profile }, userErrors: [] });

    // 6. Three candidates; the one with Nordic letters is found by a search without them.
    const people = [
      { firstName: 'Søren', lastName: 'Østergård', email: 'Soren@Ostergard.example', headline: 'Kundedirektør, Telenor' },
      { firstName: 'Ingrid', lastName: 'Solberg', email: 'ingrid@solberg.example', headline: 'COO, Fjellbanken' },
      { firstName: 'Lars', lastName: 'Brekke', email: 'lars@brekke.example', headline: 'Daglig leder, Kystbuss' },
    ];
    const candidateIds: string[] = [];
    for (const person of people) {
      const { createCandidate } = await kari.as.data(CreateCandidateDocument, { input: person });
      expect(createCandidate.userErrors).toEqual([]);
      expect(createCandidate.candidate).toMatchObject({ ...person, email: person.email.toLowerCase(), consentStatus: 'PENDING' });
      candidateIds.push(createCandidate.candidate!.id);
    }
    const [soren, ingrid, lars] = candidateIds;
    for (const search of ['Ostergard', 'soren ostergard', 'ØSTERGÅRD']) {
      const { candidates } = await kari.as.data(CandidatesDocument, { filter: { search } });
      expect(candidates.edges.map((edge) => [edge.node.id, edge.node.firstName, edge.node.lastName])).toEqual([
        [soren, 'Søren', 'Østergård'],
      ]);
    }

    // 7. Into the pipeline.
    const candidacyIds: string[] = [];
    for (const [candidateId, reason] of [
      [soren, 'Built the customer service turnaround at Telenor.'],
      [ingrid, null],
      [lars, null],
    ] as const) {
      const { addCandidateToMandate } = await kari.as.data(AddCandidateToMandateDocument, {
        input: { mandateId, candidateId, reason },
      });
      expect(addCandidateToMandate.userErrors).toEqual([]);
      expect(addCandidateToMandate.candidacy).toMatchObject({ stage: 'SOURCED', mandate: { id: mandateId } });
      candidacyIds.push(addCandidateToMandate.candidacy!.id);
    }
    const sorensCandidacy = candidacyIds[0];

    // 8. Søren moves on to interviews.
    for (const [stage, reason] of [
      ['SCREENING', null],
      ['INTERVIEWING', 'Screening call went well.'],
    ] as const) {
      const { moveCandidacy } = await kari.as.data(MoveCandidacyDocument, { input: { candidacyId: sorensCandidacy, stage, reason } });
      expect(moveCandidacy.userErrors).toEqual([]);
      expect(moveCandidacy.candidacy!.stage).toBe(stage);
    }

    // 9. An interview with both recruiters on the panel.
    const { scheduleInterview } = await kari.as.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: sorensCandidacy,
        kind: 'COMPETENCY',
        scheduledAt: '2026-03-02T09:00:00.000Z',
        interviewerIds: [users.kari, users.jonas],
      },
    });
    expect(scheduleInterview.userErrors).toEqual([]);
    const interview = scheduleInterview.interview!;
    expect(interview).toMatchObject({
      kind: 'COMPETENCY',
      scheduledAt: '2026-03-02T09:00:00.000Z',
      candidacy: { id: sorensCandidacy, stage: 'INTERVIEWING' },
      panel: [
        { id: users.kari, name: 'Kari Nordmann' },
        { id: users.jonas, name: 'Jonas Berg' },
      ],
    });

    // 10. Kari submits first.
    const karisRatings = ratings({
      CUSTOMER_INSIGHT: [3, 'Quoted NPS, but no churn figures.'],
      OUTSIDE_IN: [4, 'Walked us through the customer journey of a broadband order.'],
      SERVICE_CULTURE: [null, 'Did not come up.'],
    });
    const { submitScorecard: karisSubmission } = await kari.as.data(SubmitScorecardDocument, {
      input: {
        interviewId: interview.id,
        ratings: [
          { competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'Walked us through the customer journey of a broadband order.' },
          { competencyKey: 'CUSTOMER_INSIGHT', score: 3, evidence: '  Quoted NPS, but no churn figures.  ' },
          { competencyKey: 'SERVICE_CULTURE', score: null, evidence: 'Did not come up.' },
        ],
        recommendation: 'YES',
        summary: 'Close to customers; thinner on numbers.',
      },
    });
    expect(karisSubmission.userErrors).toEqual([]);
    expect(karisSubmission.scorecard).toMatchObject({ status: 'SUBMITTED', version: 2, ratings: karisRatings });
    const karisScorecard = karisSubmission.scorecard!.id;

    // 11. Independent scoring: Jonas, still with a draft, sees his own scorecard only.
    const { node: seenByJonas } = await jonas.as.data(InterviewNodeDocument, { id: interview.id });
    expect(seenByJonas).toEqual({
      __typename: 'Interview',
      id: interview.id,
      kind: 'COMPETENCY',
      scheduledAt: '2026-03-02T09:00:00.000Z',
      scorecards: [
        {
          id: expect.any(String),
          status: 'DRAFT',
          version: 1,
          submittedAt: null,
          recommendation: null,
          summary: null,
          ratings: [],
        },
      ],
    });
    const jonassScorecard = seenByJonas!.__typename === 'Interview' ? seenByJonas!.scorecards[0].id : '';
    expect(jonassScorecard).not.toBe(karisScorecard);

    // 12. Jonas submits.
    const jonassRatings = ratings({
      EXECUTION: [5, 'Turned a failing service centre around in six months.'],
      OUTSIDE_IN: [3, 'Talks about customers, but mostly in averages.'],
    });
    const { submitScorecard: jonassSubmission } = await jonas.as.data(SubmitScorecardDocument, {
      input: {
        interviewId: interview.id,
        ratings: [
          { competencyKey: 'EXECUTION', score: 5, evidence: 'Turned a failing service centre around in six months.' },
          { competencyKey: 'OUTSIDE_IN', score: 3, evidence: 'Talks about customers, but mostly in averages.' },
        ],
        recommendation: 'STRONG_YES',
      },
    });
    expect(jonassSubmission.userErrors).toEqual([]);
    expect(jonassSubmission.scorecard!.id).toBe(jonassScorecard);

    // 13. Kari amends, with a reason.
    const karisAmendedRatings = ratings({
      CUSTOMER_INSIGHT: [3, 'Quoted NPS, but no churn figures.'],
      OUTSIDE_IN: [5, 'On reflection: the journey map was her own work.'],
    });
    const { amendScorecard } = await kari.as.data(AmendScorecardDocument, {
      input: {
        scorecardId: karisScorecard,
        ratings: [
          { competencyKey: 'OUTSIDE_IN', score: 5, evidence: 'On reflection: the journey map was her own work.' },
          { competencyKey: 'CUSTOMER_INSIGHT', score: 3, evidence: 'Quoted NPS, but no churn figures.' },
        ],
        recommendation: 'STRONG_YES',
        summary: 'Stronger than first noted.',
        reason: 'Reference call confirmed the journey map was hers.',
        expectedVersion: 2,
      },
    });
    expect(amendScorecard.userErrors).toEqual([]);
    expect(amendScorecard.scorecard).toMatchObject({ id: karisScorecard, version: 3 });

    // 14. Read back: the mandate with its profile, pipeline, history, interview and scorecards.
    const { node } = await kari.as.data(MandateInDepthDocument, { id: mandateId, first: 10 });
    const sourced = (reason: string | null) => ({ fromStage: null, toStage: 'SOURCED', reason, movedBy: { id: users.kari } });
    const untouched = (candidacyId: string, candidateId: string, person: (typeof people)[number]) => ({
      id: candidacyId,
      stage: 'SOURCED',
      candidate: { id: candidateId, firstName: person.firstName, lastName: person.lastName, email: person.email },
      history: [sourced(null)],
      interviews: [],
    });
    expect(node).toEqual({
      __typename: 'Mandate',
      id: mandateId,
      title: 'Administrerende direktør',
      leadershipLevel: 'EXECUTIVE',
      location: 'Bergen',
      status: 'DRAFT',
      version: 2,
      client: { ...client, id: clientId },
      leadRecruiter: { id: users.kari, name: 'Kari Nordmann' },
      rubric,
      requirementProfile: profile,
      candidacies: {
        totalCount: 3,
        nodes: [
          {
            id: sorensCandidacy,
            stage: 'INTERVIEWING',
            candidate: { id: soren, firstName: 'Søren', lastName: 'Østergård', email: 'soren@ostergard.example' },
            history: [
              sourced('Built the customer service turnaround at Telenor.'),
              { fromStage: 'SOURCED', toStage: 'SCREENING', reason: null, movedBy: { id: users.kari } },
              { fromStage: 'SCREENING', toStage: 'INTERVIEWING', reason: 'Screening call went well.', movedBy: { id: users.kari } },
            ],
            interviews: [
              {
                id: interview.id,
                kind: 'COMPETENCY',
                scheduledAt: '2026-03-02T09:00:00.000Z',
                panel: [
                  { id: users.kari, name: 'Kari Nordmann' },
                  { id: users.jonas, name: 'Jonas Berg' },
                ],
                scorecards: [
                  {
                    id: karisScorecard,
                    status: 'SUBMITTED',
                    version: 3,
                    recommendation: 'STRONG_YES',
                    summary: 'Stronger than first noted.',
                    interviewer: { id: users.kari },
                    ratings: karisAmendedRatings,
                    revisions: [
                      {
                        number: 1,
                        recommendation: 'YES',
                        summary: 'Close to customers; thinner on numbers.',
                        reason: null,
                        author: { id: users.kari },
                        ratings: karisRatings,
                      },
                      {
                        number: 2,
                        recommendation: 'STRONG_YES',
                        summary: 'Stronger than first noted.',
                        reason: 'Reference call confirmed the journey map was hers.',
                        author: { id: users.kari },
                        ratings: karisAmendedRatings,
                      },
                    ],
                  },
                  {
                    id: jonassScorecard,
                    status: 'SUBMITTED',
                    version: 2,
                    recommendation: 'STRONG_YES',
                    summary: null,
                    interviewer: { id: users.jonas },
                    ratings: jonassRatings,
                    revisions: [
                      {
                        number: 1,
                        recommendation: 'STRONG_YES',
                        summary: null,
                        reason: null,
                        author: { id: users.jonas },
                        ratings: jonassRatings,
                      },
                    ],
                  },
                ],
              },
            ],
          },
          untouched(candidacyIds[1], ingrid, people[1]),
          untouched(candidacyIds[2], lars, people[2]),
        ],
      },
    });

    // Having submitted, Jonas now sees the whole panel too, Kari's latest revision included.
    const { node: seenAfterwards } = await jonas.as.data(InterviewNodeDocument, { id: interview.id });
    expect(seenAfterwards).toMatchObject({
      scorecards: [
        { id: karisScorecard, status: 'SUBMITTED', version: 3, recommendation: 'STRONG_YES', ratings: karisAmendedRatings },
        { id: jonassScorecard, status: 'SUBMITTED', version: 2, recommendation: 'STRONG_YES', ratings: jonassRatings },
      ],
    });
  });
});
