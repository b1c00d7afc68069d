import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope } from '../../src/common/access';
import type { Mandate } from '../../src/modules/mandate';
import { Candidacy, CandidacyStage, moveCandidacy } from '../../src/modules/candidacy';
import type { Candidate } from '../../src/modules/candidate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { createTestMandate, insertCandidacy, insertCandidate } from '../helpers/candidate-fixtures';
import {
  CandidacyCandidateDocument,
  CandidacyDetailsDocument,
  CandidacyNodeDocument,
  CandidatesWithRelationsDocument,
  CandidateWithCandidaciesDocument,
  MandateCandidaciesDocument,
  MandatePipelineDocument,
  MoveCandidacyDocument,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;
let mandate: Mandate;
let otherMandate: Mandate;
let candidate: Candidate;
// Five candidacies of `mandate`, oldest first; the first is `candidate`'s.
let pipeline: Candidacy[];

const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

async function newCandidacy(target: Mandate, testFirm: TestFirm = nordlys, person?: Candidate): Promise<Candidacy> {
  const who = person ?? (await insertCandidate(app, testFirm, { firstName: 'Nora', lastName: 'Vik', email: 'nora@vik.example' }));
  const candidacy = await insertCandidacy(app, testFirm, target, who);
  await pause();
  return candidacy;
}

function moveAs(testFirm: TestFirm, candidacy: Candidacy, stage: CandidacyStage, reason: string | null = null) {
  return app
    .em()
    .transactional((tx) =>
      moveCandidacy(tx as EntityManager, testFirm.firm.id, testFirm.recruiter.id, { candidacyId: candidacy.id, stage, reason }),
    );
}

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
  mandate = await createTestMandate(app, nordlys, { title: 'Daglig leder, Fjordnett AS' });
  otherMandate = await createTestMandate(app, nordlys, { title: 'Salgsdirektør, Havbruk Nord' });
  candidate = await insertCandidate(app, nordlys, {
    firstName: 'Sigrid',
    lastName: 'Aas',
    email: 'sigrid@aas.example',
    externalRefs: [{ system: 'greenhouse', externalId: 's-1' }],
  });
  pipeline = [await newCandidacy(mandate, nordlys, candidate)];
  for (let index = 0; index < 4; index++) pipeline.push(await newCandidacy(mandate));
  await moveAs(nordlys, pipeline[1], CandidacyStage.SCREENING);
  await moveAs(nordlys, pipeline[3], CandidacyStage.SCREENING);
  await moveAs(nordlys, pipeline[4], CandidacyStage.REJECTED, 'No P&L experience');
  await newCandidacy(otherMandate, nordlys, candidate);
});
afterAll(() => app.close());

const readers: [string, () => Promise<GraphQLClient>][] = [
  ['the admin', async () => nordlys.asAdmin],
  ['a recruiter', async () => nordlys.asRecruiter],
  ['an API key with mandates:read', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client],
];
const nonReaders: [string, () => Promise<GraphQLClient>][] = [
  ['a client user', async () => nordlys.asClientUser],
  ['an API key with candidates:read only', async () => (await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ])).client],
  ['an API key with mandates:write only', async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE])).client],
  ["another firm's admin", async () => fjellvik.asAdmin],
];

describe('Candidacy', () => {
  it('should show stage, mandate and history with who moved it', async () => {
    const { node } = await nordlys.asAdmin.data(CandidacyDetailsDocument, { id: pipeline[4].nodeId });
    expect(node).toEqual({
      id: pipeline[4].nodeId,
      stage: 'REJECTED',
      createdAt: pipeline[4].createdAt.toISOString(),
      mandate: { id: mandate.nodeId, title: 'Daglig leder, Fjordnett AS' },
      history: [
        {
          fromStage: null,
          toStage: 'SOURCED',
          reason: null,
          createdAt: pipeline[4].createdAt.toISOString(),
          movedBy: { id: nordlys.recruiter.nodeId },
        },
        {
          fromStage: 'SOURCED',
          toStage: 'REJECTED',
          reason: 'No P&L experience',
          createdAt: expect.any(String),
          movedBy: { id: nordlys.recruiter.nodeId },
        },
      ],
    });
  });

  it('should hide who moved it from API keys, as node(id) hides users from them', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.MANDATES_READ]);
    const { node } = await client.data(CandidacyDetailsDocument, { id: pipeline[4].nodeId });
    expect(node && 'history' in node ? node.history.map((change) => change.movedBy) : undefined).toEqual([null, null]);
  });

  it.each(readers)('should let %s read a candidacy by node', async (_case, caller) => {
    const { node } = await (await caller()).data(CandidacyNodeDocument, { id: pipeline[1].nodeId });
    expect(node).toEqual({ __typename: 'Candidacy', id: pipeline[1].nodeId, stage: 'SCREENING' });
  });

  it.each(nonReaders)('should answer null by node to %s', async (_case, caller) => {
    const response = await (await caller()).request(CandidacyNodeDocument, { id: pipeline[1].nodeId });
    expect(JSON.parse(response.raw)).toEqual({ data: { node: null } });
  });
});

