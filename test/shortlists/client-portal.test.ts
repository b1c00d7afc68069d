import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { MandateStatus } from '../../src/modules/mandate';
import { Competency } from '../../src/modules/rubric';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient, type GraphQLResponse } from '../helpers/graphql-client';
import {
  EVIDENCE_MARKER,
  EXPECTED_FIT,
  SUMMARY_MARKER,
  TAG_MARKER,
  having,
  insertAssessedMandate,
  insertClientWithContact,
  type AssessedMandate,
  type ClientContact,
} from '../helpers/shortlist-fixtures';
import type { Client } from '../../src/modules/client';
import {
  AddToShortlistDocument,
  CandidacyScoresDocument,
  GiveShortlistFeedbackDocument,
  MandatesWithShortlistsDocument,
  NodeDocument,
  PresentedMandatesDocument,
  PresentedMandatesInLocaleDocument,
  PresentedNodeDocument,
  PublishShortlistDocument,
  ReorderShortlistDocument,
  SetRequirementProfileDocument,
  UpdateShortlistEntryDocument,
  WithdrawFromShortlistDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

interface Company extends ClientContact {
  client: Client;
}

// A client company of its own for each test, so each test knows exactly what the client sees.
async function company(): Promise<Company> {
  return insertClientWithContact(app, nordlys);
}

async function shortlisted(world: AssessedMandate, notes: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, note] of notes.entries()) {
    const { addToShortlist } = await nordlys.asRecruiter.data(AddToShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, candidacyId: world.candidacies[index].candidacy.nodeId, note },
    });
    ids.push(addToShortlist.entry!.id);
  }
  return ids;
}

async function publish(world: AssessedMandate): Promise<void> {
  const { publishShortlist } = await nordlys.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } });
  expect(publishShortlist.userErrors).toEqual([]);
}

// The id a client user knows an entry by.
function presentedId(entryId: string): string {
  return toGlobalId('PresentedShortlistEntry', Buffer.from(entryId, 'base64url').toString().split(':')[1]);
}

async function presented(as: GraphQLClient) {
  return (await as.data(PresentedMandatesDocument, {})).presentedMandates;
}

async function englishNames(world: AssessedMandate): Promise<Map<string, string>> {
  const competencies = await app.em().find(Competency, { rubric: world.mandate.rubric.id });
  return new Map(competencies.map((competency) => [competency.key, competency.name.EN]));
}

