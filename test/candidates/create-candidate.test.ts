import { ApiKeyScope } from '../../src/common/access';
import { localIdOf } from '../../src/common/global-id';
import { Candidate } from '../../src/modules/candidate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { snapshotTables } from '../helpers/candidate-fixtures';
import { CreateCandidateDocument, type CreateCandidateInput } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

const NAMES = { firstName: 'Ingrid', lastName: 'Haugland' };
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-30`;

describe('createCandidate', () => {
  it('should store every field, normalised, when the input is valid', async () => {
    const before = Date.now();
    const { createCandidate } = await nordlys.asRecruiter.data(CreateCandidateDocument, {
      input: {
        firstName: '  Søren ',
        lastName: 'Østergård',
        email: ' Soren.Ostergaard@Nordlys-Retail.DK ',
        phone: '+45 12 34-56 78',
        headline: 'CEO, Nordlys Retail A/S',
        location: 'Aarhus',
        languages: ['da', 'en', 'sv', 'da'],
        linkedinUrl: 'https://www.linkedin.com/in/soren-ostergaard',
        tags: [' retail ', 'ceo', 'retail', 'turnaround'],
        externalRefs: [
          { system: 'greenhouse', externalId: 'gh-1001' },
          { system: 'hr_core-2', externalId: '77' },
        ],
        consent: { status: 'GIVEN', givenAt: '2026-01-15T09:30:00Z', retainUntil: `${NEXT_YEAR}T15:00:00Z` },
      },
    });
    expect(createCandidate.userErrors).toEqual([]);
    const candidate = createCandidate.candidate!;
    expect(candidate).toEqual({
      id: expect.any(String),
      firstName: 'Søren',
      lastName: 'Østergård',
      email: 'soren.ostergaard@nordlys-retail.dk',
      phone: '+45 12 34-56 78',
      headline: 'CEO, Nordlys Retail A/S',
      location: 'Aarhus',
      languages: ['da', 'en', 'sv'],
      linkedinUrl: 'https://www.linkedin.com/in/soren-ostergaard',
      tags: ['retail', 'ceo', 'turnaround'],
      consentStatus: 'GIVEN',
      consentGivenAt: '2026-01-15T09:30:00.000Z',
      consentWithdrawnAt: null,
      retainUntil: NEXT_YEAR,
      createdAt: candidate.updatedAt,
      updatedAt: expect.any(String),
      externalRefs: [
        { system: 'greenhouse', externalId: 'gh-1001' },
        { system: 'hr_core-2', externalId: '77' },
      ],
    });
    expect(Date.parse(candidate.createdAt)).toBeGreaterThanOrEqual(before);

    const stored = await app.em().findOneOrFail(Candidate, { firstName: 'Søren' });
    expect(stored.firm.id).toBe(nordlys.firm.id);
    expect(stored.nodeId).toBe(candidate.id);
    expect(stored.searchText).toBe('soren ostergard soren.ostergaard@nordlys-retail.dk ceo, nordlys retail a/s');
  });

  it('should start with PENDING consent and empty lists when only the names are given', async () => {
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, { input: NAMES });
    expect(createCandidate).toEqual({
      userErrors: [],
      candidate: expect.objectContaining({
        firstName: 'Ingrid',
        lastName: 'Haugland',
        email: null,
        phone: null,
        headline: null,
        location: null,
        languages: [],
        linkedinUrl: null,
        tags: [],
        consentStatus: 'PENDING',
        consentGivenAt: null,
        consentWithdrawnAt: null,
        retainUntil: null,
        externalRefs: [],
      }),
    });
    const stored = await app.em().findOneOrFail(Candidate, { id: localIdOf(createCandidate.candidate!.id, 'Candidate')! });
    expect(stored.searchText).toBe('ingrid haugland');
  });

  it('should record when consent was given, now, when GIVEN comes without givenAt', async () => {
    const before = Date.now();
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, {
      input: { ...NAMES, consent: { status: 'GIVEN', retainUntil: `${NEXT_YEAR}T00:00:00Z` } },
    });
    const candidate = createCandidate.candidate!;
    expect(candidate.consentStatus).toBe('GIVEN');
    expect(Date.parse(candidate.consentGivenAt!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(candidate.consentGivenAt!)).toBeLessThanOrEqual(Date.now());
  });

  it('should record when consent was withdrawn when a candidate is created as WITHDRAWN', async () => {
    const before = Date.now();
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, {
      input: { ...NAMES, consent: { status: 'WITHDRAWN', givenAt: '2025-03-01T00:00:00Z' } },
    });
    const candidate = createCandidate.candidate!;
    expect(candidate).toMatchObject({ consentStatus: 'WITHDRAWN', consentGivenAt: '2025-03-01T00:00:00.000Z', retainUntil: null });
    expect(Date.parse(candidate.consentWithdrawnAt!)).toBeGreaterThanOrEqual(before);
  });

  it.each([
    ['linkedin.com', 'https://linkedin.com/in/x'],
    ['a country subdomain', 'https://no.linkedin.com/in/kari-nordmann?trk=public'],
  ])('should accept a LinkedIn URL on %s', async (_case, linkedinUrl) => {
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, { input: { ...NAMES, linkedinUrl } });
    expect(createCandidate.userErrors).toEqual([]);
    expect(createCandidate.candidate!.linkedinUrl).toBe(linkedinUrl);
  });

  it('should count tags after dropping duplicates when 31 entries hold 30 different tags', async () => {
    const tags = [...Array.from({ length: 30 }, (_, index) => `tag-${index}`), 'tag-0'];
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, { input: { ...NAMES, tags } });
    expect(createCandidate.userErrors).toEqual([]);
    expect(createCandidate.candidate!.tags).toEqual(tags.slice(0, 30));
  });

  it('should accept 20 languages, 50-character tags and texts at their limits', async () => {
    const languages = [
      'nb',
      'nn',
      'no',
      'sv',
      'da',
      'fi',
      'is',
      'fo',
      'kl',
      'se',
      'en',
      'de',
      'fr',
      'es',
      'it',
      'nl',
      'pl',
      'pt',
      'et',
      'lv',
    ];
    const input = {
      firstName: 'F'.repeat(100),
      lastName: 'L'.repeat(100),
      email: `${'e'.repeat(242)}@example.com`,
      phone: `+${'4'.repeat(39)}`,
      headline: 'H'.repeat(200),
      location: 'L'.repeat(200),
      languages,
      linkedinUrl: `https://linkedin.com/in/${'x'.repeat(276)}`,
      tags: ['t'.repeat(50)],
      externalRefs: [{ system: 's'.repeat(50), externalId: 'i'.repeat(200) }],
    };
    expect(input.email).toHaveLength(254);
    expect(input.linkedinUrl).toHaveLength(300);
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, { input });
    expect(createCandidate.userErrors).toEqual([]);
    expect(createCandidate.candidate).toMatchObject({ ...input, externalRefs: input.externalRefs });
  });
});

