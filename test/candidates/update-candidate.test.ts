import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { Candidate } from '../../src/modules/candidate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { snapshotTables, writesDuring } from '../helpers/candidate-fixtures';
import {
  CandidatesDocument,
  CreateCandidateDocument,
  UpdateCandidateDocument,
  type CandidateFieldsFragment,
  type CreateCandidateInput,
  type UpdateCandidateInput,
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

const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;
const FULL: CreateCandidateInput = {
  firstName: 'Astrid',
  lastName: 'Lindqvist',
  email: 'astrid@lindqvist.example',
  phone: '+46 70 123 45 67',
  headline: 'COO, Fjällbanken',
  location: 'Göteborg',
  languages: ['sv', 'en'],
  linkedinUrl: 'https://www.linkedin.com/in/astrid-lindqvist',
  tags: ['banking', 'coo'],
  externalRefs: [
    { system: 'greenhouse', externalId: 'gh-1' },
    { system: 'workday', externalId: 'wd-1' },
  ],
  consent: { status: 'GIVEN', givenAt: '2026-02-01T08:00:00Z', retainUntil: `${NEXT_YEAR}T00:00:00Z` },
};

async function create(
  input: Partial<CreateCandidateInput> = {},
  caller: GraphQLClient = nordlys.asAdmin,
): Promise<CandidateFieldsFragment> {
  const { createCandidate } = await caller.data(CreateCandidateDocument, { input: { ...FULL, externalRefs: [], ...input } });
  expect(createCandidate.userErrors).toEqual([]);
  return createCandidate.candidate!;
}

function update(input: UpdateCandidateInput, caller: GraphQLClient = nordlys.asAdmin) {
  return caller.data(UpdateCandidateDocument, { input }).then((data) => data.updateCandidate);
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('updateCandidate', () => {
  it('should change only the given fields and keep every other one', async () => {
    const candidate = await create({ externalRefs: FULL.externalRefs });
    await pause();
    let result: Awaited<ReturnType<typeof update>> | undefined;
    const writes = await writesDuring(app, async () => {
      result = await update({ candidateId: candidate.id, headline: ' CEO, Fjällbanken ', tags: ['banking', 'ceo', 'banking'] });
    });
    expect(writes).toEqual([expect.stringMatching(/^update "candidate" set /)]);
    const { candidate: updated, userErrors } = result!;
    expect(userErrors).toEqual([]);
    expect(updated).toEqual({
      ...candidate,
      headline: 'CEO, Fjällbanken',
      tags: ['banking', 'ceo'],
      updatedAt: expect.any(String),
    });
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThan(Date.parse(candidate.updatedAt));
  });

  it('should clear optional texts and lists given as null', async () => {
    const candidate = await create();
    const { candidate: updated } = await update({
      candidateId: candidate.id,
      email: null,
      phone: null,
      headline: '',
      location: null,
      linkedinUrl: null,
      languages: null,
      tags: [],
    });
    expect(updated).toMatchObject({
      firstName: 'Astrid',
      email: null,
      phone: null,
      headline: null,
      location: null,
      linkedinUrl: null,
      languages: [],
      tags: [],
    });
  });

  it('should keep the search text in step with names, email and headline', async () => {
    const candidate = await create({ firstName: 'Bjørn', lastName: 'Ødegård', email: 'bjorn@x.no', headline: 'CFO' });
    await update({ candidateId: candidate.id, lastName: 'Æsheim', headline: 'Finansdirektør' });
    const stored = await app.em().findOneOrFail(Candidate, { firstName: 'Bjørn' });
    expect(stored.searchText).toBe('bjorn aesheim bjorn@x.no finansdirektor');
    const found = await nordlys.asAdmin.data(CandidatesDocument, { filter: { search: 'aesheim finans' } });
    expect(found.candidates.edges).toEqual([]);
    const byName = await nordlys.asAdmin.data(CandidatesDocument, { filter: { search: 'Æsheim' } });
    expect(byName.candidates.edges.map((edge) => edge.node.id)).toEqual([candidate.id]);
    const byOldName = await nordlys.asAdmin.data(CandidatesDocument, { filter: { search: 'odegard' } });
    expect(byOldName.candidates.edges).toEqual([]);
  });

  it('should write nothing and keep updatedAt when the update changes nothing', async () => {
    const externalRefs = [
      { system: 'greenhouse', externalId: 'same-1' },
      { system: 'workday', externalId: 'same-2' },
    ];
    const candidate = await create({ externalRefs });
    await pause();
    const { phone, headline, location, languages, linkedinUrl, tags } = FULL;
    let result: Awaited<ReturnType<typeof update>> | undefined;
    const writes = await writesDuring(app, async () => {
      result = await update({
        candidateId: candidate.id,
        firstName: ' Astrid ',
        lastName: 'Lindqvist',
        email: 'ASTRID@lindqvist.example',
        phone,
        headline,
        location,
        languages,
        linkedinUrl,
        tags: [...tags!, ' coo'],
        externalRefs: [...externalRefs].reverse(),
        consent: { status: 'GIVEN', retainUntil: `${NEXT_YEAR}T12:00:00Z` },
      });
    });
    expect(writes).toEqual([]);
    expect(result).toEqual({ userErrors: [], candidate });
  });

  it('should write nothing when only the id is given', async () => {
    const candidate = await create();
    const writes = await writesDuring(app, () => update({ candidateId: candidate.id }));
    expect(writes).toEqual([]);
  });
});

describe('updateCandidate with external refs', () => {
  it('should replace the refs when given: keep, change, add and remove, and move updatedAt', async () => {
    const candidate = await create({
      externalRefs: [
        { system: 'greenhouse', externalId: 'r-1' },
        { system: 'lever', externalId: 'r-2' },
        { system: 'workday', externalId: 'r-3' },
      ],
    });
    await pause();
    const { candidate: updated, userErrors } = await update({
      candidateId: candidate.id,
      externalRefs: [
        { system: 'workday', externalId: 'r-3-new' },
        { system: 'greenhouse', externalId: 'r-1' },
        { system: 'teamtailor', externalId: 'r-4' },
      ],
    });
    expect(userErrors).toEqual([]);
    expect(updated!.externalRefs).toEqual([
      { system: 'greenhouse', externalId: 'r-1' },
      { system: 'teamtailor', externalId: 'r-4' },
      { system: 'workday', externalId: 'r-3-new' },
    ]);
    expect(Date.parse(updated!.updatedAt)).toBeGreaterThan(Date.parse(candidate.updatedAt));
    // The released ref is free for another candidate now.
    const other = await create({ externalRefs: [{ system: 'lever', externalId: 'r-2' }] });
    expect(other.externalRefs).toEqual([{ system: 'lever', externalId: 'r-2' }]);
  });

  it('should keep the refs when they are left out, and remove them all with an empty list', async () => {
    const candidate = await create({ externalRefs: [{ system: 'greenhouse', externalId: 'keep-1' }] });
    const kept = await update({ candidateId: candidate.id, location: 'Malmö' });
    expect(kept.candidate!.externalRefs).toEqual([{ system: 'greenhouse', externalId: 'keep-1' }]);
    const removed = await update({ candidateId: candidate.id, externalRefs: [] });
    expect(removed.candidate!.externalRefs).toEqual([]);
  });

  it('should accept the candidate sending its own refs again', async () => {
    const candidate = await create({ externalRefs: [{ system: 'greenhouse', externalId: 'own-1' }] });
    const { userErrors } = await update({
      candidateId: candidate.id,
      externalRefs: [
        { system: 'greenhouse', externalId: 'own-1' },
        { system: 'lever', externalId: 'own-2' },
      ],
    });
    expect(userErrors).toEqual([]);
  });

  it("should refuse a ref another candidate holds with ALREADY_EXISTS on that ref's externalId and change nothing", async () => {
    await create({ externalRefs: [{ system: 'greenhouse', externalId: 'taken-1' }] });
    const candidate = await create({ headline: 'Before', externalRefs: [{ system: 'lever', externalId: 'mine-1' }] });
    const before = await snapshotTables(app);
    const result = await update({
      candidateId: candidate.id,
      headline: 'After',
      externalRefs: [
        { system: 'lever', externalId: 'mine-1' },
        { system: 'greenhouse', externalId: 'taken-1' },
      ],
    });
    expect(result).toEqual({
      candidate: null,
      userErrors: [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'externalRefs', '1', 'externalId'],
          message: 'Another candidate already has external id "taken-1" in greenhouse.',
        },
      ],
    });
    expect(await snapshotTables(app)).toEqual(before);
  });
});