describe('presentedMandates', () => {
  it("should show the client user their company's mandates with exactly the published entries", async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 3, title: 'Kundedirektør' });
    const [first, second] = await shortlisted(world, ['Rebuilt the complaint desk around 24-hour callbacks.', 'Knows the region.']);
    await publish(world);
    // Added after the publication: not shown until the next one.
    await shortlisted({ ...world, candidacies: world.candidacies.slice(2) }, ['Not published yet.']);
    const unpublished = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 1, title: 'Servicesjef' });
    await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 1, title: 'Draft role', status: MandateStatus.DRAFT });
    await insertAssessedMandate(app, nordlys, { candidates: 1, title: "Another client's role" });

    const names = await englishNames(world);
    const connection = await presented(own.as);
    expect(connection.totalCount).toBe(2);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, endCursor: connection.edges[1].cursor });
    const [shown, other] = connection.edges.map((edge) => edge.node);
    expect(other).toEqual({
      id: toGlobalId('PresentedMandate', unpublished.mandate.id),
      title: 'Servicesjef',
      leadershipLevel: 'EXECUTIVE',
      status: 'OPEN',
      requirementProfile: expect.any(Array),
      shortlist: null,
    });
    const competency = (
      key: string,
      weight: number,
      target: number,
      minimum: number | null,
      score: number,
      meetsMinimum: boolean | null,
    ) => ({
      key,
      name: names.get(key),
      weight,
      target,
      minimum,
      score,
      gap: score - target,
      meetsMinimum,
    });
    const entry = (entryId: string, position: number, note: string, candidateIndex: number) => ({
      id: presentedId(entryId),
      position,
      note,
      publishedAt: shown.shortlist!.publishedAt,
      candidate: {
        firstName: world.candidacies[candidateIndex].candidate.firstName,
        lastName: 'Solberg',
        headline: `Kundedirektør, Fjordkraft ${candidateIndex + 1}`,
        location: 'Bergen',
        languages: ['nb', 'en'],
      },
      fit: EXPECTED_FIT,
      coverage: 1,
      mustHavesMet: true,
      competencies: [
        competency('OUTSIDE_IN', 5, 4, 3, 4.5, true),
        competency('SERVICE_CULTURE', 3, 4, null, 3.5, null),
        competency('EXECUTION', 2, 3, null, 3, null),
      ],
      myFeedback: null,
      mandate: { id: toGlobalId('PresentedMandate', world.mandate.id) },
    });
    expect(shown).toEqual({
      id: toGlobalId('PresentedMandate', world.mandate.id),
      title: 'Kundedirektør',
      leadershipLevel: 'EXECUTIVE',
      status: 'PRESENTED',
      requirementProfile: [
        { competencyKey: 'CUSTOMER_INSIGHT', name: names.get('CUSTOMER_INSIGHT'), weight: 0, target: 3, minimum: null },
        { competencyKey: 'OUTSIDE_IN', name: names.get('OUTSIDE_IN'), weight: 5, target: 4, minimum: 3 },
        { competencyKey: 'SERVICE_CULTURE', name: names.get('SERVICE_CULTURE'), weight: 3, target: 4, minimum: null },
        { competencyKey: 'EXECUTION', name: names.get('EXECUTION'), weight: 2, target: 3, minimum: null },
      ],
      shortlist: {
        publishedAt: expect.any(String),
        entries: [entry(first, 1, 'Rebuilt the complaint desk around 24-hour callbacks.', 0), entry(second, 2, 'Knows the region.', 1)],
      },
    });
  });

  it('should page through the mandates', async () => {
    const own = await company();
    for (const title of ['Role 1', 'Role 2', 'Role 3'])
      await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 0, title });
    const first = await own.as.data(PresentedMandatesDocument, { first: 2 });
    const second = await own.as.data(PresentedMandatesDocument, { first: 2, after: first.presentedMandates.pageInfo.endCursor });
    expect(first.presentedMandates.edges.map((edge) => edge.node.title)).toEqual(['Role 1', 'Role 2']);
    expect(first.presentedMandates.pageInfo.hasNextPage).toBe(true);
    expect(second.presentedMandates.edges.map((edge) => edge.node.title)).toEqual(['Role 3']);
    expect(second.presentedMandates.pageInfo.hasNextPage).toBe(false);
  });

  it('should show what was last published: later notes, order, entries and profile changes wait for the next publication', async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 3 });
    const [first, second] = await shortlisted(world, ['First note.', 'Second note.']);
    await publish(world);
    const before = await presented(own.as);

    await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId: first, note: 'Edited note.' } });
    await nordlys.asRecruiter.data(ReorderShortlistDocument, { input: { mandateId: world.mandate.nodeId, entryIds: [second, first] } });
    const [third] = await shortlisted({ ...world, candidacies: world.candidacies.slice(2) }, ['Third note.']);
    const { setRequirementProfile } = await nordlys.asRecruiter.data(SetRequirementProfileDocument, {
      input: { mandateId: world.mandate.nodeId, requirements: [{ competencyKey: 'OUTSIDE_IN', weight: 5, target: 5, minimum: 5 }] },
    });
    expect(setRequirementProfile.userErrors).toEqual([]);

    const meanwhile = await presented(own.as);
    const entriesOf = (connection: typeof before) => connection.edges[0].node.shortlist!.entries;
    expect(entriesOf(meanwhile)).toEqual(entriesOf(before));
    // The mandate itself is live: its profile is what the role needs now.
    expect(meanwhile.edges[0].node.requirementProfile.map((requirement) => [requirement.competencyKey, requirement.target])).toEqual([
      ['OUTSIDE_IN', 5],
    ]);

    await publish(world);
    const after = entriesOf(await presented(own.as));
    expect(after.map((entry) => [entry.id, entry.position, entry.note])).toEqual([
      [presentedId(second), 1, 'Second note.'],
      [presentedId(first), 2, 'Edited note.'],
      [presentedId(third), 3, 'Third note.'],
    ]);
    expect(after[0]).toMatchObject({
      fit: 87.5,
      coverage: 1,
      mustHavesMet: false,
      competencies: [{ key: 'OUTSIDE_IN', weight: 5, target: 5, minimum: 5, score: 4.5, gap: -0.5, meetsMinimum: false }],
    });
  });

  it('should take a withdrawn entry out of the client view at once, without a new publication', async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 2 });
    const [first, second] = await shortlisted(world, ['One.', 'Two.']);
    await publish(world);
    const { withdrawFromShortlist } = await nordlys.asRecruiter.data(WithdrawFromShortlistDocument, {
      input: { entryId: first, reason: 'Accepted another offer.' },
    });
    expect(withdrawFromShortlist.userErrors).toEqual([]);
    const entries = (await presented(own.as)).edges[0].node.shortlist!.entries;
    expect(entries.map((entry) => [entry.id, entry.position])).toEqual([[presentedId(second), 2]]);
    expect((await own.as.data(PresentedNodeDocument, { id: presentedId(first) })).node).toBeNull();
  });

  it('should keep an entry id the same across publications', async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 1 });
    const [entryId] = await shortlisted(world, ['One.']);
    await publish(world);
    await own.as.data(GiveShortlistFeedbackDocument, { input: { entryId: presentedId(entryId), decision: 'MAYBE' } });
    await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId, note: 'One, edited.' } });
    await publish(world);
    const { node } = await own.as.data(PresentedNodeDocument, { id: presentedId(entryId) });
    expect(having(node, 'note')).toMatchObject({ id: presentedId(entryId), note: 'One, edited.', myFeedback: { decision: 'MAYBE' } });
  });

  it('should name the competencies in the language asked for, or of Accept-Language', async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 1 });
    await shortlisted(world, ['One.']);
    await publish(world);
    const competencies = await app.em().find(Competency, { rubric: world.mandate.rubric.id });
    const name = (key: string, locale: 'NB' | 'SV') => competencies.find((competency) => competency.key === key)!.name[locale];
    const { presentedMandates } = await own.as.data(PresentedMandatesInLocaleDocument, { locale: 'NB' });
    expect(presentedMandates.nodes[0].requirementProfile[1]).toEqual({ competencyKey: 'OUTSIDE_IN', name: name('OUTSIDE_IN', 'NB') });
    expect(presentedMandates.nodes[0].shortlist!.entries[0].competencies[0]).toEqual({ key: 'OUTSIDE_IN', name: name('OUTSIDE_IN', 'NB') });
    const swedish = await own.as.request(PresentedMandatesInLocaleDocument, {}, { 'accept-language': 'sv-SE, en;q=0.5' });
    expect(swedish.data!.presentedMandates.nodes[0].requirementProfile[1].name).toBe(name('OUTSIDE_IN', 'SV'));
  });

  it.each([
    ['an admin', () => nordlys.asAdmin, 'FORBIDDEN'],
    ['a recruiter', () => nordlys.asRecruiter, 'FORBIDDEN'],
    ['nobody signed in', () => app.anonymous(), 'UNAUTHENTICATED'],
  ])('should refuse presentedMandates to %s', async (_who, caller, code) => {
    const response = await caller().request(PresentedMandatesDocument, {});
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual([code]);
  });

  it('should refuse presentedMandates to an API key with every scope', async () => {
    const { client } = await nordlys.apiKey(Object.values(ApiKeyScope));
    expect(errorCodes(await client.request(PresentedMandatesDocument, {}))).toEqual(['FORBIDDEN']);
  });
});