describe('createCandidate with bad input', () => {
  type Case = [string, Partial<CreateCandidateInput>, { code: string; field: string[]; message: string }[]];
  const codes21 = [
    'nb',
    'nn',
    'no',
    'sv',
    'da',
    'fi',
    'is',
    'fo',
    'kl',
    'se',
    'en',
    'de',
    'fr',
    'es',
    'it',
    'nl',
    'pl',
    'pt',
    'et',
    'lv',
    'lt',
  ];
  const cases: Case[] = [
    ['an empty first name', { firstName: '' }, [{ code: 'REQUIRED', field: ['input', 'firstName'], message: 'firstName is required.' }]],
    ['a blank last name', { lastName: '   ' }, [{ code: 'REQUIRED', field: ['input', 'lastName'], message: 'lastName is required.' }]],
    [
      'a first name over 100 characters',
      { firstName: 'x'.repeat(101) },
      [{ code: 'TOO_LONG', field: ['input', 'firstName'], message: 'firstName is longer than 100 characters.' }],
    ],
    [
      'a last name over 100 characters',
      { lastName: 'x'.repeat(101) },
      [{ code: 'TOO_LONG', field: ['input', 'lastName'], message: 'lastName is longer than 100 characters.' }],
    ],
    [
      'an email without @',
      { email: 'ingrid.haugland' },
      [{ code: 'INVALID', field: ['input', 'email'], message: 'email is not an email address.' }],
    ],
    [
      'an email with spaces',
      { email: 'ingrid haugland@x.no' },
      [{ code: 'INVALID', field: ['input', 'email'], message: 'email is not an email address.' }],
    ],
    [
      'an email over 254 characters',
      { email: `${'e'.repeat(243)}@example.com` },
      [{ code: 'TOO_LONG', field: ['input', 'email'], message: 'email is longer than 254 characters.' }],
    ],
    [
      'a phone with letters',
      { phone: '+47 call me' },
      [{ code: 'INVALID', field: ['input', 'phone'], message: 'phone may hold only digits, spaces, - and a leading +.' }],
    ],
    [
      'a phone with + inside',
      { phone: '47+12345' },
      [{ code: 'INVALID', field: ['input', 'phone'], message: 'phone may hold only digits, spaces, - and a leading +.' }],
    ],
    [
      'a phone without digits',
      { phone: '+ - -' },
      [{ code: 'INVALID', field: ['input', 'phone'], message: 'phone may hold only digits, spaces, - and a leading +.' }],
    ],
    [
      'a phone over 40 characters',
      { phone: '4'.repeat(41) },
      [{ code: 'TOO_LONG', field: ['input', 'phone'], message: 'phone is longer than 40 characters.' }],
    ],
    [
      'a headline over 200 characters',
      { headline: 'h'.repeat(201) },
      [{ code: 'TOO_LONG', field: ['input', 'headline'], message: 'headline is longer than 200 characters.' }],
    ],
    [
      'a location over 200 characters',
      { location: 'l'.repeat(201) },
      [{ code: 'TOO_LONG', field: ['input', 'location'], message: 'location is longer than 200 characters.' }],
    ],
    [
      'an upper-case language code',
      { languages: ['nb', 'SV'] },
      [
        {
          code: 'INVALID',
          field: ['input', 'languages', '1'],
          message: '"SV" is not an ISO 639-1 language code in lower case, such as nb, sv or en.',
        },
      ],
    ],
    [
      'a two-letter code that is no language',
      { languages: ['xx'] },
      [
        {
          code: 'INVALID',
          field: ['input', 'languages', '0'],
          message: '"xx" is not an ISO 639-1 language code in lower case, such as nb, sv or en.',
        },
      ],
    ],
    [
      'a three-letter language code',
      { languages: ['nob'] },
      [
        {
          code: 'INVALID',
          field: ['input', 'languages', '0'],
          message: '"nob" is not an ISO 639-1 language code in lower case, such as nb, sv or en.',
        },
      ],
    ],
    [
      'more than 20 languages',
      { languages: codes21 },
      [{ code: 'TOO_LONG', field: ['input', 'languages'], message: 'languages may hold at most 20 codes.' }],
    ],
    [
      'a LinkedIn URL over http',
      { linkedinUrl: 'http://www.linkedin.com/in/x' },
      [{ code: 'INVALID', field: ['input', 'linkedinUrl'], message: 'linkedinUrl must be an https URL on linkedin.com.' }],
    ],
    [
      'a URL on a look-alike host',
      { linkedinUrl: 'https://linkedin.com.example.org/in/x' },
      [{ code: 'INVALID', field: ['input', 'linkedinUrl'], message: 'linkedinUrl must be an https URL on linkedin.com.' }],
    ],
    [
      'a host that only ends like linkedin.com',
      { linkedinUrl: 'https://notlinkedin.com/in/x' },
      [{ code: 'INVALID', field: ['input', 'linkedinUrl'], message: 'linkedinUrl must be an https URL on linkedin.com.' }],
    ],
    [
      'a URL with credentials',
      { linkedinUrl: 'https://user:secret@linkedin.com/in/x' },
      [{ code: 'INVALID', field: ['input', 'linkedinUrl'], message: 'linkedinUrl must be an https URL on linkedin.com.' }],
    ],
    [
      'text that is no URL',
      { linkedinUrl: 'linkedin.com/in/x' },
      [{ code: 'INVALID', field: ['input', 'linkedinUrl'], message: 'linkedinUrl must be an https URL on linkedin.com.' }],
    ],
    [
      'a LinkedIn URL over 300 characters',
      { linkedinUrl: `https://linkedin.com/in/${'x'.repeat(277)}` },
      [{ code: 'TOO_LONG', field: ['input', 'linkedinUrl'], message: 'linkedinUrl is longer than 300 characters.' }],
    ],
    ['an empty tag', { tags: ['cfo', '  '] }, [{ code: 'INVALID', field: ['input', 'tags', '1'], message: 'A tag must not be empty.' }]],
    [
      'a tag over 50 characters',
      { tags: ['t'.repeat(51)] },
      [{ code: 'TOO_LONG', field: ['input', 'tags', '0'], message: 'A tag is at most 50 characters.' }],
    ],
    [
      'more than 30 tags',
      { tags: Array.from({ length: 31 }, (_, index) => `tag-${index}`) },
      [{ code: 'TOO_LONG', field: ['input', 'tags'], message: 'tags may hold at most 30 different tags.' }],
    ],
    [
      'a system with upper case',
      { externalRefs: [{ system: 'Greenhouse', externalId: '1' }] },
      [
        {
          code: 'INVALID',
          field: ['input', 'externalRefs', '0', 'system'],
          message: 'system may hold only lower case letters, digits, _ and -.',
        },
      ],
    ],
    [
      'a system with a dot',
      { externalRefs: [{ system: 'work.day', externalId: '1' }] },
      [
        {
          code: 'INVALID',
          field: ['input', 'externalRefs', '0', 'system'],
          message: 'system may hold only lower case letters, digits, _ and -.',
        },
      ],
    ],
    [
      'an empty system',
      { externalRefs: [{ system: '', externalId: '1' }] },
      [{ code: 'REQUIRED', field: ['input', 'externalRefs', '0', 'system'], message: 'system is required.' }],
    ],
    [
      'a system over 50 characters',
      { externalRefs: [{ system: 's'.repeat(51), externalId: '1' }] },
      [{ code: 'TOO_LONG', field: ['input', 'externalRefs', '0', 'system'], message: 'system is longer than 50 characters.' }],
    ],
    [
      'an empty external id',
      { externalRefs: [{ system: 'greenhouse', externalId: ' ' }] },
      [{ code: 'REQUIRED', field: ['input', 'externalRefs', '0', 'externalId'], message: 'externalId is required.' }],
    ],
    [
      'an external id over 200 characters',
      { externalRefs: [{ system: 'greenhouse', externalId: 'i'.repeat(201) }] },
      [
        {
          code: 'TOO_LONG',
          field: ['input', 'externalRefs', '0', 'externalId'],
          message: 'externalId is longer than 200 characters.',
        },
      ],
    ],
    [
      'two refs in one system',
      {
        externalRefs: [
          { system: 'greenhouse', externalId: '1' },
          { system: 'workday', externalId: '1' },
          { system: 'greenhouse', externalId: '2' },
        ],
      },
      [
        {
          code: 'INVALID',
          field: ['input', 'externalRefs', '2', 'system'],
          message: 'A candidate has one external ref per system; "greenhouse" comes twice.',
        },
      ],
    ],
    [
      'more than 20 refs',
      { externalRefs: Array.from({ length: 21 }, (_, index) => ({ system: `system-${index}`, externalId: '1' })) },
      [{ code: 'TOO_LONG', field: ['input', 'externalRefs'], message: 'externalRefs may hold at most 20 refs.' }],
    ],
    [
      'GIVEN consent without retainUntil',
      { consent: { status: 'GIVEN' } },
      [{ code: 'REQUIRED', field: ['input', 'consent', 'retainUntil'], message: 'retainUntil is required when consent is GIVEN.' }],
    ],
    [
      'GIVEN consent retained until a past date',
      { consent: { status: 'GIVEN', retainUntil: '2020-01-01T00:00:00Z' } },
      [{ code: 'OUT_OF_RANGE', field: ['input', 'consent', 'retainUntil'], message: 'retainUntil must be a date in the future.' }],
    ],
    [
      'GIVEN consent retained only until today',
      { consent: { status: 'GIVEN', retainUntil: new Date().toISOString() } },
      [{ code: 'OUT_OF_RANGE', field: ['input', 'consent', 'retainUntil'], message: 'retainUntil must be a date in the future.' }],
    ],
    [
      'consent given in the future',
      { consent: { status: 'GIVEN', givenAt: '2999-01-01T00:00:00Z', retainUntil: `${NEXT_YEAR}T00:00:00Z` } },
      [{ code: 'OUT_OF_RANGE', field: ['input', 'consent', 'givenAt'], message: 'givenAt cannot be in the future.' }],
    ],
    [
      'PENDING consent with givenAt',
      { consent: { status: 'PENDING', givenAt: '2025-01-01T00:00:00Z' } },
      [{ code: 'INVALID', field: ['input', 'consent', 'givenAt'], message: 'givenAt is only for GIVEN or WITHDRAWN consent.' }],
    ],
    [
      'several problems at once',
      { firstName: '', email: 'nope', tags: [''], consent: { status: 'GIVEN' } },
      [
        { code: 'REQUIRED', field: ['input', 'firstName'], message: 'firstName is required.' },
        { code: 'INVALID', field: ['input', 'email'], message: 'email is not an email address.' },
        { code: 'INVALID', field: ['input', 'tags', '0'], message: 'A tag must not be empty.' },
        { code: 'REQUIRED', field: ['input', 'consent', 'retainUntil'], message: 'retainUntil is required when consent is GIVEN.' },
      ],
    ],
  ];

  it.each(cases)('should refuse %s and write nothing', async (_case, override, userErrors) => {
    const before = await snapshotTables(app);
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, { input: { ...NAMES, ...override } });
    expect(createCandidate).toEqual({ candidate: null, userErrors });
    expect(await snapshotTables(app)).toEqual(before);
  });
});

