import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { Mandate, MandateStatus } from '../../src/modules/mandate';
import { ShortlistFeedback } from '../../src/modules/shortlist';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import {
  having,
  insertAssessedMandate,
  insertClientContact,
  insertClientWithContact,
  type AssessedMandate,
  type ClientContact,
} from '../helpers/shortlist-fixtures';
import {
  AddToShortlistDocument,
  EntryFeedbackDocument,
  GiveShortlistFeedbackDocument,
  MandateFeedbackDocument,
  PublishShortlistDocument,
  WithdrawFromShortlistDocument,
  type GiveShortlistFeedbackInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function presentedId(entryId: string): string {
  return toGlobalId('PresentedShortlistEntry', Buffer.from(entryId, 'base64url').toString().split(':')[1]);
}

async function shortlist(testFirm: TestFirm, world: AssessedMandate, publishFirst: number): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, { candidacy }] of world.candidacies.entries()) {
    if (index === publishFirst) {
      await testFirm.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } });
    }
    const { addToShortlist } = await testFirm.asRecruiter.data(AddToShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, candidacyId: candidacy.nodeId, note: `Note ${index + 1}.` },
    });
    ids.push(addToShortlist.entry!.id);
  }
  if (publishFirst >= world.candidacies.length) {
    await testFirm.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } });
  }
  return ids;
}

function give(as: GraphQLClient, input: GiveShortlistFeedbackInput) {
  return as.request(GiveShortlistFeedbackDocument, { input });
}

async function entryFeedback(entryId: string) {
  const { node } = await nordlys.asRecruiter.data(EntryFeedbackDocument, { id: entryId });
  return having(node, 'feedback').feedback;
}

async function storedFeedbackCount(): Promise<number> {
  return app.em().count(ShortlistFeedback, {});
}

