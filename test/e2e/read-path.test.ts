import pg from 'pg';
import { parse, type GraphQLObjectType } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fromGlobalId, toGlobalId } from '../../src/common/global-id';
import { Candidate } from '../../src/modules/candidate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { Rating, Scorecard, ScorecardRevision } from '../../src/modules/interview';
import { readRows, rowsByKey } from '../../src/common/rows';
import { selectionOf, type Selection } from '../../src/common/selection';
import { paginateRows } from '../../src/common/connection';
import { hashToken } from '../../src/common/token';
import { features } from '../../src/server/features';
import { buildAppSchema } from '../../src/server/schema';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { firmTableSizes, firmWideScans } from '../helpers/plans';
import { generateFirm, type GeneratedFirm } from '../bench/generate-firm';
import { CANDIDATES_WITH_REFS, NESTED } from '../bench/operations';
import { CANDIDATES_WITH_REFS_SQL, NESTED_SQL } from '../bench/limit-queries';

// The cost of a page must follow the page, not the firm: no statement of a page read may walk a
// whole firm's table (what MikroORM's autoJoinRefsForFilters did: the candidacy page joined all
// of the firm's candidates to check their firm_id). Checked on the plans PostgreSQL really ran
// (EXPLAIN ANALYZE of every SELECT the server sent), on a firm of a few thousand candidates.

let app: TestApp;
let firm: GeneratedFirm;
let firmRows: Map<string, number>;

// The tables that grow with the firm; a page may read a few of their rows, never most of them.
const FIRM_SIZED = ['candidate', 'candidate_external_ref', 'candidacy', 'interview', 'scorecard', 'scorecard_revision', 'rating'];

beforeAll(async () => {
  app = await startTestApp();
  firm = await generateFirm(app.em(), app.orm.config.get('clientUrl')!, {
    seed: 11,
    candidates: 4000,
    mandateSizes: [300, 120, 600],
    recruiters: 6,
    clients: 3,
  });
  firmRows = await firmTableSizes(app, firm.firmId, FIRM_SIZED);
}, 120_000);
afterAll(() => app.close());

// The named fields of a row or entity, as a field resolver reads them (a plain row's timestamps
// are accessors, which a spread would leave out).
function valuesOf(row: object, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, (row as Record<string, unknown>)[field]]));
}

// The names a loader's statement selects its columns as (`t."revision_id" as "revision"`), in
// order; a column of the row along as `j.` and its own name (`j."summary" as "j1"`: j.summary).
function selectedColumns(sql: string): string[] {
  const list = /^select (.*?) from "/.exec(sql)![1];
  return [...list.matchAll(/(\w+)\."(\w+)" as "(\w+)"/g)].map(([, alias, column, name]) => (alias === 'j' ? `j.${column}` : name));
}

const localId = (globalId: string) => fromGlobalId(globalId)!.id;
// Milliseconds since the epoch (PostgreSQL's extract, as text) as the DateTime scalar writes them.
const isoOf = (milliseconds: string) => new Date(Math.round(Number(milliseconds))).toISOString();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench's operations are plain strings
const document = (query: string) => parse(query) as TypedDocumentNode<any, Record<string, unknown>>;

