import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ensureMatchOrder, rebuildFirmProfiles } from '../../src/modules/competency-profile';
import { poolStatement, type TalentPoolFilterData } from '../../src/modules/talent-pool';

// The talent pool's benchmark mandate (issue 17): opened after every search of the generated firm,
// nobody in its pipeline, six weighted competencies of which two are must-haves. With `assessAll`,
// every candidate the generator left unassessed is first given one earlier assessment (the issue's
// "firm of 100,000 assessed candidates"). The generated ratings were written as rows, so the
// maintained profile is rebuilt once for the whole firm, and the mandate's match order is built as
// its first talentPool read would (ensureMatchOrder), timed: the cost of a profile change.
export const TALENT_POOL_PROFILE = [
  { key: 'CUSTOMER_INSIGHT', weight: 5, target: 4, minimum: 3 },
  { key: 'OUTSIDE_IN', weight: 4, target: 4, minimum: 2 },
  { key: 'SERVICE_CULTURE', weight: 3, target: 4, minimum: null },
  { key: 'EXECUTION', weight: 3, target: 4, minimum: null },
  { key: 'LEADS_BY_EXAMPLE', weight: 2, target: 3, minimum: null },
  { key: 'FORESIGHT', weight: 2, target: 3, minimum: null },
];

export interface PreparedTalentPool {
  mandateId: string;
  pooledCandidates: number;
  // Candidates given an earlier assessment here (assessAll), and how long each step took.
  assessedHere: number;
  seconds: { assess: number; rebuildProfiles: number; buildOrder: number };
  matchRows: number;
}

export async function prepareTalentPool(
  em: EntityManager,
  firmId: string,
  templateMandateId: string,
  options: { assessAll: boolean },
): Promise<PreparedTalentPool> {
  const mandateId = await copyMandate(em, templateMandateId, 'Talent pool: Chief Customer Officer', 'OPEN');
  for (const requirement of TALENT_POOL_PROFILE) {
    await em.execute(
      `insert into requirement (id, created_at, updated_at, firm_id, mandate_id, competency_key, weight, target, minimum)
       values (?, now(), now(), ?, ?, ?, ?, ?, ?)`,
      [randomUUID(), firmId, mandateId, requirement.key, requirement.weight, requirement.target, requirement.minimum],
    );
  }
  let started = Date.now();
  const assessedHere = options.assessAll ? await assessEveryCandidate(em, firmId, templateMandateId) : 0;
  const assess = (Date.now() - started) / 1000;
  started = Date.now();
  await em.transactional((tx) => rebuildFirmProfiles(tx as EntityManager, firmId));
  const rebuildProfiles = (Date.now() - started) / 1000;
  await em.execute('vacuum analyze candidate_competency_profile, candidate_competency_rollup');
  started = Date.now();
  await ensureMatchOrder(em, firmId, mandateId);
  const buildOrder = (Date.now() - started) / 1000;
  // As autovacuum would leave them: statistics for the planner, a visibility map for index-only scans.
  await em.execute('vacuum analyze talent_pool_match, talent_pool_match_built');
  const [{ count }] = await em.execute<{ count: number }[]>(
    `select count(distinct candidate_id)::int as count from candidate_competency_rollup
      where firm_id = ? and competency_key = any(?::text[])`,
    [firmId, `{${TALENT_POOL_PROFILE.map((each) => each.key).join(',')}}`],
  );
  const [{ rows }] = await em.execute<{ rows: number }[]>(
    'select count(*)::int as rows from talent_pool_match where firm_id = ? and mandate_id = ?',
    [firmId, mandateId],
  );
  return { mandateId, pooledCandidates: count, assessedHere, seconds: { assess, rebuildProfiles, buildOrder }, matchRows: rows };
}

async function copyMandate(em: EntityManager, templateMandateId: string, title: string, status: string): Promise<string> {
  const mandateId = randomUUID();
  await em.execute(
    `insert into mandate (id, created_at, updated_at, firm_id, title, client_id, leadership_level, location,
                          lead_recruiter_id, status, rubric_id, version)
     select ?, now(), now(), firm_id, ?, client_id, leadership_level, location, lead_recruiter_id, ?, rubric_id, 1
       from mandate where id = ?`,
    [mandateId, title, status, templateMandateId],
  );
  return mandateId;
}

