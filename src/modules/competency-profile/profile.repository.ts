import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../common/sql';
import {
  INSERT_MATCH_ROWS_SQL,
  lockMatchOrdersShared,
  maintainedAndRebuiltMatches,
  type MatchRow,
  matchRowsSql,
} from './match-order.repository';

// The counted ratings (§3: non-null scores of the latest revision of every submitted scorecard) of
// some candidates, summed per candidacy and competency key. Erased candidates and candidates who
// withdrew consent have no rows: they are in nobody's talent pool. Shared by the refresh and by
// the rebuild check, so both read the ratings the same way.
export const COUNTED_PROFILE_SQL = `
  select c.firm_id, c.candidate_id, c.id as candidacy_id, c.mandate_id, r.competency_key,
         sum(r.score)::int as score_sum, count(*)::int as ratings_count, max(s.submitted_at) as last_assessed_at
    from candidacy c
    join candidate p on p.id = c.candidate_id and p.erased_at is null and p.consent_status <> 'WITHDRAWN'
    join interview i on i.candidacy_id = c.id
    join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
    join rating r on r.revision_id = s.latest_revision_id and r.score is not null
   where c.firm_id = ? and (?::uuid[] is null or c.candidate_id = any(?::uuid[]))
   group by c.firm_id, c.candidate_id, c.id, c.mandate_id, r.competency_key`;

// The per-candidate rollup of those rows (candidate_competency_rollup): per candidate and key the
// sums, the number of mandates (one candidacy per mandate and candidate) and the last assessment.
const ROLLUP_OF_FRESH_SQL = `
  select firm_id, candidate_id, competency_key, sum(score_sum)::int as score_sum, sum(ratings_count)::int as ratings_count,
         count(*)::int as mandates_count, max(last_assessed_at) as last_assessed_at
    from fresh
   group by firm_id, candidate_id, competency_key`;

// Writes the counted ratings of some candidates (null: the whole firm) into the maintained
// tables in one statement: the per-candidacy rows, their per-candidate rollup, and the rollup's
// match rows for every mandate of the firm whose talent-pool order is built (match-order.repository.ts),
// all from the same read of the ratings. Parameters: firm id, candidate ids twice, firm id.
const INSERT_PROFILES_SQL = `
  with fresh as (${COUNTED_PROFILE_SQL}), candidacy_rows as (
    insert into candidate_competency_profile
      (firm_id, candidate_id, candidacy_id, mandate_id, competency_key, score_sum, ratings_count, last_assessed_at)
    select firm_id, candidate_id, candidacy_id, mandate_id, competency_key, score_sum, ratings_count, last_assessed_at from fresh
  ), rolled as (${ROLLUP_OF_FRESH_SQL}), rollup_rows as (
    insert into candidate_competency_rollup
      (firm_id, candidate_id, competency_key, score_sum, ratings_count, mandates_count, last_assessed_at)
    select firm_id, candidate_id, competency_key, score_sum, ratings_count, mandates_count, last_assessed_at from rolled
  ), ${matchRowsSql('rolled', 'built')}
  ${INSERT_MATCH_ROWS_SQL}`;

// Recomputes the maintained competency profile rows (per candidacy, their per-candidate rollup and
// the talent-pool match rows of the built mandates) of these candidates from their counted ratings,
// in the caller's transaction: every submit and amend of a scorecard, erasure, consent change (and a
// later merge of candidates) calls it for the candidates it touched, so the pool never reads a
// profile older than the data. Three statements whatever the number of candidates and mandates;
// the match rows touched are (candidates × built mandates of the firm).
export async function refreshCandidateProfiles(em: EntityManager, firmId: string, candidateIds: readonly string[]): Promise<void> {
  if (candidateIds.length === 0) return;
  const ids = uuidArray([...new Set(candidateIds)]);
  await lockMatchOrdersShared(em, firmId);
  await em.execute(
    `with candidacy_rows as (delete from candidate_competency_profile where firm_id = ? and candidate_id = any(?::uuid[])),
     match_rows as (delete from talent_pool_match where firm_id = ? and candidate_id = any(?::uuid[]))
     delete from candidate_competency_rollup where firm_id = ? and candidate_id = any(?::uuid[])`,
    [firmId, ids, firmId, ids, firmId, ids],
  );
  await em.execute(INSERT_PROFILES_SQL, [firmId, ids, ids, firmId]);
}

