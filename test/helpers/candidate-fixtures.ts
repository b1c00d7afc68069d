import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from '../../src/modules/client';
import { LeadershipLevel, Mandate, MandateStatus } from '../../src/modules/mandate';
import { DEFAULT_RUBRIC_KEY, Rubric, RubricStatus } from '../../src/modules/rubric';
import { type Candidate, type CandidateData, createCandidate } from '../../src/modules/candidate';
import { addCandidateToMandate, type Candidacy } from '../../src/modules/candidacy';
import type { TestApp } from './test-app';
import type { TestFirm } from './fixtures';

// A mandate of a new client of the firm, led by its recruiter and pinned to the firm's default
// rubric: written directly, so these tests do not depend on createMandate.
export async function createTestMandate(
  app: TestApp,
  testFirm: TestFirm,
  options: { title?: string; status?: MandateStatus } = {},
): Promise<Mandate> {
  return app.em().transactional(async (tx) => {
    const em = tx as EntityManager;
    const firm = testFirm.firm.id;
    const rubric = await em.findOneOrFail(Rubric, { firm, key: DEFAULT_RUBRIC_KEY, status: RubricStatus.PUBLISHED });
    const client = em.create(Client, { firm, name: `Fjordnett AS ${Math.random().toString(36).slice(2, 8)}`, country: 'NO' });
    const mandate = em.create(Mandate, {
      firm,
      client,
      title: options.title ?? 'Administrerende direktør',
      leadershipLevel: LeadershipLevel.EXECUTIVE,
      leadRecruiter: testFirm.recruiter.id,
      rubric,
      status: options.status ?? MandateStatus.OPEN,
    });
    em.persist(mandate);
    return mandate;
  });
}

// Candidates written through the service, as createCandidate writes them.
export async function insertCandidate(app: TestApp, testFirm: TestFirm, data: CandidateData): Promise<Candidate> {
  const { candidate } = await app.em().transactional((tx) => createCandidate(tx as EntityManager, testFirm.firm.id, data));
  return candidate;
}

// A candidacy written through the service, as addCandidateToMandate writes it (by the recruiter).
export async function insertCandidacy(app: TestApp, testFirm: TestFirm, mandate: Mandate, candidate: Candidate): Promise<Candidacy> {
  const { candidacy } = await app.em().transactional((tx) =>
    addCandidateToMandate(tx as EntityManager, testFirm.firm.id, testFirm.recruiter.id, {
      mandateId: mandate.id,
      candidateId: candidate.id,
    }),
  );
  return candidacy;
}

const TABLES = ['candidate', 'candidate_external_ref', 'candidacy', 'candidacy_stage_change'] as const;

// Every row of the tables this area writes, so a test can assert a rejected mutation wrote nothing.
export async function snapshotTables(app: TestApp): Promise<Record<(typeof TABLES)[number], unknown[]>> {
  const connection = app.em().getConnection();
  const entries = await Promise.all(
    TABLES.map(async (table) => [table, await connection.execute(`select * from "${table}" order by "id"`)] as const),
  );
  return Object.fromEntries(entries) as Record<(typeof TABLES)[number], unknown[]>;
}

// The insert, update and delete statements the server ran on the data while `work` ran. The
// audit log's own rows are left out: every mutation and read writes them (test/audit pins them).
export async function writesDuring(app: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const knex = app.orm.em.getConnection().getKnex();
  const writes: string[] = [];
  const onQuery = (query: { sql: string }) => {
    if (/^\s*(insert|update|delete)\b/i.test(query.sql) && !/^\s*insert\s+into\s+"audit_event"/i.test(query.sql)) writes.push(query.sql);
  };
  knex.on('query', onQuery);
  try {
    await work();
  } finally {
    knex.removeListener('query', onQuery);
  }
  return writes;
}
