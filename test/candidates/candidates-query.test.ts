import { ApiKeyScope } from '../../src/common/access';
import { encodeCursor } from '../../src/common/connection';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import {
  CandidateNodeDocument,
  CandidatesDocument,
  CreateCandidateDocument,
  UpdateCandidateDocument,
  type CandidateFilter,
  type CreateCandidateInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
// Global ids by a short name, in the order they were created.
const ids: Record<string, string> = {};

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function create(name: string, input: CreateCandidateInput, caller: GraphQLClient = nordlys.asRecruiter): Promise<string> {
  const { createCandidate } = await caller.data(CreateCandidateDocument, { input });
  expect(createCandidate.userErrors).toEqual([]);
  ids[name] = createCandidate.candidate!.id;
  await pause();
  return ids[name];
}

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  await create('soren', {
    firstName: 'Søren',
    lastName: 'Østergård',
    email: 'soren@nordlys-retail.example',
    headline: 'CEO, Nordlys Retail',
    tags: ['ceo', 'retail'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-1' }],
  });
  await create('ostergard', {
    firstName: 'Soren',
    lastName: 'Ostergard',
    email: 'so.ostergard@fjordkraft.example',
    headline: 'CFO, Fjordkraft',
    tags: ['cfo'],
    externalRefs: [{ system: 'workday', externalId: 'gh-1' }],
  });
  await create('asa', {
    firstName: 'Åsa',
    lastName: 'Ekström',
    email: 'asa.ekstrom@vattenfjord.example',
    headline: 'Kundchef 100%_nöjd',
    tags: ['retail', 'customer-success'],
  });
  await create('kari', { firstName: 'Kari', lastName: 'Nordmann', headline: 'COO, Helse Vest IKT', tags: ['Retail'] });
  await create('theirs', { firstName: 'Søren', lastName: 'Østergård', tags: ['ceo'] }, fjellvik.asAdmin);
});
afterAll(() => app.close());

async function names(filter: CandidateFilter | null, caller: GraphQLClient = nordlys.asAdmin): Promise<string[]> {
  const { candidates } = await caller.data(CandidatesDocument, { filter, first: 100 });
  expect(candidates.totalCount).toBe(candidates.edges.length);
  return candidates.edges.map((edge) => Object.keys(ids).find((name) => ids[name] === edge.node.id)!);
}