describe('updateCandidate consent', () => {
  it('should follow consent from PENDING to GIVEN to WITHDRAWN and back, keeping recorded times', async () => {
    const candidate = await create({ consent: null });
    expect(candidate.consentStatus).toBe('PENDING');

    const beforeGiven = Date.now();
    const given = (await update({ candidateId: candidate.id, consent: { status: 'GIVEN', retainUntil: `${NEXT_YEAR}T00:00:00Z` } }))
      .candidate!;
    expect(given).toMatchObject({ consentStatus: 'GIVEN', consentWithdrawnAt: null, retainUntil: NEXT_YEAR });
    expect(Date.parse(given.consentGivenAt!)).toBeGreaterThanOrEqual(beforeGiven);

    const beforeWithdrawn = Date.now();
    const withdrawn = (await update({ candidateId: candidate.id, consent: { status: 'WITHDRAWN' } })).candidate!;
    expect(withdrawn).toMatchObject({ consentStatus: 'WITHDRAWN', consentGivenAt: given.consentGivenAt, retainUntil: null });
    expect(Date.parse(withdrawn.consentWithdrawnAt!)).toBeGreaterThanOrEqual(beforeWithdrawn);

    await pause();
    const withdrawnAgain = await writesDuring(app, () => update({ candidateId: candidate.id, consent: { status: 'WITHDRAWN' } }));
    expect(withdrawnAgain).toEqual([]);

    const givenAgain = (
      await update({
        candidateId: candidate.id,
        consent: { status: 'GIVEN', givenAt: '2026-03-01T00:00:00Z', retainUntil: `${NEXT_YEAR}T00:00:00Z` },
      })
    ).candidate!;
    expect(givenAgain).toMatchObject({ consentStatus: 'GIVEN', consentGivenAt: '2026-03-01T00:00:00.000Z', consentWithdrawnAt: null });

    const pending = (await update({ candidateId: candidate.id, consent: { status: 'PENDING' } })).candidate!;
    expect(pending).toMatchObject({ consentStatus: 'PENDING', consentGivenAt: null, consentWithdrawnAt: null, retainUntil: null });
  });

  it('should keep consent when consent is null', async () => {
    const candidate = await create();
    const { candidate: updated } = await update({ candidateId: candidate.id, consent: null });
    expect(updated).toEqual(candidate);
  });
});