describe('giveShortlistFeedback', () => {
  let contact: ClientContact;
  let colleague: ClientContact;
  let world: AssessedMandate;
  let entryIds: string[];

  beforeAll(async () => {
    const company = await insertClientWithContact(app, nordlys);
    contact = company;
    colleague = await insertClientContact(app, nordlys, company.client);
    world = await insertAssessedMandate(app, nordlys, { client: company.client, candidates: 2 });
    entryIds = await shortlist(nordlys, world, 2);
  });

  it('should keep every answer, count the latest per user, and show them all to the firm', async () => {
    const first = await give(contact.as, { entryId: presentedId(entryIds[0]), decision: 'INTERESTED', comment: ' Want to meet her. ' });
    expect(first.data!.giveShortlistFeedback).toEqual({
      entry: {
        id: presentedId(entryIds[0]),
        myFeedback: { decision: 'INTERESTED', comment: 'Want to meet her.', givenAt: expect.any(String) },
      },
      feedback: { decision: 'INTERESTED', comment: 'Want to meet her.', givenAt: expect.any(String) },
      userErrors: [],
    });
    const second = await give(contact.as, { entryId: presentedId(entryIds[0]), decision: 'DECLINED', comment: 'Too far from sales.' });
    expect(second.data!.giveShortlistFeedback.entry?.myFeedback).toMatchObject({ decision: 'DECLINED', comment: 'Too far from sales.' });
    const third = await give(colleague.as, { entryId: presentedId(entryIds[0]), decision: 'MAYBE' });
    expect(third.data!.giveShortlistFeedback.feedback).toEqual({ decision: 'MAYBE', comment: null, givenAt: expect.any(String) });

    const answers = await entryFeedback(entryIds[0]);
    expect(answers.map((answer) => [answer.decision, answer.comment, answer.isLatest, answer.author?.id, answer.entry.id])).toEqual([
      ['INTERESTED', 'Want to meet her.', false, contact.user.nodeId, entryIds[0]],
      ['DECLINED', 'Too far from sales.', true, contact.user.nodeId, entryIds[0]],
      ['MAYBE', null, true, colleague.user.nodeId, entryIds[0]],
    ]);
    expect(new Date(answers[1].createdAt).getTime()).toBeGreaterThan(new Date(answers[0].createdAt).getTime());
    // Each contact reads only their own latest answer.
    const colleagueView = await give(colleague.as, { entryId: presentedId(entryIds[1]), decision: 'INTERESTED' });
    expect(colleagueView.data!.giveShortlistFeedback.entry?.myFeedback?.decision).toBe('INTERESTED');
  });

  it("should list every answer to the mandate's shortlist for the firm, page by page", async () => {
    const { node } = await nordlys.asRecruiter.data(MandateFeedbackDocument, { id: world.mandate.nodeId, first: 2 });
    const page = having(node, 'shortlist').shortlist.feedback;
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((edge) => edge.node.decision)).toEqual(['INTERESTED', 'DECLINED']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await nordlys.asRecruiter.data(MandateFeedbackDocument, {
      id: world.mandate.nodeId,
      first: 2,
      after: page.pageInfo.endCursor,
    });
    const rest = having(next.node, 'shortlist').shortlist.feedback;
    expect(rest.edges.map((edge) => [edge.node.decision, edge.node.isLatest, edge.node.author?.id, edge.node.entry.id])).toEqual([
      ['MAYBE', true, colleague.user.nodeId, entryIds[0]],
      ['INTERESTED', true, colleague.user.nodeId, entryIds[1]],
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('should show the feedback to a key with shortlists:read, but not who gave it', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.MANDATES_READ, ApiKeyScope.SHORTLISTS_READ]);
    const response = await client.request(EntryFeedbackDocument, { id: entryIds[0] });
    expect(errorCodes(response)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(response.errors!.map((error) => error.path)).toEqual([
      ['node', 'feedback', 0, 'author'],
      ['node', 'feedback', 1, 'author'],
      ['node', 'feedback', 2, 'author'],
    ]);
    expect(having(response.data!.node, 'feedback').feedback.map((answer) => answer.decision)).toEqual(['INTERESTED', 'DECLINED', 'MAYBE']);
  });
});

describe('giveShortlistFeedback: bad input', () => {
  let contact: ClientContact;
  let world: AssessedMandate;
  let entryIds: string[];
  let otherClientsEntry: string;
  let otherFirmsEntry: string;

  beforeAll(async () => {
    const company = await insertClientWithContact(app, nordlys);
    contact = company;
    world = await insertAssessedMandate(app, nordlys, { client: company.client, candidates: 3 });
    // Entries 1 and 2 published; entry 3 added after the publication.
    entryIds = await shortlist(nordlys, world, 2);
    await nordlys.asRecruiter.data(WithdrawFromShortlistDocument, { input: { entryId: entryIds[1], reason: 'Withdrew.' } });
    const otherCompany = await insertClientWithContact(app, nordlys);
    const otherWorld = await insertAssessedMandate(app, nordlys, { client: otherCompany.client, candidates: 1 });
    otherClientsEntry = (await shortlist(nordlys, otherWorld, 1))[0];
    const foreignWorld = await insertAssessedMandate(app, fjellvik, { candidates: 1 });
    otherFirmsEntry = (await shortlist(fjellvik, foreignWorld, 1))[0];
  });

  const NOT_FOUND = [{ code: 'NOT_FOUND', field: ['input', 'entryId'], message: 'No shortlist entry with this id.' }];

  it.each([
    ['an entry that was not published yet', () => presentedId(entryIds[2])],
    ['a withdrawn entry', () => presentedId(entryIds[1])],
    ["an entry of another client's mandate", () => presentedId(otherClientsEntry)],
    ["an entry of another firm's mandate", () => presentedId(otherFirmsEntry)],
    ["the firm's own id of a published entry", () => entryIds[0]],
    ['a malformed id', () => 'not-an-id'],
  ])('should answer %s exactly like an entry that does not exist, and store nothing', async (_case, entryId) => {
    const before = await storedFeedbackCount();
    const response = await give(contact.as, { entryId: entryId(), decision: 'INTERESTED', comment: 'Hello.' });
    const missing = await give(contact.as, {
      entryId: toGlobalId('PresentedShortlistEntry', MISSING),
      decision: 'INTERESTED',
      comment: 'Hello.',
    });
    expect(response.data!.giveShortlistFeedback).toEqual({ entry: null, feedback: null, userErrors: NOT_FOUND });
    expect(response.raw).toBe(missing.raw);
    expect(await storedFeedbackCount()).toBe(before);
  });

  it('should refuse a comment of 2001 characters and store nothing', async () => {
    const before = await storedFeedbackCount();
    const response = await give(contact.as, { entryId: presentedId(entryIds[0]), decision: 'MAYBE', comment: 'c'.repeat(2001) });
    expect(response.data!.giveShortlistFeedback).toEqual({
      entry: null,
      feedback: null,
      userErrors: [{ code: 'TOO_LONG', field: ['input', 'comment'], message: 'comment is longer than 2000 characters.' }],
    });
    expect(await storedFeedbackCount()).toBe(before);
  });

  it('should refuse feedback once the mandate is FILLED, and store nothing', async () => {
    const company = await insertClientWithContact(app, nordlys);
    const filled = await insertAssessedMandate(app, nordlys, { client: company.client, candidates: 1 });
    const [entryId] = await shortlist(nordlys, filled, 1);
    await app.em().nativeUpdate(Mandate, { id: filled.mandate.id }, { status: MandateStatus.FILLED });
    const before = await storedFeedbackCount();
    const response = await give(company.as, { entryId: presentedId(entryId), decision: 'INTERESTED' });
    expect(response.data!.giveShortlistFeedback.userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'entryId'], message: 'The mandate is FILLED: it takes no more feedback.' },
    ]);
    expect(await storedFeedbackCount()).toBe(before);
  });

  it.each([
    ['an admin', () => Promise.resolve(nordlys.asAdmin), 'FORBIDDEN'],
    ['a recruiter', () => Promise.resolve(nordlys.asRecruiter), 'FORBIDDEN'],
    ['an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client, 'FORBIDDEN'],
    ['nobody signed in', () => Promise.resolve(app.anonymous()), 'UNAUTHENTICATED'],
  ])('should refuse feedback from %s and store nothing', async (_who, caller, code) => {
    const before = await storedFeedbackCount();
    for (const entryId of [presentedId(entryIds[0]), entryIds[0]]) {
      const response = await give(await caller(), { entryId, decision: 'INTERESTED' });
      expect(response.data).toBeNull();
      expect(errorCodes(response)).toEqual([code]);
    }
    expect(await storedFeedbackCount()).toBe(before);
  });
});