describe('candidates', () => {
  it("should list the firm's own candidates, oldest first, and none of another firm", async () => {
    expect(await names(null)).toEqual(['soren', 'ostergard', 'asa', 'kari']);
    expect(await names(null, fjellvik.asAdmin)).toEqual(['theirs']);
  });

  it.each([
    ['without accents', 'Ostergard', ['soren', 'ostergard']],
    ['with accents', 'østergård', ['soren', 'ostergard']],
    ['in upper case with accents', 'ØSTERGÅRD', ['soren', 'ostergard']],
    ['of first and last name together', 'soren ostergard', ['soren', 'ostergard']],
    ['of a Swedish name without accents', 'ekstrom', ['asa']],
    ['of a Swedish name with accents', 'Åsa Ekström', ['asa']],
    ['of part of an email', '@fjordkraft', ['ostergard']],
    ['of part of a headline', 'helse vest', ['kari']],
    ['with surrounding spaces', '  kundchef  ', ['asa']],
    ['of a literal %', '100%', ['asa']],
    ['of a literal _', '%_n', ['asa']],
    ['that only % would match', 'k%i', []],
    ['that only _ would match', 'k_ri', []],
    ['that matches nothing', 'zlatan', []],
    ['that is empty', '', ['soren', 'ostergard', 'asa', 'kari']],
  ])('should search %s', async (_case, search, expected) => {
    expect(await names({ search })).toEqual(expected);
  });

  it('should match a tag exactly: not a part of it, and with its case', async () => {
    expect(await names({ tag: 'retail' })).toEqual(['soren', 'asa']);
    expect(await names({ tag: 'Retail' })).toEqual(['kari']);
    expect(await names({ tag: 'retai' })).toEqual([]);
    expect(await names({ tag: 'customer-success' })).toEqual(['asa']);
  });

  it('should match an external ref exactly by system and id', async () => {
    expect(await names({ externalRef: { system: 'greenhouse', externalId: 'gh-1' } })).toEqual(['soren']);
    expect(await names({ externalRef: { system: 'workday', externalId: 'gh-1' } })).toEqual(['ostergard']);
    expect(await names({ externalRef: { system: 'greenhouse', externalId: 'gh-' } })).toEqual([]);
    expect(await names({ externalRef: { system: 'lever', externalId: 'gh-1' } })).toEqual([]);
  });

  it('should combine filters with and', async () => {
    expect(await names({ search: 'ostergard', tag: 'ceo' })).toEqual(['soren']);
    expect(await names({ search: 'ostergard', tag: 'retail', externalRef: { system: 'greenhouse', externalId: 'gh-1' } })).toEqual([
      'soren',
    ]);
    expect(await names({ search: 'ostergard', tag: 'cfo', externalRef: { system: 'greenhouse', externalId: 'gh-1' } })).toEqual([]);
    const { candidates } = await nordlys.asAdmin.data(CandidatesDocument, { filter: { search: 'ostergard' } });
    const since = candidates.edges[1].node.updatedAt;
    expect(await names({ search: 'ostergard', updatedSince: since })).toEqual(['ostergard']);
    expect(await names({ tag: 'retail', updatedSince: since })).toEqual(['asa']);
  });

  it('should refuse a search over 200 characters with BAD_USER_INPUT', async () => {
    const response = await nordlys.asAdmin.request(CandidatesDocument, { filter: { search: 'x'.repeat(201) } });
    expect(response.data).toBeNull();
    expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['filter.search is longer than 200 characters.', { code: 'BAD_USER_INPUT', argumentName: 'filter' }],
    ]);
  });
});