describe('the shape of a page read', () => {
  it('should read the nested pipeline page without scanning any firm-wide table', async () => {
    const api = app.client(firm.apiKeySecret);
    let data: { node: { candidacies: { edges: { node: { interviews: { scorecards: { ratings: unknown[] }[] }[] } }[] } } } | null = null;
    const statements = await app.recordStatements(async () => {
      data = await api.data(document(NESTED), { id: toGlobalId('Mandate', firm.mandateIds[0]), first: 50 });
    });
    // The page really went all the way down, so every statement had rows to find.
    const candidacies = data!.node.candidacies.edges;
    expect(candidacies).toHaveLength(50);
    const ratings = candidacies.flatMap((edge) =>
      edge.node.interviews.flatMap((interview) => interview.scorecards.flatMap((scorecard) => scorecard.ratings)),
    );
    expect(ratings.length).toBeGreaterThan(100);
    // The reads: API key, mandate, the page, candidates, interviews, scorecards with their latest
    // revisions (one statement: rowsByKey's `along`), ratings. (A key's first use also writes its lastUsedAt.)
    const selects = statements.filter((statement) => /^\s*select\b/i.test(statement.sql));
    expect(selects.map((statement) => /from "(\w+)"/.exec(statement.sql)?.[1])).toEqual([
      'api_key',
      'mandate',
      'candidacy',
      'candidate',
      'interview',
      'scorecard',
      'rating',
    ]);
    // Every read but the page is sent prepared (src/config/direct-reads.ts): firmWideScans checks
    // their generic plans too.
    expect(selects.map((statement) => statement.prepared)).toEqual([true, true, false, true, true, true, true]);
    // The loaders leave out the columns only fields the query does not ask for show (rowsByKey's
    // `optional`): of a rating, its id, evidence and timestamps; of an interview, all but its keys,
    // kind, time and status; of a scorecard, its submission time, version and timestamps, and of
    // its latest revision along all but the recommendation; of a candidate, all but the names,
    // headline, location, languages and the record it was merged into.
    expect(selectedColumns(selects[3].sql)).toEqual(['id', 'firstName', 'lastName', 'headline', 'location', 'languages', 'mergedIntoId']);
    expect(selectedColumns(selects[4].sql)).toEqual(['id', 'candidacy', 'kind', 'scheduledAt', 'status']);
    expect(selectedColumns(selects[5].sql)).toEqual([
      'id',
      'interview',
      'interviewer',
      'latestRevision',
      'status',
      'focusCompetencyKeys',
      'j.id',
      'j.recommendation',
    ]);
    expect(selectedColumns(selects[6].sql)).toEqual(['revision', 'competencyKey', 'score']);
    expect(await firmWideScans(app, statements, firmRows)).toEqual([]);
  });

  it('should read the optional columns a query asks for, with the values stored', async () => {
    const api = app.client(firm.apiKeySecret);
    const query = `query Optional($id: ID!) {
      node(id: $id) {
        ... on Mandate {
          candidacies(first: 30) {
            nodes {
              interviews {
                id location durationMinutes createdAt
                candidacy { candidate { id email createdAt } }
                ...Panel
              }
            }
          }
        }
      }
    }
    fragment Panel on Interview { scorecards { id submittedAt version summary ratings { competencyKey evidence updatedAt } } }`;
    let data: {
      node: {
        candidacies: {
          nodes: {
            interviews: {
              id: string;
              location: string | null;
              durationMinutes: number;
              createdAt: string;
              candidacy: { candidate: { id: string; email: string | null; createdAt: string } };
              scorecards: {
                id: string;
                submittedAt: string | null;
                version: number;
                summary: string | null;
                ratings: { competencyKey: string; evidence: string | null; updatedAt: string }[];
              }[];
            }[];
          }[];
        };
      };
    } | null = null;
    const statements = await app.recordStatements(async () => {
      data = await api.data(document(query), { id: toGlobalId('Mandate', firm.mandateIds[0]) });
    });
    const selects = statements.filter((statement) => /^\s*select\b/i.test(statement.sql));
    const columnsOf = (table: string) =>
      selectedColumns(selects.find((statement) => /from "(\w+)"/.exec(statement.sql)?.[1] === table)!.sql);
    expect(columnsOf('interview')).toEqual([
      'id',
      'candidacy',
      'kind',
      'scheduledAt',
      'status',
      'durationMinutes',
      'location',
      'createdAt',
    ]);
    expect(columnsOf('rating')).toEqual(['revision', 'competencyKey', 'score', 'evidence', 'updatedAt']);
    expect(columnsOf('scorecard')).toEqual([
      'id',
      'interview',
      'interviewer',
      'latestRevision',
      'status',
      'submittedAt',
      'version',
      'focusCompetencyKeys',
      'j.id',
      'j.recommendation',
      'j.summary',
    ]);
    expect(columnsOf('candidate')).toEqual([
      'id',
      'firstName',
      'lastName',
      'email',
      'headline',
      'location',
      'languages',
      'mergedIntoId',
      'createdAt',
    ]);
    const interviews = data!.node.candidacies.nodes.flatMap((candidacy) => candidacy.interviews);
    const scorecards = interviews.flatMap((interview) => interview.scorecards);
    expect(scorecards.length).toBeGreaterThan(10);
    // The same values as stored.
    const stored = await app.orm.em
      .getConnection()
      .execute<{ id: string; location: string | null; duration_minutes: number; created_at: string }[]>(
        `select id, location, duration_minutes, extract(epoch from created_at) * 1000 as created_at from interview where id = any(?::uuid[]) order by id`,
        [`{${interviews.map((interview) => localId(interview.id)).join(',')}}`],
      );
    expect(
      interviews
        .map((interview) => ({
          id: localId(interview.id),
          location: interview.location,
          durationMinutes: interview.durationMinutes,
          createdAt: interview.createdAt,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    ).toEqual(
      stored.map((row) => ({
        id: row.id,
        location: row.location,
        durationMinutes: row.duration_minutes,
        createdAt: isoOf(row.created_at),
      })),
    );
    const storedScorecards = await app.orm.em
      .getConnection()
      .execute<{ id: string; submitted_at: string | null; version: number; summary: string | null }[]>(
        `select s.id, extract(epoch from s.submitted_at) * 1000 as submitted_at, s.version, r.summary
           from scorecard s left join scorecard_revision r on r.id = s.latest_revision_id
          where s.id = any(?::uuid[]) order by s.id`,
        [`{${scorecards.map((scorecard) => localId(scorecard.id)).join(',')}}`],
      );
    expect(
      scorecards
        .map((scorecard) => ({
          id: localId(scorecard.id),
          submittedAt: scorecard.submittedAt,
          version: scorecard.version,
          summary: scorecard.summary,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    ).toEqual(
      storedScorecards.map((row) => ({
        id: row.id,
        submittedAt: row.submitted_at === null ? null : isoOf(row.submitted_at),
        version: row.version,
        summary: row.summary,
      })),
    );
    const storedRatings = await app.orm.em
      .getConnection()
      .execute<{ scorecard_id: string; competency_key: string; evidence: string | null; updated_at: string }[]>(
        `select s.id as scorecard_id, r.competency_key, r.evidence, extract(epoch from r.updated_at) * 1000 as updated_at
         from scorecard s join rating r on r.revision_id = s.latest_revision_id
        where s.id = any(?::uuid[]) order by s.id, r.created_at, r.id`,
        [`{${scorecards.map((scorecard) => localId(scorecard.id)).join(',')}}`],
      );
    expect(
      [...scorecards]
        .sort((a, b) => (localId(a.id) < localId(b.id) ? -1 : 1))
        .flatMap((scorecard) => scorecard.ratings.map((rating) => ({ scorecard: localId(scorecard.id), ...rating }))),
    ).toEqual(
      storedRatings.map((row) => ({
        scorecard: row.scorecard_id,
        competencyKey: row.competency_key,
        evidence: row.evidence,
        updatedAt: isoOf(row.updated_at),
      })),
    );
    expect(storedRatings.filter((row) => row.evidence !== null).length).toBeGreaterThan(10);
    expect(storedScorecards.filter((row) => row.summary !== null).length).toBeGreaterThan(10);
    const candidates = interviews.map((interview) => interview.candidacy.candidate);
    const storedCandidates = await app.orm.em
      .getConnection()
      .execute<{ id: string; email: string | null; created_at: string }[]>(
        `select id, email, extract(epoch from created_at) * 1000 as created_at from candidate where id = any(?::uuid[])`,
        [`{${candidates.map((candidate) => localId(candidate.id)).join(',')}}`],
      );
    const storedById = new Map(storedCandidates.map((row) => [row.id, { email: row.email, createdAt: isoOf(row.created_at) }]));
    expect(candidates.map((candidate) => ({ email: candidate.email, createdAt: candidate.createdAt }))).toEqual(
      candidates.map((candidate) => storedById.get(localId(candidate.id))),
    );
    expect(candidates.filter((candidate) => candidate.email !== null).length).toBeGreaterThan(5);
  });

  it('should read a page of candidates with their external refs without scanning any firm-wide table', async () => {
    const api = app.client(firm.apiKeySecret);
    let data: { candidates: { edges: { node: { externalRefs: unknown[] } }[] } } | null = null;
    const statements = await app.recordStatements(async () => {
      data = await api.data(document(CANDIDATES_WITH_REFS), { first: 50 });
    });
    const edges = data!.candidates.edges;
    expect(edges).toHaveLength(50);
    expect(edges.flatMap((edge) => edge.node.externalRefs).length).toBeGreaterThanOrEqual(50);
    expect(await firmWideScans(app, statements, firmRows)).toEqual([]);
    // The page reads the columns the query names, the ones always kept and the cursor's keys; not
    // phone, consent, retention, erasure, version, merge date or updatedAt (readRows' optional).
    const page = statements.find((statement) => /from "candidate"/.test(statement.sql))!;
    expect(pageColumns(page.sql)).toEqual([
      'id',
      'first_name',
      'last_name',
      'email',
      'headline',
      'location',
      'languages',
      'tags',
      'merged_into_id',
      'created_at',
    ]);
  });
});

// The columns of a page's statement (the query builder's `select "c0"."id", … from`), in order.
function pageColumns(sql: string): string[] {
  const list = /^select (.*?) from "/.exec(sql)![1];
  return [...list.matchAll(/"\w+"\."(\w+)"/g)].map(([, column]) => column);
}

describe('the tenant filter', () => {
  it('should refuse a query made without a firm instead of reading across firms', async () => {
    const em = app.orm.em.fork() as EntityManager;
    await expect(em.find(Candidate, {}, { limit: 1 })).rejects.toThrow("No arguments provided for filter 'tenant'");
  });

  it('should refuse a plain-row read made without a firm', async () => {
    const em = app.orm.em.fork() as EntityManager;
    await expect(readRows(em, Candidate, ['firstName'], { where: {}, limit: 1 })).rejects.toThrow(
      "No arguments provided for filter 'tenant'",
    );
    const byId = rowsByKey<Candidate, unknown>(Candidate, ['firstName'], 'id');
    await expect(byId(em, [firm.firmId])).rejects.toThrow("No arguments provided for filter 'tenant'");
  });

  it('should scope a plain-row read to the firm it is given', async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: '00000000-0000-4000-8000-000000000000' });
    expect(await readRows(em, Candidate, ['firstName'], { where: {} })).toEqual([]);
    em.setFilterParams('tenant', { firmId: firm.firmId });
    expect(await readRows(em, Candidate, ['firstName'], { where: {} })).toHaveLength(firmRows.get('candidate')!);
  });

  it('should scope a query to the firm it is given', async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    expect(await em.count(Candidate, {})).toBe(firmRows.get('candidate'));
    em.setFilterParams('tenant', { firmId: '00000000-0000-4000-8000-000000000000' });
    expect(await em.count(Candidate, {})).toBe(0);
  });
});

// The plain-row read path must answer exactly what the entities did; the bench's hand-written
// limit statements (built independently, in SQL) are the reference.
describe('the plain-row read path', () => {
  async function limitAnswer(sql: string, params: unknown[]): Promise<unknown> {
    const client = new pg.Client({ connectionString: app.orm.config.get('clientUrl') });
    await client.connect();
    try {
      const { rows } = await client.query<{ body: string }>(sql, [hashToken(firm.apiKeySecret), ...params]);
      return JSON.parse(rows[0].body);
    } finally {
      await client.end();
    }
  }

  it('should answer the nested pipeline read as the single hand-written statement does', async () => {
    const id = toGlobalId('Mandate', firm.mandateIds[1]);
    const ours = await app.client(firm.apiKeySecret).request(document(NESTED), { id, first: 50 });
    expect(ours.errors).toBeUndefined();
    expect({ data: ours.data }).toEqual(await limitAnswer(NESTED_SQL, [firm.mandateIds[1], 50]));
  });

  it('should answer candidates with their external refs as the single hand-written statement does', async () => {
    const ours = await app.client(firm.apiKeySecret).request(document(CANDIDATES_WITH_REFS), { first: 50 });
    expect(ours.errors).toBeUndefined();
    expect({ data: ours.data }).toEqual(await limitAnswer(CANDIDATES_WITH_REFS_SQL, [50]));
  });

  it('should read the same values into plain rows as into entities', async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const [first, second] = await em.find(Candidate, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 2 });
    // Every kind of column the Candidate type shows: dates, a date-only, arrays, nulls, an enum.
    await app
      .em()
      .getConnection()
      .execute(`update candidate set retain_until = '2031-03-04', consent_withdrawn_at = now(), phone = null where id = ?`, [first.id]);
    em.clear();
    const fields = [
      'firstName',
      'email',
      'phone',
      'languages',
      'tags',
      'consentStatus',
      'consentGivenAt',
      'consentWithdrawnAt',
      'retainUntil',
      'erasedAt',
      'createdAt',
    ] as const;
    const read = rowsByKey<Candidate, Record<string, unknown>>(Candidate, fields, 'id');
    const rows = await read(em, [second.id, first.id]);
    const entities = await em.find(Candidate, { id: { $in: [first.id, second.id] } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const entity = entities.find((candidate) => candidate.id === row.id)!;
      expect(valuesOf(row, ['id', ...fields])).toEqual(valuesOf(entity, ['id', ...fields]));
      expect(row.nodeId).toBe(entity.nodeId);
      expect(row.constructor.name).toBe('Candidate');
    }
    expect(rows.find((row) => row.id === first.id)!.retainUntil).toBe('2031-03-04');
  });

  it('should read the same values for node(id) as plain rows as the entities have, for every type it reads so', async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const schema = await buildAppSchema();
    const sources = features.flatMap((feature) => feature.nodeSources).filter((source) => source.rowsById);
    expect(sources.map((source) => source.typeName).sort()).toEqual(['Candidacy', 'Interview', 'Mandate']);
    for (const source of sources) {
      const meta = em.getMetadata().get(source.entity.name);
      const entities = (await em.find(source.entity, {}, { orderBy: { id: 'asc' } as never, limit: 3 })) as ({ id: string } & object)[];
      expect(entities).toHaveLength(3);
      const rows = await source.rowsById!(em, [entities[2].id, entities[0].id, entities[1].id, '00000000-0000-4000-8000-000000000000']);
      expect(rows.map((row) => row.id).sort()).toEqual(entities.map((entity) => entity.id));
      // Every field of the GraphQL type the entity has as a property (a many-to-one by its id),
      // and every property of the row: what the type's field resolvers read.
      const shown = Object.keys((schema.getType(source.typeName) as GraphQLObjectType).getFields()).filter(
        (field) => field !== 'id' && field in meta.properties,
      );
      for (const row of rows) {
        const entity = entities.find((each) => each.id === row.id)!;
        const fields = [...new Set([...shown, ...Object.keys(row), ...Object.keys(Object.getPrototypeOf(row) as object)])];
        expect(fields.length).toBeGreaterThan(3);
        const refsAsIds = (values: Record<string, unknown>) =>
          Object.fromEntries(
            Object.entries(values).map(([field, value]) => [
              field,
              value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
                ? (value as { id: unknown }).id
                : value,
            ]),
          );
        expect(refsAsIds(valuesOf(row, fields))).toEqual(refsAsIds(valuesOf(entity, fields)));
        expect((row as { nodeId?: string }).nodeId).toBe(toGlobalId(source.typeName, entity.id));
        expect(row.constructor.name).toBe(source.typeName);
      }
    }
  });

  it("should write a page's statement once per shape of its query and then bind only the query's values", async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const building = jest.spyOn(em, 'createQueryBuilder');
    // A shape no other test reads (its columns), so the first read here is the first of it.
    const fields = ['stage', 'mandate', 'createdAt'] as const;
    const stages = [CandidacyStage.SOURCED, CandidacyStage.SCREENING, CandidacyStage.INTERVIEWING, CandidacyStage.OFFER];
    const pageOf = (mandateId: string, after: { createdAt: Date; id: string } | null) => {
      const where = {
        $and: [
          { mandate: mandateId, stage: { $in: stages } },
          ...(after ? [{ $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] }] : []),
        ],
      };
      return { where, orderBy: { createdAt: 'asc', id: 'asc' } as const, limit: 7 };
    };
    const expected = async (query: ReturnType<typeof pageOf>) =>
      (await em.find(Candidacy, query.where, { orderBy: query.orderBy, limit: query.limit })).map((entity) => ({
        id: entity.id,
        stage: entity.stage,
        mandate: entity.mandate.id,
        createdAt: entity.createdAt,
      }));
    const read = async (query: ReturnType<typeof pageOf>) =>
      (
        await readRows<Candidacy, { id: string; stage: string; mandate: { id: string }; createdAt: Date }>(em, Candidacy, fields, query)
      ).map((row) => ({ id: row.id, stage: row.stage, mandate: row.mandate.id, createdAt: row.createdAt }));

    const first = pageOf(firm.mandateIds[0], null);
    const firstRows = await read(first);
    // The first read of a shape builds it twice: with its values, and with markers in their places.
    expect(building).toHaveBeenCalledTimes(2);
    expect(firstRows).toHaveLength(7);
    expect(firstRows).toEqual(await expected(first));
    building.mockClear();

    // The same shape for another mandate, and the shape after a cursor for two mandates: the same
    // answers as em.find.
    const last = firstRows[6];
    const queries = [pageOf(firm.mandateIds[2], null), pageOf(firm.mandateIds[0], last), pageOf(firm.mandateIds[1], last)];
    const statements: string[] = [];
    for (const query of queries) {
      const recorded = await app.recordStatements(async () => expect(await read(query)).toEqual(await expected(query)));
      statements.push(recorded[0].sql);
    }
    // Only the first read after a cursor built its shape (twice); the other two built nothing.
    expect(building).toHaveBeenCalledTimes(2);
    expect((await read(queries[1]))[0].id).not.toBe(firstRows[0].id);
    // Without a cursor and with one are two shapes, each written once.
    expect(new Set(statements).size).toBe(2);

    // The firm is bound per read, from the tenant filter: another firm's reads find none, a read without one fails.
    em.setFilterParams('tenant', { firmId: '00000000-0000-4000-8000-000000000000' });
    expect(await read(first)).toEqual([]);
    const withoutFirm = app.orm.em.fork() as EntityManager;
    await expect(readRows(withoutFirm, Candidacy, fields, first)).rejects.toThrow("No arguments provided for filter 'tenant'");
  });

  it("should read inside the entity manager's transaction, on its connection, and only there", async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const read = rowsByKey<Candidate, { firstName: string }>(Candidate, ['firstName'], 'id');
    const [candidate] = await em.find(Candidate, {}, { orderBy: { id: 'asc' }, limit: 1 });
    const rolledBack = new Error('rolled back on purpose');
    const inside: string[] = [];
    await expect(
      em.transactional(async (transaction) => {
        await transaction.execute(`update candidate set first_name = 'Changed in the transaction' where id = ?`, [candidate.id], 'run');
        inside.push((await read(transaction as EntityManager, [candidate.id]))[0].firstName);
        // Outside the transaction (another pooled connection) the change is not there yet.
        inside.push((await read(em, [candidate.id]))[0].firstName);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(inside).toEqual(['Changed in the transaction', candidate.firstName]);
    expect((await read(em, [candidate.id]))[0].firstName).toBe(candidate.firstName);
  });

  it('should leave out only the optional columns no field of the query names, and refuse to read one left out', async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const [revision] = await em
      .getConnection()
      .execute<{ id: string }[]>(`select revision_id as id from rating where firm_id = ? and evidence is not null limit 1`, [firm.firmId]);
    type Loaded = Record<string, unknown>;
    const ratings = rowsByKey<Rating, Loaded>(
      Rating,
      ['revision', 'competencyKey', 'score', 'evidence'],
      'revision',
      ['createdAt', 'id'],
      undefined,
      ['evidence'],
    );
    const selection = selectionOf(await buildAppSchema(), parse('{ node(id: "x") { ... on Scorecard { ratings { competencyKey } } } }'));
    const statements = await app.recordStatements(async () => {
      const [all, slim] = [await ratings(em, [revision.id]), await ratings(em, [revision.id], selection)];
      expect(slim.map((row) => valuesOf(row, ['competencyKey', 'score']))).toEqual(
        all.map((row) => valuesOf(row, ['competencyKey', 'score'])),
      );
      expect(all.some((row) => typeof row.evidence === 'string')).toBe(true);
      expect(() => slim[0].evidence).toThrow('Rating.evidence was not read: no field of the query asks for it');
      // A query that names the field reads the column.
      const asked = selectionOf(await buildAppSchema(), parse('{ node(id: "x") { ... on Scorecard { ratings { evidence } } } }'));
      expect((await ratings(em, [revision.id], asked)).map((row) => row.evidence)).toEqual(all.map((row) => row.evidence));
    });
    expect(statements.map((statement) => selectedColumns(statement.sql))).toEqual([
      ['id', 'revision', 'competencyKey', 'score', 'evidence'],
      ['id', 'revision', 'competencyKey', 'score'],
      ['id', 'revision', 'competencyKey', 'score', 'evidence'],
    ]);
  });

  it("should leave out of a page the optional columns no field of the query names, and keep its order's keys", async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const schema = await buildAppSchema();
    const page = (selected?: Selection) =>
      paginateRows<Candidate, Record<string, unknown>>(em, Candidate, { mergedAt: null }, ['firstName', 'email', 'version', 'createdAt'], {
        list: 'test',
        keys: ['createdAt', 'id'],
        first: 5,
        optional: ['email', 'version', 'createdAt'],
        selected,
      });
    const fields = ['id', 'firstName', 'email', 'version', 'createdAt'];
    const statements = await app.recordStatements(async () => {
      const all = await page();
      const slim = await page(selectionOf(schema, parse('{ candidates { nodes { firstName } } }')));
      const asked = await page(selectionOf(schema, parse('{ candidates { nodes { email version } } }')));
      expect(all.nodes.every((row) => typeof row.email === 'string')).toBe(true);
      expect(slim.edges.map((edge) => edge.cursor)).toEqual(all.edges.map((edge) => edge.cursor));
      expect(slim.nodes.map((row) => valuesOf(row, ['id', 'firstName', 'createdAt']))).toEqual(
        all.nodes.map((row) => valuesOf(row, ['id', 'firstName', 'createdAt'])),
      );
      expect(() => slim.nodes[0].email).toThrow('Candidate.email was not read: no field of the query asks for it');
      expect(asked.nodes.map((row) => valuesOf(row, fields))).toEqual(all.nodes.map((row) => valuesOf(row, fields)));
    });
    // createdAt, optional here, is a key of the page's order (its cursor): always read.
    expect(statements.map((statement) => pageColumns(statement.sql))).toEqual([
      ['id', 'first_name', 'email', 'version', 'created_at'],
      ['id', 'first_name', 'created_at'],
      ['id', 'first_name', 'email', 'version', 'created_at'],
    ]);
  });

  it('should find the fields a document names by type, through fragments and abstract types', async () => {
    const selection = selectionOf(
      await buildAppSchema(),
      parse(`query { node(id: "x") { id ... on Interview { location ...Cards } } }
             fragment Cards on Interview { scorecards { s: status ratings { score } } }`),
    );
    expect([...selection.get('Interview')!].sort()).toEqual(['id', 'location', 'scorecards']);
    expect([...selection.get('Scorecard')!].sort()).toEqual(['id', 'ratings', 'status']);
    expect([...selection.get('Rating')!]).toEqual(['score']);
    // `id` asked on Node counts for every type that implements it.
    expect(selection.get('Candidate')).toEqual(new Set(['id']));
  });

  it("should bring each scorecard's latest revision along as the revision read on its own", async () => {
    const em = app.orm.em.fork() as EntityManager;
    em.setFilterParams('tenant', { firmId: firm.firmId });
    const interviews = await em
      .getConnection()
      .execute<{ id: string }[]>(`select id from interview where firm_id = ? order by id limit 20`, [firm.firmId]);
    const revisionFields = ['scorecard', 'author', 'number', 'recommendation', 'summary', 'reason', 'createdAt', 'updatedAt'] as const;
    const scorecardFields = ['interview', 'latestRevision', 'status', 'submittedAt', 'createdAt'] as const;
    type Loaded = Record<string, unknown> & { id: string; latestRevision: ({ id: string } & Record<string, unknown>) | null };
    const withRevisions = rowsByKey<Scorecard, Loaded, ScorecardRevision>(Scorecard, scorecardFields, 'interview', ['createdAt', 'id'], {
      ref: 'latestRevision',
      entity: ScorecardRevision,
      fields: revisionFields,
    });
    const alone = rowsByKey<Scorecard, Loaded>(Scorecard, scorecardFields, 'interview', ['createdAt', 'id']);
    const revisionsById = rowsByKey<ScorecardRevision, Record<string, unknown> & { id: string }>(ScorecardRevision, revisionFields, 'id');
    const ids = interviews.map((interview) => interview.id);
    const [joined, plain] = [await withRevisions(em, ids), await alone(em, ids)];
    expect(joined.filter((row) => row.latestRevision !== null).length).toBeGreaterThan(0);
    const revisions = await revisionsById(
      em,
      plain.flatMap((row) => (row.latestRevision ? [row.latestRevision.id] : [])),
    );
    // The scorecard's own columns are the same, and its latest revision is the revision's own row.
    const ownFields = ['id', ...scorecardFields.filter((field) => field !== 'latestRevision')];
    expect(
      joined.map((row) => ({ ...valuesOf(row, ownFields), latestRevision: row.latestRevision && { id: row.latestRevision.id } })),
    ).toEqual(plain.map((row) => ({ ...valuesOf(row, ownFields), latestRevision: row.latestRevision })));
    for (const row of joined) {
      if (!row.latestRevision) continue;
      const revision = revisions.find((candidate) => candidate.id === row.latestRevision!.id)!;
      expect(valuesOf(row.latestRevision, ['id', ...revisionFields])).toEqual(valuesOf(revision, ['id', ...revisionFields]));
      expect(row.latestRevision.constructor.name).toBe('ScorecardRevision');
      expect(row.latestRevision.nodeId).toBe(toGlobalId('ScorecardRevision', revision.id));
    }
  });
});