describe('Candidacy.candidate', () => {
  it.each([
    ['the admin', async () => nordlys.asAdmin],
    ['a recruiter', async () => nordlys.asRecruiter],
    [
      'an API key with mandates:read and candidates:read',
      async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ, ApiKeyScope.CANDIDATES_READ])).client,
    ],
  ])('should show the person to %s', async (_case, caller) => {
    const { node } = await (await caller()).data(CandidacyCandidateDocument, { id: pipeline[0].nodeId });
    expect(node).toEqual({
      id: pipeline[0].nodeId,
      candidate: { id: candidate.nodeId, firstName: 'Sigrid', email: 'sigrid@aas.example' },
    });
  });

  it('should refuse the person to an API key with mandates:read only with FORBIDDEN', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.MANDATES_READ]);
    const response = await client.request(CandidacyCandidateDocument, { id: pipeline[0].nodeId });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0].path).toEqual(['node', 'candidate']);
    expect(response.raw).not.toContain('sigrid');
  });
});

describe('Candidate.candidacies', () => {
  it("should list the candidate's candidacies in every mandate, oldest first", async () => {
    const { node } = await nordlys.asRecruiter.data(CandidateWithCandidaciesDocument, { id: candidate.nodeId });
    expect(node).toEqual({
      id: candidate.nodeId,
      candidacies: [
        { id: pipeline[0].nodeId, stage: 'SOURCED', mandate: { id: mandate.nodeId, title: 'Daglig leder, Fjordnett AS' } },
        { id: expect.any(String), stage: 'SOURCED', mandate: { id: otherMandate.nodeId, title: 'Salgsdirektør, Havbruk Nord' } },
      ],
    });
  });

  it('should let an API key with candidates:read and mandates:read see them', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ, ApiKeyScope.MANDATES_READ]);
    const { node } = await client.data(CandidateWithCandidaciesDocument, { id: candidate.nodeId });
    expect(node && 'candidacies' in node ? node.candidacies.length : undefined).toBe(2);
  });

  it('should refuse them to an API key with candidates:read only with FORBIDDEN', async () => {
    const { client } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ]);
    const response = await client.request(CandidateWithCandidaciesDocument, { id: candidate.nodeId });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.errors![0].path).toEqual(['node', 'candidacies']);
  });
});