describe('createCandidate with external refs', () => {
  it('should refuse a ref that another candidate of the firm holds, naming the ref, and write nothing', async () => {
    await nordlys.asAdmin.data(CreateCandidateDocument, {
      input: { ...NAMES, externalRefs: [{ system: 'teamtailor', externalId: 'tt-9' }] },
    });
    const before = await snapshotTables(app);
    const { createCandidate } = await nordlys.asAdmin.data(CreateCandidateDocument, {
      input: {
        firstName: 'Kari',
        lastName: 'Nordmann',
        externalRefs: [
          { system: 'greenhouse', externalId: 'fresh' },
          { system: 'teamtailor', externalId: 'tt-9' },
        ],
      },
    });
    expect(createCandidate).toEqual({
      candidate: null,
      userErrors: [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'externalRefs', '1', 'externalId'],
          message: 'Another candidate already has external id "tt-9" in teamtailor.',
        },
      ],
    });
    expect(await snapshotTables(app)).toEqual(before);
  });

  it('should accept the same external id in another system and in another firm', async () => {
    await nordlys.asAdmin.data(CreateCandidateDocument, {
      input: { ...NAMES, externalRefs: [{ system: 'lever', externalId: 'shared-1' }] },
    });
    const otherSystem = await nordlys.asAdmin.data(CreateCandidateDocument, {
      input: { ...NAMES, externalRefs: [{ system: 'workday', externalId: 'shared-1' }] },
    });
    const otherFirm = await fjellvik.asAdmin.data(CreateCandidateDocument, {
      input: { ...NAMES, externalRefs: [{ system: 'lever', externalId: 'shared-1' }] },
    });
    expect(otherSystem.createCandidate.userErrors).toEqual([]);
    expect(otherFirm.createCandidate.userErrors).toEqual([]);
    expect(otherFirm.createCandidate.candidate!.externalRefs).toEqual([{ system: 'lever', externalId: 'shared-1' }]);
  });
});