// Rebuilds the whole firm's maintained profile (and the built match orders) from its counted
// ratings, in the same statements: for data written outside the services (a bulk load, the
// benchmark's generated firm).
export async function rebuildFirmProfiles(em: EntityManager, firmId: string): Promise<void> {
  await lockMatchOrdersShared(em, firmId);
  await em.execute(
    `with candidacy_rows as (delete from candidate_competency_profile where firm_id = ?),
     match_rows as (delete from talent_pool_match where firm_id = ?)
     delete from candidate_competency_rollup where firm_id = ?`,
    [firmId, firmId, firmId],
  );
  await em.execute(INSERT_PROFILES_SQL, [firmId, null, null, firmId]);
}

export interface ProfileRow {
  candidateId: string;
  candidacyId: string;
  mandateId: string;
  competencyKey: string;
  scoreSum: number;
  ratingsCount: number;
  lastAssessedAt: string;
}

export interface RollupRow {
  candidateId: string;
  competencyKey: string;
  scoreSum: number;
  ratingsCount: number;
  mandatesCount: number;
  lastAssessedAt: string;
}

const AT_UTC = `to_char(last_assessed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as last_assessed_at`;
const ROW_COLUMNS = `candidate_id, candidacy_id, mandate_id, competency_key, score_sum, ratings_count, ${AT_UTC}`;
const ROLLUP_COLUMNS = `candidate_id, competency_key, score_sum, ratings_count, mandates_count, ${AT_UTC}`;

// The firm's maintained rows (per candidacy, and the per-candidate rollup) and the rows a rebuild
// from scratch would write, in one order: the check that the maintenance missed nothing (tests and
// an operator's consistency check). The rebuilt rollup is summed from the ratings, not read from
// the maintained per-candidacy rows; so are the rebuilt match rows of the built mandates.
export async function maintainedAndRebuiltProfiles(
  em: EntityManager,
  firmId: string,
): Promise<{
  maintained: ProfileRow[];
  rebuilt: ProfileRow[];
  maintainedRollup: RollupRow[];
  rebuiltRollup: RollupRow[];
  maintainedMatches: MatchRow[];
  rebuiltMatches: MatchRow[];
}> {
  const order = 'order by candidacy_id, competency_key';
  const rollupOrder = 'order by candidate_id, competency_key';
  const [maintained, rebuilt, maintainedRollup, rebuiltRollup, matches] = await Promise.all([
    em.execute<Record<string, unknown>[]>(`select ${ROW_COLUMNS} from candidate_competency_profile where firm_id = ? ${order}`, [firmId]),
    em.execute<Record<string, unknown>[]>(`select ${ROW_COLUMNS} from (${COUNTED_PROFILE_SQL}) fresh ${order}`, [firmId, null, null]),
    em.execute<Record<string, unknown>[]>(`select ${ROLLUP_COLUMNS} from candidate_competency_rollup where firm_id = ? ${rollupOrder}`, [
      firmId,
    ]),
    em.execute<Record<string, unknown>[]>(
      `with fresh as (${COUNTED_PROFILE_SQL}) select ${ROLLUP_COLUMNS} from (${ROLLUP_OF_FRESH_SQL}) rolled ${rollupOrder}`,
      [firmId, null, null],
    ),
    maintainedAndRebuiltMatches(em, firmId, `with fresh as (${COUNTED_PROFILE_SQL}) ${ROLLUP_OF_FRESH_SQL}`, [firmId, null, null]),
  ]);
  return {
    maintained: maintained.map(toRow),
    rebuilt: rebuilt.map(toRow),
    maintainedRollup: maintainedRollup.map(toRollupRow),
    rebuiltRollup: rebuiltRollup.map(toRollupRow),
    maintainedMatches: matches.maintained,
    rebuiltMatches: matches.rebuilt,
  };
}

function toRollupRow(row: Record<string, unknown>): RollupRow {
  return {
    candidateId: row.candidate_id as string,
    competencyKey: row.competency_key as string,
    scoreSum: Number(row.score_sum),
    ratingsCount: Number(row.ratings_count),
    mandatesCount: Number(row.mandates_count),
    lastAssessedAt: row.last_assessed_at as string,
  };
}

function toRow(row: Record<string, unknown>): ProfileRow {
  return {
    candidateId: row.candidate_id as string,
    candidacyId: row.candidacy_id as string,
    mandateId: row.mandate_id as string,
    competencyKey: row.competency_key as string,
    scoreSum: Number(row.score_sum),
    ratingsCount: Number(row.ratings_count),
    lastAssessedAt: row.last_assessed_at as string,
  };
}