describe('candidates with updatedSince', () => {
  let sync: TestFirm;
  let created: string[];

  beforeAll(async () => {
    sync = await createTestFirm(app, 'sync');
    created = [];
    for (const name of ['Anna', 'Berit', 'Cecilie', 'Dag', 'Eirik']) {
      const { createCandidate } = await sync.asAdmin.data(CreateCandidateDocument, { input: { firstName: name, lastName: 'Sync' } });
      created.push(createCandidate.candidate!.id);
      await pause();
    }
  });

  async function touch(id: string, location: string) {
    const { updateCandidate } = await sync.asAdmin.data(UpdateCandidateDocument, { input: { candidateId: id, location } });
    expect(updateCandidate.userErrors).toEqual([]);
    await pause();
    return updateCandidate.candidate!.updatedAt;
  }

  async function page(updatedSince: string, after?: string | null) {
    const { candidates } = await sync.asAdmin.data(CandidatesDocument, { first: 2, after, filter: { updatedSince } });
    return candidates;
  }

  it('should order by the last change and include a change exactly at updatedSince', async () => {
    const [anna, berit, cecilie, dag, eirik] = created;
    const since = await touch(berit, 'Bergen');
    await touch(anna, 'Oslo');
    const { candidates } = await sync.asAdmin.data(CandidatesDocument, { filter: { updatedSince: since } });
    expect(candidates.edges.map((edge) => edge.node.id)).toEqual([berit, anna]);
    expect(candidates.totalCount).toBe(2);
    const everything = await sync.asAdmin.data(CandidatesDocument, { filter: { updatedSince: '2000-01-01T00:00:00Z' } });
    expect(everything.candidates.edges.map((edge) => edge.node.id)).toEqual([cecilie, dag, eirik, berit, anna]);
  });

  it('should page through a sync without skipping or repeating a row while rows change between pages', async () => {
    const [anna, berit, cecilie, dag, eirik] = created;
    const since = '2000-01-01T00:00:00Z';
    const first = await page(since);
    expect(first.edges.map((edge) => edge.node.id)).toEqual([cecilie, dag]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(5);

    // A row already read changes: it comes again at the end, with its change.
    await touch(cecilie, 'Trondheim');
    const second = await page(since, first.pageInfo.endCursor);
    expect(second.edges.map((edge) => edge.node.id)).toEqual([eirik, berit]);

    // A row not read yet changes: it moves on, and is read once.
    await touch(anna, 'Tromsø');
    const third = await page(since, second.pageInfo.endCursor);
    expect(third.edges.map((edge) => edge.node.id)).toEqual([cecilie, anna]);
    expect(third.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: third.edges[0].cursor,
      endCursor: third.edges[1].cursor,
    });
    // The next sync starts at the last change it saw.
    const next = await page(third.edges[1].node.updatedAt);
    expect(next.edges.map((edge) => edge.node.id)).toEqual([anna]);
  });

  it('should page by creation time without updatedSince, whatever changed', async () => {
    const first = await sync.asAdmin.data(CandidatesDocument, { first: 3 });
    const second = await sync.asAdmin.data(CandidatesDocument, { first: 3, after: first.candidates.pageInfo.endCursor });
    expect([...first.candidates.edges, ...second.candidates.edges].map((edge) => edge.node.id)).toEqual(created);
    expect(second.candidates.pageInfo.hasNextPage).toBe(false);
  });

  it('should refuse a cursor of the creation order in the sync order, and the other way round', async () => {
    const byCreation = await sync.asAdmin.data(CandidatesDocument, { first: 1 });
    const bySync = await page('2000-01-01T00:00:00Z');
    const refusals = [
      await sync.asAdmin.request(CandidatesDocument, {
        after: byCreation.candidates.pageInfo.endCursor,
        filter: { updatedSince: '2000-01-01T00:00:00Z' },
      }),
      await sync.asAdmin.request(CandidatesDocument, { after: bySync.pageInfo.endCursor }),
      await sync.asAdmin.request(CandidatesDocument, { after: encodeCursor('apiKeys', ['2026-01-01T00:00:00.000Z', created[0]]) }),
    ];
    for (const response of refusals) {
      expect(response.data).toBeNull();
      expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
        ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
      ]);
    }
  });
});

describe('candidates access', () => {
  it.each([
    ['the admin', async () => nordlys.asAdmin],
    ['a recruiter', async () => nordlys.asRecruiter],
    ['an API key with candidates:read', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ])).client],
  ])('should let %s list candidates and read one by node', async (_case, caller) => {
    const client = await caller();
    expect(await names(null, client)).toEqual(['soren', 'ostergard', 'asa', 'kari']);
    const { node } = await client.data(CandidateNodeDocument, { id: ids.kari });
    expect(node).toEqual({ __typename: 'Candidate', id: ids.kari, firstName: 'Kari', lastName: 'Nordmann' });
  });

  it.each([
    ['a client user', async () => nordlys.asClientUser],
    ['an API key with candidates:write only', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE])).client],
    ['an API key with mandates:read', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client],
  ])('should refuse %s the list with FORBIDDEN and answer null by node', async (_case, caller) => {
    const client = await caller();
    const response = await client.request(CandidatesDocument, {});
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(JSON.parse((await client.request(CandidateNodeDocument, { id: ids.kari })).raw)).toEqual({ data: { node: null } });
  });

  it("should answer null by node for another firm's candidate", async () => {
    expect((await fjellvik.asAdmin.data(CandidateNodeDocument, { id: ids.kari })).node).toBeNull();
    expect((await nordlys.asAdmin.data(CandidateNodeDocument, { id: ids.theirs })).node).toBeNull();
  });

  it('should refuse a caller without a token with UNAUTHENTICATED', async () => {
    const response = await app.anonymous().request(CandidatesDocument, {});
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});