describe('node for client-facing views', () => {
  let own: Company;
  let other: Company;
  let world: AssessedMandate;
  let otherWorld: AssessedMandate;
  let entryIds: string[];
  let otherEntryIds: string[];
  let draft: AssessedMandate;

  beforeAll(async () => {
    own = await company();
    other = await company();
    world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 2 });
    otherWorld = await insertAssessedMandate(app, nordlys, { client: other.client, candidates: 1 });
    draft = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 0, status: MandateStatus.DRAFT });
    entryIds = await shortlisted(world, ['Published.']);
    await publish(world);
    entryIds.push(...(await shortlisted({ ...world, candidacies: world.candidacies.slice(1) }, ['Not yet published.'])));
    otherEntryIds = await shortlisted(otherWorld, ['Theirs.']);
    await publish(otherWorld);
  });

  it("should give a client user their company's presented mandate and published entry", async () => {
    const mandate = await own.as.data(PresentedNodeDocument, { id: toGlobalId('PresentedMandate', world.mandate.id) });
    expect(mandate.node).toMatchObject({ __typename: 'PresentedMandate', title: 'Kundedirektør' });
    const entry = await own.as.data(PresentedNodeDocument, { id: presentedId(entryIds[0]) });
    expect(entry.node).toMatchObject({ __typename: 'PresentedShortlistEntry', note: 'Published.', position: 1 });
  });

  it('should answer everything else exactly like an id that does not exist', async () => {
    const hidden = [
      // Another client of the same firm.
      toGlobalId('PresentedMandate', otherWorld.mandate.id),
      presentedId(otherEntryIds[0]),
      // Own company, but a draft, or not published.
      toGlobalId('PresentedMandate', draft.mandate.id),
      presentedId(entryIds[1]),
      // The firm's own types, even of the client's own mandate.
      world.mandate.nodeId,
      world.candidacies[0].candidacy.nodeId,
      world.candidacies[0].candidate.nodeId,
      entryIds[0],
      own.client.nodeId,
      nordlys.recruiter.nodeId,
    ];
    const missing = await own.as.request(PresentedNodeDocument, { id: toGlobalId('PresentedShortlistEntry', MISSING) });
    expect(JSON.parse(missing.raw)).toEqual({ data: { node: null } });
    for (const id of hidden) {
      const response = await own.as.request(PresentedNodeDocument, { id });
      expect([id, response.raw]).toEqual([id, missing.raw]);
    }
  });

  it('should show the client-facing views to nobody but client users', async () => {
    const { client: key } = await nordlys.apiKey(Object.values(ApiKeyScope));
    for (const as of [nordlys.asAdmin, nordlys.asRecruiter, key]) {
      for (const id of [toGlobalId('PresentedMandate', world.mandate.id), presentedId(entryIds[0])]) {
        expect((await as.data(NodeDocument, { id })).node).toBeNull();
      }
    }
  });
});