describe('Mandate.candidacies', () => {
  const idsOf = (edges: { node: { id: string } }[]) => edges.map((edge) => edge.node.id);

  async function candidaciesOf(
    caller: GraphQLClient,
    variables: { first?: number; after?: string | null; stage?: CandidacyStage; stages?: CandidacyStage[] },
  ) {
    const { node } = await caller.data(MandateCandidaciesDocument, { id: mandate.nodeId, ...variables });
    if (!node || !('candidacies' in node)) throw new Error('expected a mandate');
    return node.candidacies;
  }

  it('should page through the pipeline, oldest first, with exact pageInfo, leaving out the exits by default', async () => {
    const first = await candidaciesOf(nordlys.asRecruiter, { first: 2 });
    // pipeline[4] is REJECTED.
    expect(first.totalCount).toBe(4);
    expect(idsOf(first.edges)).toEqual([pipeline[0].nodeId, pipeline[1].nodeId]);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });
    const second = await candidaciesOf(nordlys.asRecruiter, { first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(second.edges)).toEqual([pipeline[2].nodeId, pipeline[3].nodeId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('should keep exactly the stages asked for, exits included when named', async () => {
    const every = await candidaciesOf(nordlys.asRecruiter, { stages: Object.values(CandidacyStage) });
    expect(every.totalCount).toBe(5);
    expect(idsOf(every.edges)).toEqual(pipeline.map((candidacy) => candidacy.nodeId));
    const exits = await candidaciesOf(nordlys.asRecruiter, { stages: [CandidacyStage.REJECTED, CandidacyStage.WITHDRAWN] });
    expect(idsOf(exits.edges)).toEqual([pipeline[4].nodeId]);
    const empty = await nordlys.asRecruiter.request(MandateCandidaciesDocument, { id: mandate.nodeId, stages: [] });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
  });

  it('should filter by stage', async () => {
    const screening = await candidaciesOf(nordlys.asAdmin, { stage: CandidacyStage.SCREENING });
    expect(idsOf(screening.edges)).toEqual([pipeline[1].nodeId, pipeline[3].nodeId]);
    expect(screening.totalCount).toBe(2);
    const rejected = await candidaciesOf(nordlys.asAdmin, { stage: CandidacyStage.REJECTED });
    expect(screening.edges.map((edge) => edge.node.stage)).toEqual(['SCREENING', 'SCREENING']);
    expect(idsOf(rejected.edges)).toEqual([pipeline[4].nodeId]);
    expect((await candidaciesOf(nordlys.asAdmin, { stage: CandidacyStage.PLACED })).totalCount).toBe(0);
  });

  it('should show a move at once in the stage filter', async () => {
    const fresh = await newCandidacy(otherMandate);
    await nordlys.asRecruiter.data(MoveCandidacyDocument, { input: { candidacyId: fresh.nodeId, stage: 'SCREENING' } });
    const { node } = await nordlys.asRecruiter.data(MandateCandidaciesDocument, { id: otherMandate.nodeId, stage: 'SCREENING' });
    expect(node && 'candidacies' in node ? idsOf(node.candidacies.edges) : undefined).toEqual([fresh.nodeId]);
  });

  it('should refuse first over 100 with BAD_USER_INPUT', async () => {
    const response = await nordlys.asAdmin.request(MandateCandidaciesDocument, { id: mandate.nodeId, first: 101 });
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it.each(readers)('should let %s read the pipeline', async (_case, caller) => {
    expect((await candidaciesOf(await caller(), {})).totalCount).toBe(4);
  });

  it.each(nonReaders)('should show no mandate to %s', async (_case, caller) => {
    const response = await (await caller()).request(MandateCandidaciesDocument, { id: mandate.nodeId });
    expect(JSON.parse(response.raw)).toEqual({ data: { node: null } });
  });
});

describe('SQL statements', () => {
  it('should read a pipeline of 50 with candidates, refs, history and movers in as many statements as one of 5', async () => {
    const small = await createTestMandate(app, nordlys);
    const large = await createTestMandate(app, nordlys);
    for (const [target, size] of [
      [small, 5],
      [large, 50],
    ] as const) {
      for (let index = 0; index < size; index++) {
        const person = await insertCandidate(app, nordlys, {
          firstName: `Person ${index}`,
          lastName: 'Pipeline',
          externalRefs: [{ system: 'greenhouse', externalId: `${target.id}-${index}` }],
        });
        const candidacy = await insertCandidacy(app, nordlys, target, person);
        await moveAs(nordlys, candidacy, CandidacyStage.SCREENING, 'Screened');
      }
    }
    const read = async (target: Mandate, size: number) => {
      const { node } = await nordlys.asAdmin.data(MandatePipelineDocument, { id: target.nodeId, first: 50 });
      if (!node || !('candidacies' in node)) throw new Error('expected a mandate');
      expect(node.candidacies.totalCount).toBe(size);
      expect(node.candidacies.nodes).toHaveLength(size);
      for (const candidacy of node.candidacies.nodes) {
        expect(candidacy.candidate.externalRefs).toHaveLength(1);
        expect(candidacy.history.map((change) => [change.toStage, change.movedBy?.id])).toEqual([
          ['SOURCED', nordlys.recruiter.nodeId],
          ['SCREENING', nordlys.recruiter.nodeId],
        ]);
      }
    };
    const forFive = await app.countStatements(() => read(small, 5));
    const forFifty = await app.countStatements(() => read(large, 50));
    expect(forFive).toBeGreaterThan(0);
    expect(forFifty).toBe(forFive);
  });

  it('should list 20 candidates with refs and candidacies in as many statements as 2', async () => {
    for (const [tag, size] of [
      ['few', 2],
      ['many', 20],
    ] as const) {
      const target = await createTestMandate(app, nordlys);
      for (let index = 0; index < size; index++) {
        const person = await insertCandidate(app, nordlys, {
          firstName: `Tagged ${index}`,
          lastName: tag,
          tags: [tag],
          externalRefs: [{ system: 'lever', externalId: `${tag}-${index}` }],
        });
        await insertCandidacy(app, nordlys, target, person);
      }
    }
    const read = async (tag: string, size: number) => {
      const { candidates } = await nordlys.asAdmin.data(CandidatesWithRelationsDocument, { first: 50, filter: { tag } });
      expect(candidates.nodes).toHaveLength(size);
      for (const person of candidates.nodes) {
        expect(person.externalRefs).toHaveLength(1);
        expect(person.candidacies.map((candidacy) => [candidacy.stage, candidacy.history.length])).toEqual([['SOURCED', 1]]);
      }
    };
    const forTwo = await app.countStatements(() => read('few', 2));
    const forTwenty = await app.countStatements(() => read('many', 20));
    expect(forTwenty).toBe(forTwo);
  });
});