describe('createCandidate access', () => {
  it.each([
    ['the admin', () => nordlys.asAdmin],
    ['a recruiter', () => nordlys.asRecruiter],
  ])('should let %s create a candidate', async (_case, caller) => {
    const { createCandidate } = await caller().data(CreateCandidateDocument, { input: NAMES });
    expect(createCandidate.userErrors).toEqual([]);
  });

  it('should let an API key with candidates:write create a candidate', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    const { createCandidate } = await client.data(CreateCandidateDocument, {
      input: { ...NAMES, externalRefs: [{ system: 'ats', externalId: 'key-1' }] },
    });
    expect(createCandidate.userErrors).toEqual([]);
    const stored = await app.em().findOneOrFail(Candidate, { id: localIdOf(createCandidate.candidate!.id, 'Candidate')! });
    expect(stored.firm.id).toBe(nordlys.firm.id);
  });

  it.each([
    ['a client user', async () => nordlys.asClientUser],
    ['an API key with only candidates:read', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ])).client],
    ['an API key with mandates:write', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE])).client],
  ])('should refuse %s with FORBIDDEN and write nothing', async (_case, caller) => {
    const client = await caller();
    const before = await snapshotTables(app);
    const response = await client.request(CreateCandidateDocument, { input: NAMES });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await snapshotTables(app)).toEqual(before);
  });

  it('should refuse a caller without a token with UNAUTHENTICATED', async () => {
    const response = await app.anonymous().request(CreateCandidateDocument, { input: NAMES });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