describe('what never reaches a client user', () => {
  it('should leave contact data, evidence, internal notes, stages and people of the firm out of every client response', async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 3 });
    const entryIds = await shortlisted(world, ['Visible note one.', 'Visible note two.', 'Visible note three.']);
    await publish(world);
    await nordlys.asRecruiter.data(WithdrawFromShortlistDocument, {
      input: { entryId: entryIds[2], reason: 'WITHDRAWAL-REASON-4411: salary expectations.' },
    });
    await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId: entryIds[0], note: 'UNPUBLISHED-NOTE-0c3d' } });

    const responses: GraphQLResponse<unknown>[] = [
      await own.as.request(PresentedMandatesDocument, {}),
      ...(await Promise.all(entryIds.map((id) => own.as.request(PresentedNodeDocument, { id: presentedId(id) })))),
      await own.as.request(PresentedNodeDocument, { id: toGlobalId('PresentedMandate', world.mandate.id) }),
      await own.as.request(GiveShortlistFeedbackDocument, {
        input: { entryId: presentedId(entryIds[1]), decision: 'INTERESTED', comment: 'Yes.' },
      }),
    ];
    const forbidden = [
      ...world.candidacies.flatMap(({ candidate, candidacy }) => [
        candidate.email!,
        candidate.phone!,
        candidate.linkedinUrl!,
        candidate.id,
        candidate.nodeId,
        candidacy.id,
        candidacy.nodeId,
      ]),
      world.candidacies[2].candidate.firstName,
      EVIDENCE_MARKER,
      SUMMARY_MARKER,
      TAG_MARKER,
      'WITHDRAWAL-REASON-4411',
      'UNPUBLISHED-NOTE-0c3d',
      nordlys.recruiter.email,
      nordlys.recruiter.name,
      nordlys.admin.email,
      nordlys.admin.name,
      nordlys.recruiter.id,
      nordlys.admin.id,
      'SOURCED',
      'SCREENING',
      'INTERVIEWING',
      'SHORTLISTED',
      'ratingsCount',
      'attainment',
    ];
    for (const response of responses) {
      expect(response.errors).toBeUndefined();
      const leaked = forbidden.filter((text) => response.raw.includes(text));
      expect(leaked).toEqual([]);
    }
    // The checks above must be able to fail: the published texts are there.
    expect(responses[0].raw).toContain('Visible note one.');
    expect(responses[0].raw).toContain(world.candidacies[0].candidate.firstName);
  });
});

