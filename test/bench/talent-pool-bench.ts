import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { rebuildFirmProfiles } from '../../src/modules/competency-profile';
import { poolStatement, type TalentPoolFilterData } from '../../src/modules/talent-pool';

// The talent pool's benchmark mandate (issue 17): opened after every search of the generated firm,
// nobody in its pipeline, six weighted competencies of which two are must-haves. The generated
// ratings were written as rows, so the maintained profile is rebuilt once for the whole firm.
export const TALENT_POOL_PROFILE = [
  { key: 'CUSTOMER_INSIGHT', weight: 5, target: 4, minimum: 3 },
  { key: 'OUTSIDE_IN', weight: 4, target: 4, minimum: 2 },
  { key: 'SERVICE_CULTURE', weight: 3, target: 4, minimum: null },
  { key: 'EXECUTION', weight: 3, target: 4, minimum: null },
  { key: 'LEADS_BY_EXAMPLE', weight: 2, target: 3, minimum: null },
  { key: 'FORESIGHT', weight: 2, target: 3, minimum: null },
];

export async function prepareTalentPool(
  em: EntityManager,
  firmId: string,
  templateMandateId: string,
): Promise<{ mandateId: string; pooledCandidates: number }> {
  const mandateId = randomUUID();
  await em.execute(
    `insert into mandate (id, created_at, updated_at, firm_id, title, client_id, leadership_level, location,
                          lead_recruiter_id, status, rubric_id, version)
     select ?, now(), now(), firm_id, 'Talent pool: Chief Customer Officer', client_id, leadership_level, location,
            lead_recruiter_id, 'OPEN', rubric_id, 1
       from mandate where id = ?`,
    [mandateId, templateMandateId],
  );
  for (const requirement of TALENT_POOL_PROFILE) {
    await em.execute(
      `insert into requirement (id, created_at, updated_at, firm_id, mandate_id, competency_key, weight, target, minimum)
       values (?, now(), now(), ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), firmId, mandateId, requirement.key, requirement.weight, requirement.target, requirement.minimum],
    );
  }
  await rebuildFirmProfiles(em, firmId);
  // As autovacuum would leave them: statistics for the planner, a visibility map for index-only scans.
  await em.execute('vacuum analyze candidate_competency_profile, candidate_competency_rollup');
  const [{ count }] = await em.execute<{ count: number }[]>(
    `select count(distinct candidate_id)::int as count from candidate_competency_profile
      where firm_id = ? and competency_key = any(?::text[])`,
    [firmId, `{${TALENT_POOL_PROFILE.map((each) => each.key).join(',')}}`],
  );
  return { mandateId, pooledCandidates: count };
}

// The indexes (and sequential scans) of the pool's statement under each filter, from EXPLAIN on
// the generated firm: what the README says the filters use.
export async function explainTalentPool(em: EntityManager, firmId: string, mandateId: string): Promise<Record<string, string[]>> {
  const filters: Record<string, TalentPoolFilterData> = {
    none: {},
    minCoverage: { minCoverage: 0.8 },
    assessedSince: { assessedSince: new Date('2026-06-01T00:00:00Z') },
    locations: { locations: ['Oslo'] },
    languages: { languages: ['sv'] },
    tags: { tags: ['board'] },
    includePipeline: { includePipeline: true },
  };
  const result: Record<string, string[]> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const pool = poolStatement(firmId, mandateId, null, filter);
    const [row] = await em.execute<{ 'QUERY PLAN': unknown }[]>(
      `explain (format json) ${pool.sql} select * from keyed
        order by missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key, id limit 51`,
      pool.params,
    );
    const found = new Set<string>();
    const walk = (node: Record<string, unknown>) => {
      if (typeof node['Index Name'] === 'string') found.add(`${node['Node Type']} ${node['Index Name']}`);
      else if (node['Node Type'] === 'Seq Scan') found.add(`Seq Scan ${node['Relation Name']}`);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((row['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0].Plan);
    result[name] = [...found].sort();
  }
  return result;
}

// EXPLAIN (ANALYZE, BUFFERS) of the pool's page statement (no filter, first page of 50, as an API
// key sees it): the plan's leading nodes with their times, for the README's figures.
export async function analyzeTalentPool(em: EntityManager, firmId: string, mandateId: string): Promise<string[]> {
  const pool = poolStatement(firmId, mandateId, null, {});
  await em.execute(`${pool.sql} select count(*) from keyed`, pool.params);
  const rows = await em.execute<{ 'QUERY PLAN': string }[]>(
    `explain (analyze, buffers) ${pool.sql} select * from keyed
      order by missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key, id limit 51`,
    pool.params,
  );
  return rows.map((row) => row['QUERY PLAN']);
}