// One earlier search (a FILLED mandate on the template's rubric) in which every candidate without
// an interview so far was interviewed once and scored by one recruiter on every competency (one
// in twenty-five not assessed), submitted on a day of 2024: set-based SQL, deterministic (hashes
// of the ids). Returns how many candidates it assessed.
async function assessEveryCandidate(em: EntityManager, firmId: string, templateMandateId: string): Promise<number> {
  const earlier = await copyMandate(em, templateMandateId, 'Earlier searches (benchmark talent pool)', 'FILLED');
  const hash = (text: string, salt: number) =>
    `(('x' || substr(md5(${text} || ':${salt}'), 1, 12))::bit(48)::bigint::float8 / 281474976710656.0)`;
  await em.execute(
    `insert into candidacy (id, created_at, updated_at, firm_id, mandate_id, candidate_id, stage)
     select md5('pool-candidacy:' || p.id)::uuid, t, t, p.firm_id, ?, p.id, 'REJECTED'
       from candidate p,
            lateral (select timestamptz '2024-01-01 09:00Z' + make_interval(days => floor(${hash('p.id::text', 1)} * 330)::int) as t) at
      where p.firm_id = ?
        and not exists (select 1 from candidacy c join interview i on i.candidacy_id = c.id where c.candidate_id = p.id)`,
    [earlier, firmId],
  );
  await em.execute(
    `insert into candidacy_stage_change (id, created_at, updated_at, firm_id, candidacy_id, from_stage, to_stage, reason)
     select md5('pool-stage:' || c.id)::uuid, c.created_at, c.created_at, c.firm_id, c.id, null, c.stage, 'Benchmark data'
       from candidacy c where c.firm_id = ? and c.mandate_id = ?`,
    [firmId, earlier],
  );
  await em.execute(
    `insert into interview (id, created_at, updated_at, firm_id, candidacy_id, kind, scheduled_at)
     select md5('pool-interview:' || c.id)::uuid, c.created_at, c.created_at, c.firm_id, c.id, 'COMPETENCY', c.created_at + interval '7 days'
       from candidacy c where c.firm_id = ? and c.mandate_id = ?`,
    [firmId, earlier],
  );
  await em.execute(
    `with recruiters as (select array_agg(id order by id) as ids from "user" where firm_id = ? and role = 'RECRUITER')
     insert into scorecard (id, created_at, updated_at, firm_id, interview_id, interviewer_id, status, submitted_at, version)
     select md5('pool-scorecard:' || i.id)::uuid, i.scheduled_at, i.scheduled_at + interval '1 day', i.firm_id, i.id,
            u.ids[1 + floor(${hash('i.id::text', 2)} * cardinality(u.ids))::int], 'SUBMITTED', i.scheduled_at + interval '1 day', 1
       from interview i
       join candidacy c on c.id = i.candidacy_id and c.mandate_id = ?
       cross join recruiters u
      where i.firm_id = ?`,
    [firmId, earlier, firmId],
  );
  await em.execute(
    `insert into scorecard_revision (id, created_at, updated_at, firm_id, scorecard_id, number, recommendation, summary, reason, author_id)
     select md5('pool-revision:' || s.id)::uuid, s.submitted_at, s.submitted_at, s.firm_id, s.id, 1, 'YES',
            'Met the candidate for ninety minutes.', null, s.interviewer_id
       from scorecard s join interview i on i.id = s.interview_id join candidacy c on c.id = i.candidacy_id and c.mandate_id = ?
      where s.firm_id = ?`,
    [earlier, firmId],
  );
  await em.execute(
    `update scorecard s set latest_revision_id = r.id
       from scorecard_revision r
      where r.scorecard_id = s.id and s.firm_id = ? and s.latest_revision_id is null`,
    [firmId],
  );
  await em.execute(
    `insert into rating (id, created_at, updated_at, firm_id, revision_id, competency_key, score, evidence)
     select md5('pool-rating:' || r.id || ':' || k.key)::uuid, r.created_at, r.created_at, r.firm_id, r.id, k.key, score,
            case when score is not null then 'Described a concrete customer case.' end
       from scorecard_revision r
       join scorecard s on s.id = r.scorecard_id
       join interview i on i.id = s.interview_id
       join candidacy c on c.id = i.candidacy_id and c.mandate_id = ?
       join mandate m on m.id = c.mandate_id
       join competency k on k.rubric_id = m.rubric_id,
            lateral (select case when ${hash('r.id::text || k.key', 3)} < 0.04 then null
                                 else greatest(1, least(5, round(1.5 + ${hash('c.candidate_id::text', 4)} * 3.2
                                                                 + (${hash('r.id::text || k.key', 5)} - 0.5) * 2.2)))::smallint end as score) v
      where r.firm_id = ?`,
    [earlier, firmId],
  );
  const [{ count }] = await em.execute<{ count: number }[]>(
    'select count(*)::int as count from candidacy where firm_id = ? and mandate_id = ?',
    [firmId, earlier],
  );
  return count;
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
    const pool = poolStatement(firmId, mandateId, null, filter, null, 51);
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
  const pool = poolStatement(firmId, mandateId, null, {}, null, 51);
  await em.execute(`${pool.sql} select count(*) from keyed`, pool.params);
  const rows = await em.execute<{ 'QUERY PLAN': string }[]>(
    `explain (analyze, buffers) ${pool.sql} select * from keyed
      order by missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key, id limit 51`,
    pool.params,
  );
  return rows.map((row) => row['QUERY PLAN']);
}