describe('SQL statements', () => {
  it('should read the client view of any number of mandates and entries with the same number of statements', async () => {
    const small = await company();
    const large = await company();
    for (const [target, mandates, candidates] of [
      [small, 1, 1],
      [large, 4, 5],
    ] as const) {
      for (let index = 0; index < mandates; index += 1) {
        const world = await insertAssessedMandate(app, nordlys, { client: target.client, candidates });
        await shortlisted(
          world,
          world.candidacies.map((_candidacy, position) => `Note ${position}.`),
        );
        await publish(world);
      }
    }
    const few = await app.countStatements(() => small.as.data(PresentedMandatesDocument, {}));
    const many = await app.countStatements(() => large.as.data(PresentedMandatesDocument, {}));
    expect((await presented(large.as)).edges.flatMap((edge) => edge.node.shortlist!.entries)).toHaveLength(20);
    expect(many).toBe(few);
    // Five published mandates to arrange: 10 s on a quiet machine, three times that on a busy one.
  }, 120_000);

  it("should read the firm's view of many shortlists with the same number of statements", async () => {
    const firm = await createTestFirm(app, 'statements');
    const read = () => firm.asRecruiter.data(MandatesWithShortlistsDocument, { first: 100 });
    const fill = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        const world = await insertAssessedMandate(app, firm, { candidates: 2 });
        for (const candidacy of world.candidacies) {
          await firm.asRecruiter.data(AddToShortlistDocument, {
            input: { mandateId: world.mandate.nodeId, candidacyId: candidacy.candidacy.nodeId, note: 'Note.' },
          });
        }
        await firm.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } });
        const { node } = await firm.asClientUser.data(PresentedNodeDocument, { id: toGlobalId('PresentedMandate', world.mandate.id) });
        for (const entry of having(node, 'shortlist').shortlist!.entries) {
          await firm.asClientUser.data(GiveShortlistFeedbackDocument, { input: { entryId: entry.id, decision: 'MAYBE' } });
        }
      }
    };
    await fill(1);
    const few = await app.countStatements(read);
    await fill(4);
    const many = await app.countStatements(read);
    expect((await read()).mandates.nodes.flatMap((mandate) => mandate.shortlist.entries.flatMap((entry) => entry.feedback))).toHaveLength(
      10,
    );
    expect(many).toBe(few);
  }, 120_000);
});

describe("the firm's view stays the firm's", () => {
  it('should show the fit of a published candidacy to the firm as it is now, not as published', async () => {
    const own = await company();
    const world = await insertAssessedMandate(app, nordlys, { client: own.client, candidates: 1 });
    await shortlisted(world, ['One.']);
    await publish(world);
    await nordlys.asRecruiter.data(SetRequirementProfileDocument, {
      input: { mandateId: world.mandate.nodeId, requirements: [{ competencyKey: 'EXECUTION', weight: 1, target: 4, minimum: null }] },
    });
    const { node } = await nordlys.asRecruiter.data(CandidacyScoresDocument, { id: world.candidacies[0].candidacy.nodeId });
    expect(having(node, 'fit').fit?.fit).toBeCloseTo((100 * 2) / 3);
    expect((await presented(own.as)).edges[0].node.shortlist!.entries[0].fit).toBe(EXPECTED_FIT);
  });
});