describe('updateCandidate with bad input', () => {
  type Case = [string, Partial<UpdateCandidateInput>, { code: string; field: string[]; message: string }[]];
  const cases: Case[] = [
    ['a first name of null', { firstName: null }, [{ code: 'REQUIRED', field: ['input', 'firstName'], message: 'firstName is required.' }]],
    ['an empty last name', { lastName: '' }, [{ code: 'REQUIRED', field: ['input', 'lastName'], message: 'lastName is required.' }]],
    [
      'a last name over 100 characters',
      { lastName: 'l'.repeat(101) },
      [{ code: 'TOO_LONG', field: ['input', 'lastName'], message: 'lastName is longer than 100 characters.' }],
    ],
    ['a bad email', { email: 'astrid@' }, [{ code: 'INVALID', field: ['input', 'email'], message: 'email is not an email address.' }]],
    [
      'a bad phone',
      { phone: '070/123' },
      [{ code: 'INVALID', field: ['input', 'phone'], message: 'phone may hold only digits, spaces, - and a leading +.' }],
    ],
    [
      'a headline over 200 characters',
      { headline: 'h'.repeat(201) },
      [{ code: 'TOO_LONG', field: ['input', 'headline'], message: 'headline is longer than 200 characters.' }],
    ],
    [
      'a bad language',
      { languages: ['sv', 'swedish'] },
      [
        {
          code: 'INVALID',
          field: ['input', 'languages', '1'],
          message: '"swedish" is not an ISO 639-1 language code in lower case, such as nb, sv or en.',
        },
      ],
    ],
    [
      'a URL off LinkedIn',
      { linkedinUrl: 'https://example.com/astrid' },
      [{ code: 'INVALID', field: ['input', 'linkedinUrl'], message: 'linkedinUrl must be an https URL on linkedin.com.' }],
    ],
    ['an empty tag', { tags: [''] }, [{ code: 'INVALID', field: ['input', 'tags', '0'], message: 'A tag must not be empty.' }]],
    [
      'two refs in one system',
      {
        externalRefs: [
          { system: 'lever', externalId: 'a' },
          { system: 'lever', externalId: 'b' },
        ],
      },
      [
        {
          code: 'INVALID',
          field: ['input', 'externalRefs', '1', 'system'],
          message: 'A candidate has one external ref per system; "lever" comes twice.',
        },
      ],
    ],
    [
      'GIVEN consent in the past',
      { consent: { status: 'GIVEN', retainUntil: '2001-01-01T00:00:00Z' } },
      [{ code: 'OUT_OF_RANGE', field: ['input', 'consent', 'retainUntil'], message: 'retainUntil must be a date in the future.' }],
    ],
  ];

  it.each(cases)('should refuse %s and change nothing', async (_case, override, userErrors) => {
    const candidate = await create({ externalRefs: [{ system: 'lever', externalId: `bad-${Math.random()}` }] });
    const before = await snapshotTables(app);
    const result = await update({ candidateId: candidate.id, headline: 'Changed', ...override });
    expect(result).toEqual({ candidate: null, userErrors });
    expect(await snapshotTables(app)).toEqual(before);
  });

  it.each([
    ['a malformed id', () => 'not-an-id'],
    ['the id of another type', () => nordlys.admin.nodeId],
    ['an id that does not exist', () => toGlobalId('Candidate', '00000000-0000-4000-8000-000000000000')],
  ])('should answer NOT_FOUND for %s', async (_case, id) => {
    const result = await update({ candidateId: id(), headline: 'x' });
    expect(result).toEqual({
      candidate: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' }],
    });
  });

  it("should answer NOT_FOUND for another firm's candidate and change nothing", async () => {
    const theirs = await create({}, fjellvik.asAdmin);
    const before = await snapshotTables(app);
    const result = await update({ candidateId: theirs.id, headline: 'Hijacked' });
    expect(result).toEqual({
      candidate: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' }],
    });
    expect(await snapshotTables(app)).toEqual(before);
  });
});

describe('updateCandidate access', () => {
  it.each([
    ['a recruiter', async () => nordlys.asRecruiter],
    ['an API key with candidates:write', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE])).client],
  ])('should let %s update a candidate', async (_case, caller) => {
    const candidate = await create();
    const result = await update({ candidateId: candidate.id, location: 'Stockholm' }, await caller());
    expect(result.userErrors).toEqual([]);
    expect(result.candidate!.location).toBe('Stockholm');
  });

  it.each([
    ['a client user', async () => nordlys.asClientUser],
    ['an API key with only candidates:read', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ])).client],
  ])('should refuse %s with FORBIDDEN and change nothing', async (_case, caller) => {
    const candidate = await create();
    const client = await caller();
    const before = await snapshotTables(app);
    const response = await client.request(UpdateCandidateDocument, { input: { candidateId: candidate.id, location: 'Oslo' } });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await snapshotTables(app)).toEqual(before);
  });
});
